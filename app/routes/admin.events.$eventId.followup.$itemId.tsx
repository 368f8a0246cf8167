// Staff: edit one follow-up item - title, summary, unit, status (with a reason for "will not be
// done"), the public answer and a note for the history. A new status tells the person who sent
// the input, if they left an e-mail address.
import { Alert, Button } from "@digdir/designsystemet-react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { FollowUpItemForm } from "~/modules/followup/followup-item-form";
import { deleteItemSchema, followUpItemSchema, followUpStatusKey } from "~/modules/followup/followup.schema";
import { translateError } from "~/components/form-errors";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { deleteItem, getStaffItem, updateItem } from "~/modules/followup/followup.server";
import { formatDateTime } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";
import { CheckboxField } from "~/components/ui/field";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];
export const headers = () => ({ "Cache-Control": "private, no-store" });

async function load(request: Request, eventId: string | undefined, itemId: string | undefined) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(eventId);
  const item = await getStaffItem(event.id, itemId);
  if (!item) throw new Response(translator(await getLocale(request))("staff-tools:followup.error.itemNotFound"), { status: 404 });
  return { staff, event, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, item } = await load(request, params.eventId, params.itemId);
  const t = translator(await getLocale(request));
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:followup.item.title", { title: item.title }) }),
    event: { id: event.id, title: event.title, slug: event.slug, status: event.status },
    item,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, event, item } = await load(request, params.eventId, params.itemId);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["staff-tools:followup.error.badForm"] } } }, { status: 400 });
  if (formData.get("intent") === "delete") {
    const parsed = deleteItemSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ deleteError: parsed.error.issues[0]?.message ?? "staff-tools:followup.error.badForm" }, { status: 400 });
    if (!(await deleteItem(actorOf(staff), event.id, item.id))) {
      throw new Response(translator(await getLocale(request))("staff-tools:followup.error.itemNotFound"), { status: 404 });
    }
    return redirect(`/admin/events/${event.id}/followup?slettet=1#items-heading`);
  }
  const submission = parseWithZod(formData, { schema: followUpItemSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await updateItem(actorOf(staff), event.id, item.id, submission.value);
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [outcome.reason === "conflict" ? "staff-tools:followup.error.conflict" : "staff-tools:followup.error.itemNotFound"],
        }),
      },
      { status: outcome.reason === "conflict" ? 409 : 404 }
    );
  }
  return redirect(`/admin/events/${event.id}/followup/${item.id}?lagret=${outcome.mailed ? "varslet" : "1"}`);
}

export default function EditFollowUpItem() {
  const { event, item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const statusName = (status: string) => {
    const key = followUpStatusKey(status);
    return key ? t(key) : status;
  };
  const noticeKey = params.get("opprettet")
    ? "staff-tools:followup.item.created"
    : params.get("fantes")
    ? "staff-tools:followup.item.existed"
    : params.get("lagret") === "varslet"
    ? "staff-tools:followup.item.savedMailed"
    : params.get("lagret")
    ? "staff-tools:followup.item.saved"
    : null;
  const notice = noticeKey ? t(noticeKey) : null;
  const publicUrl = `/events/${event.slug}/oppfolging/${item.id}`;
  const contact = item.sourceInput && !item.sourceInput.anonymisedAt ? [item.sourceInput.name, item.sourceInput.email].filter(Boolean).join(", ") : "";
  return (
    <>
      <nav aria-label={t("staff-tools:followup.breadcrumbs")} className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
        {" › "}
        <Link to={`/admin/events/${event.id}/followup`}>{t("staff-tools:followup.crumb")}</Link>
      </nav>
      <h1>{t("staff-tools:followup.item.heading", { title: item.title })}</h1>
      {notice ? (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t("staff-tools:followup.item.statusNow")}</dt>
        <dd>
          {t("staff-tools:followup.item.since", {
            status: statusName(item.status),
            when: formatDateTime(new Date(item.statusChangedAt), locale),
          })}
        </dd>
        <dt>{t("staff-tools:followup.item.publicPage")}</dt>
        <dd>
          {!item.publishedAt ? (
            t("staff-tools:followup.item.draftUrl", { url: publicUrl })
          ) : event.status === "DRAFT" ? (
            t("staff-tools:followup.item.whenPublished", { url: publicUrl })
          ) : (
            <Link to={publicUrl}>{publicUrl}</Link>
          )}
        </dd>
        <dt>{t("staff-tools:followup.item.source")}</dt>
        <dd>
          {item.sourceInput
            ? t("staff-tools:followup.item.fromInput", { text: item.sourceInput.text })
            : item.sourceQuestion
            ? t("staff-tools:followup.item.fromQuestion", { text: item.sourceQuestion.text })
            : t("staff-tools:followup.source.manual")}
        </dd>
        {item.sourceInput ? (
          <>
            <dt>{t("staff-tools:followup.item.sender")}</dt>
            <dd>
              {item.sourceInput.anonymisedAt
                ? t("staff-tools:followup.item.contactDeleted")
                : contact
                ? `${contact}${item.sourceInput.email ? t("staff-tools:followup.item.getsMail") : ""}`
                : t("staff-tools:followup.item.noContact")}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t("staff-tools:followup.item.edit")}</h2>
        <FollowUpItemForm
          id="item"
          defaultValue={{
            title: item.title,
            summary: item.summary,
            responsibleUnit: item.responsibleUnit,
            status: item.status,
            statusReason: item.statusReason,
            publicAnswer: item.publicAnswer,
            note: "",
            visibility: item.publishedAt ? "PUBLISHED" : "DRAFT",
          }}
          lastResult={(actionData && "result" in actionData ? actionData.result : undefined) as never}
          submitLabel={t("staff-tools:followup.item.save")}
        />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("staff-tools:followup.item.history")}</h2>
        <ol>
          {item.updates.map((u) => (
            <li key={u.id}>
              {formatDateTime(new Date(u.at), locale)}: {statusName(u.status)}
              {u.note ? ` – ${u.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("staff-tools:followup.item.delete")}</h2>
        <p>{t("staff-tools:followup.item.deleteIntro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <CheckboxField
            id="delete-confirm"
            name="confirm"
            label={t("staff-tools:followup.item.deleteConfirm", { title: item.title })}
            error={actionData && "deleteError" in actionData ? translateError(t, actionData.deleteError) : undefined}
          />
          <p>
            <Button type="submit" variant="primary" data-color="danger">
              {t("staff-tools:followup.item.deleteButton")}
            </Button>
          </p>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-tools:followup.item.errorNotFound")} fallback={t("staff-tools:followup.item.errorFallback")} />;
}
