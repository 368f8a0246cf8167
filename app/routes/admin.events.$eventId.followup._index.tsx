// Staff: after the meeting - the minutes (save, publish, unpublish) and the follow-up items
// (list and a new one by hand). Items from input and live questions are made in one click there.
import { Alert, Button, Table, Tag } from "@digdir/designsystemet-react";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { ErrorSummary, TextAreaField } from "~/modules/admin-events/staff-form";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { FollowUpItemForm } from "~/modules/followup/followup-item-form";
import { followUpItemSchema, followUpStatusKey, minutesSchema, moveItemSchema, UNASSIGNED_UNIT } from "~/modules/followup/followup.schema";
import { createItem, listStaffItems, moveItem, saveMinutes } from "~/modules/followup/followup.server";
import { formatDateTime } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");

function statusKeyOr(t: ReturnType<typeof useT>, status: string): string {
  const key = followUpStatusKey(status);
  return key ? t(key) : status;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const t = translator(await getLocale(request));
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:followup.title", { event: event.title }) }),
    event: {
      id: event.id,
      title: event.title,
      slug: event.slug,
      status: event.status,
      minutes: event.minutes,
      minutesPublishedAt: event.minutesPublishedAt,
    },
    items: await listStaffItems(event.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const formData = await request.formData().catch(() => null);
  const base = `/admin/events/${event.id}/followup`;
  if (!formData)
    return data({ intent: "unknown", result: { status: "error" as const, error: { "": ["staff-tools:followup.error.badForm"] } } }, { status: 400 });
  const intent = String(formData.get("intent") ?? "");
  if (intent === "move") {
    const parsed = moveItemSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return data(
        {
          intent,
          result: { status: "error" as const, error: { "": [parsed.error.issues[0]?.message ?? "staff-tools:followup.error.unknownAction"] } },
        },
        { status: 400 }
      );
    const moved = await moveItem(actorOf(staff), event.id, parsed.data.itemId, parsed.data.direction);
    return redirect(`${base}${moved ? "?flyttet=1" : ""}#items-heading`);
  }
  if (intent === "new-item") {
    const submission = parseWithZod(formData, { schema: followUpItemSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const item = await createItem(actorOf(staff), event.id, submission.value);
    if (!item) throw new Response(translator(await getLocale(request))("staff-tools:followup.error.eventNotFound"), { status: 404 });
    return redirect(`${base}?lagtTil=1#items-heading`);
  }
  const submission = parseWithZod(formData, { schema: minutesSchema });
  if (submission.status !== "success") return data({ intent: "minutes", result: submission.reply() }, { status: 400 });
  const { intent: action, minutes } = submission.value;
  if (action === "publish-minutes" && minutes.length === 0) {
    return data({ intent: "minutes", result: submission.reply({ fieldErrors: { minutes: ["staff-tools:followup.error.publishEmpty"] } }) }, { status: 400 });
  }
  await saveMinutes(actorOf(staff), event.id, minutes, action === "publish-minutes" ? "publish" : action === "unpublish-minutes" ? "unpublish" : "save");
  return redirect(`${base}?referat=${action === "publish-minutes" ? "publisert" : action === "unpublish-minutes" ? "avpublisert" : "lagret"}#minutes-heading`);
}

function MinutesForm({ minutes, published, lastResult }: { minutes: string; published: boolean; lastResult: unknown }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "minutes",
    lastResult: navigation.state === "idle" ? (lastResult as never) : undefined,
    defaultValue: { minutes },
    constraint: getZodConstraint(minutesSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: minutesSchema }),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={{ minutes: t("staff-tools:followup.minutes") }} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextAreaField field={fields.minutes} label={t("staff-tools:followup.minutes")} help={t("staff-tools:followup.minutesHelp")} rows={12} />
        <p className="actions">
          <Button type="submit" name="intent" value="save-minutes" variant="secondary">
            {t("staff-tools:followup.saveDraft")}
          </Button>{" "}
          <Button type="submit" name="intent" value="publish-minutes" variant="primary">
            {published ? t("staff-tools:followup.saveAndShow") : t("staff-tools:followup.publish")}
          </Button>{" "}
          {published ? (
            <Button type="submit" name="intent" value="unpublish-minutes" variant="secondary">
              {t("staff-tools:followup.unpublish")}
            </Button>
          ) : null}
        </p>
      </Form>
    </>
  );
}

export default function AdminFollowUp() {
  const { event, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const minutesKey = (
    {
      publisert: "staff-tools:followup.notice.published",
      avpublisert: "staff-tools:followup.notice.unpublished",
      lagret: "staff-tools:followup.notice.saved",
    } as const
  )[params.get("referat") ?? ""];
  const minutesNotice = minutesKey ? t(minutesKey) : undefined;
  return (
    <>
      <nav aria-label={t("staff-tools:followup.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-tools:followup.events")}</Link>
        {" › "}
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-tools:followup.heading", { event: event.title })}</h1>
      <p>
        {t("staff-tools:followup.intro.shownUnder")}{" "}
        {event.status === "DRAFT" ? (
          t("staff-tools:followup.intro.draftPage")
        ) : (
          <Link to={`/events/${event.slug}`}>{t("staff-tools:followup.intro.page")}</Link>
        )}
        {t("staff-tools:followup.intro.makeFrom")} <Link to={`/admin/events/${event.id}/input`}>{t("staff-tools:followup.intro.input")}</Link>{" "}
        {t("staff-tools:followup.intro.or")} <Link to={`/admin/events/${event.id}/live`}>{t("staff-tools:followup.intro.live")}</Link>
        {t("staff-tools:followup.intro.orNew")}
      </p>
      {minutesNotice || params.get("lagtTil") || params.get("slettet") || params.get("flyttet") ? (
        <Alert data-color="success" role="status">
          {minutesNotice ??
            t(
              params.get("slettet")
                ? "staff-tools:followup.notice.deleted"
                : params.get("flyttet")
                ? "staff-tools:followup.notice.moved"
                : "staff-tools:followup.notice.added"
            )}
        </Alert>
      ) : null}

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t("staff-tools:followup.minutes")}</h2>
        <p>
          {event.minutesPublishedAt
            ? t("staff-tools:followup.minutesPublished", { when: formatDateTime(new Date(event.minutesPublishedAt), locale) })
            : t("staff-tools:followup.minutesNotPublished")}
        </p>
        <MinutesForm
          minutes={event.minutes}
          published={Boolean(event.minutesPublishedAt)}
          lastResult={actionData?.intent === "minutes" ? actionData.result : undefined}
        />
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t("staff-tools:followup.items", { count: items.length })}</h2>
        {items.length === 0 ? (
          <p>{t("staff-tools:followup.noItems")}</p>
        ) : (
          <TableScroll label={t("staff-tools:followup.itemsCaption")}>
            <Table>
              <caption className="visually-hidden">{t("staff-tools:followup.itemsCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("staff-tools:followup.col.title")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:followup.col.unit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:followup.col.status")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:followup.col.source")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:followup.col.order")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((item, index) => (
                  <Table.Row key={item.id}>
                    <Table.Cell>
                      <Link to={`/admin/events/${event.id}/followup/${item.id}`}>{item.title}</Link>
                      {item.publishedAt ? null : (
                        <>
                          {" "}
                          <Tag data-color="warning">{t("staff-tools:followup.draft")}</Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{item.responsibleUnit}</Table.Cell>
                    <Table.Cell>
                      {statusKeyOr(t, item.status)} ({formatDateTime(new Date(item.statusChangedAt), locale)})
                    </Table.Cell>
                    <Table.Cell>
                      {t(
                        item.sourceInputId
                          ? "staff-tools:followup.source.input"
                          : item.sourceQuestionId
                          ? "staff-tools:followup.source.question"
                          : "staff-tools:followup.source.manual"
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <Form method="post" className="inline-actions">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="itemId" value={item.id} />
                        {index > 0 ? (
                          <Button
                            type="submit"
                            name="direction"
                            value="up"
                            aria-label={t("staff-tools:followup.moveUp", { title: item.title })}
                            variant="tertiary"
                          >
                            {t("staff-tools:followup.up")}
                          </Button>
                        ) : null}{" "}
                        {index < items.length - 1 ? (
                          <Button
                            type="submit"
                            name="direction"
                            value="down"
                            aria-label={t("staff-tools:followup.moveDown", { title: item.title })}
                            variant="tertiary"
                          >
                            {t("staff-tools:followup.down")}
                          </Button>
                        ) : null}
                      </Form>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="new-item-heading">
        <h2 id="new-item-heading">{t("staff-tools:followup.newItem")}</h2>
        <FollowUpItemForm
          id="new-item"
          intent="new-item"
          defaultValue={{
            title: "",
            summary: "",
            responsibleUnit: UNASSIGNED_UNIT,
            status: "REGISTERED",
            statusReason: "",
            publicAnswer: "",
            note: "",
            visibility: "PUBLISHED",
          }}
          lastResult={actionData?.intent === "new-item" ? (actionData.result as never) : undefined}
          submitLabel={t("staff-tools:followup.addItem")}
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-tools:followup.errorNotFound")} fallback={t("staff-tools:followup.errorFallback")} />;
}
