// Staff: edit one follow-up item - title, summary, unit, status (with a reason for "will not be
// done"), the public answer and a note for the history. A new status tells the person who sent
// the input, if they left an e-mail address.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { FollowUpItemForm } from "~/modules/followup/followup-item-form";
import { deleteItemSchema, followUpItemSchema, STATUS_NAMES_NB, type FollowUpStatus } from "~/modules/followup/followup.schema";
import { deleteItem, getStaffItem, updateItem } from "~/modules/followup/followup.server";
import { formatDateTime } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.title ?? "Oppfølgingspunkt"} – oppfølging – Samhandling` }];
export const headers = () => ({ "Cache-Control": "private, no-store" });

async function load(request: Request, eventId: string | undefined, itemId: string | undefined) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(eventId);
  const item = await getStaffItem(event.id, itemId);
  if (!item) throw new Response("Fant ikke oppfølgingspunktet.", { status: 404 });
  return { staff, event, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, item } = await load(request, params.eventId, params.itemId);
  return { event: { id: event.id, title: event.title, slug: event.slug, status: event.status }, item };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, event, item } = await load(request, params.eventId, params.itemId);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  if (formData.get("intent") === "delete") {
    const parsed = deleteItemSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ deleteError: parsed.error.issues[0]?.message ?? "Vi kunne ikke lese skjemaet." }, { status: 400 });
    if (!(await deleteItem(actorOf(staff), event.id, item.id))) throw new Response("Fant ikke oppfølgingspunktet.", { status: 404 });
    return redirect(`/admin/events/${event.id}/followup?slettet=1#items-heading`);
  }
  const submission = parseWithZod(formData, { schema: followUpItemSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await updateItem(actorOf(staff), event.id, item.id, submission.value);
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [outcome.reason === "conflict" ? "Noen andre endret punktet samtidig. Last siden på nytt og prøv igjen." : "Fant ikke oppfølgingspunktet."] }) },
      { status: outcome.reason === "conflict" ? 409 : 404 },
    );
  }
  return redirect(`/admin/events/${event.id}/followup/${item.id}?lagret=${outcome.mailed ? "varslet" : "1"}`);
}

export default function EditFollowUpItem() {
  const { event, item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("opprettet")
    ? "Oppfølgingspunktet er opprettet som utkast. Les gjennom tittel og sammendrag, sett ansvarlig enhet og status, og publiser det."
    : params.get("fantes")
      ? "Det fantes allerede et oppfølgingspunkt for dette; her er det."
      : params.get("lagret") === "varslet"
        ? "Endringene er lagret. Den som sendte innspillet, får e-post om den nye statusen."
        : params.get("lagret")
          ? "Endringene er lagret."
          : null;
  const publicUrl = `/events/${event.slug}/oppfolging/${item.id}`;
  const contact = item.sourceInput && !item.sourceInput.anonymisedAt ? [item.sourceInput.name, item.sourceInput.email].filter(Boolean).join(", ") : "";
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
        {" › "}
        <Link to={`/admin/events/${event.id}/followup`}>Referat og oppfølging</Link>
      </nav>
      <h1>Oppfølgingspunkt: {item.title}</h1>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Status nå</dt>
        <dd>
          {STATUS_NAMES_NB[item.status as FollowUpStatus] ?? item.status} (siden {formatDateTime(new Date(item.statusChangedAt))})
        </dd>
        <dt>Offentlig side</dt>
        <dd>
          {!item.publishedAt ? (
            `Utkast: vises ikke på arrangementssiden før det er publisert (${publicUrl})`
          ) : event.status === "DRAFT" ? (
            `${publicUrl} (når arrangementet er publisert)`
          ) : (
            <Link to={publicUrl}>{publicUrl}</Link>
          )}
        </dd>
        <dt>Kilde</dt>
        <dd>
          {item.sourceInput
            ? `Innspill: «${item.sourceInput.text}»`
            : item.sourceQuestion
              ? `Spørsmål i live-rommet: «${item.sourceQuestion.text}»`
              : "Skrevet for hånd"}
        </dd>
        {item.sourceInput ? (
          <>
            <dt>Innsender (bare for ansatte)</dt>
            <dd>
              {item.sourceInput.anonymisedAt
                ? "Kontaktopplysningene er slettet."
                : contact
                  ? `${contact}${item.sourceInput.email ? " – får e-post når statusen endres" : ""}`
                  : "Ingen kontaktopplysninger"}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Endre</h2>
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
          submitLabel="Lagre oppfølgingspunktet"
        />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Historikk (offentlig)</h2>
        <ol>
          {item.updates.map((u) => (
            <li key={u.id}>
              {formatDateTime(new Date(u.at))}: {STATUS_NAMES_NB[u.status as FollowUpStatus] ?? u.status}
              {u.note ? ` – ${u.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Slett</h2>
        <p>Punktet forsvinner fra arrangementssiden med hele historikken. Innspillet eller spørsmålet det kom fra, blir stående.</p>
        {actionData && "deleteError" in actionData ? (
          <p className="error" role="alert" id="delete-error">
            {actionData.deleteError}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <div className="checkbox">
            <input
              type="checkbox"
              id="delete-confirm"
              name="confirm"
              aria-invalid={actionData && "deleteError" in actionData ? true : undefined}
              aria-describedby={actionData && "deleteError" in actionData ? "delete-error" : undefined}
            />
            <label htmlFor="delete-confirm">Ja, jeg vil slette «{item.title}»</label>
          </div>
          <p>
            <button type="submit" className="danger">
              Slett oppfølgingspunktet
            </button>
          </p>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <StaffRouteError notFound="Fant ikke oppfølgingspunktet" fallback="Oppfølgingspunktet kunne ikke vises. Prøv igjen om litt." />;
}
