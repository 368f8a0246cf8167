import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { KIND_NAMES, STATUS_NAMES } from "~/modules/admin-events/event.schema";
import { cancelEvent, publishEvent, requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { ProgrammeItemForm } from "~/modules/admin-events/programme-form";
import { ITEM_KIND_NAMES, programmeItemSchema } from "~/modules/admin-events/programme.schema";
import { deleteProgrammeItem, listProgramme, programmeChoices, saveProgrammeItem } from "~/modules/admin-events/programme.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { retentionDates } from "~/modules/privacy/retention.server";
import { formatDate, formatDateTimeRange, formatPostalPlace, formatTimeRange } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Arrangement"} – ansatte – Samhandling` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const [items, choices] = await Promise.all([listProgramme(event.id), programmeChoices()]);
  return {
    event,
    items,
    choices,
    retention: retentionDates(event),
    newItemStart: toOsloLocal(items.length ? items[items.length - 1].endsAt : event.startsAt),
  };
}

const cancelSchema = z.object({
  confirm: z.literal("on", { errorMap: () => ({ message: "Kryss av for å bekrefte at du vil avlyse." }) }),
});
const deleteSchema = z.object({ itemId: z.string().min(1).max(40) });

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");
  const base = `/admin/events/${event.id}`;
  if (!formData) return data({ intent: "unknown", result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  switch (intent) {
    case "publish": {
      const ok = await publishEvent(actorOf(staff), event.id);
      return ok ? redirect(`${base}?publisert=1`) : data({ intent, result: { status: "error" as const, error: { "": ["Bare utkast kan publiseres."] } } }, { status: 409 });
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: cancelSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const outcome = await cancelEvent(actorOf(staff), event.id);
      if (!outcome.ok) return data({ intent, result: submission.reply({ formErrors: ["Arrangementet er allerede avlyst."] }) }, { status: 409 });
      return redirect(`${base}?avlyst=${outcome.notified}`);
    }
    case "delete-item": {
      const submission = parseWithZod(formData, { schema: deleteSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await deleteProgrammeItem(actorOf(staff), event.id, submission.value.itemId);
      return redirect(`${base}?slettet=1#programme-heading`);
    }
    case "add-item": {
      const submission = parseWithZod(formData, { schema: programmeItemSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const result = await saveProgrammeItem(actorOf(staff), event.id, null, submission.value);
      if (!result.ok) {
        return data(
          { intent, result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) },
          { status: result.clash ? 409 : 400 },
        );
      }
      return redirect(`${base}?lagtTil=1#programme-heading`);
    }
    default:
      return data({ intent: "unknown", result: { status: "error" as const, error: { "": ["Ukjent handling."] } } }, { status: 400 });
  }
}

export default function AdminEvent() {
  const { event, items, choices, retention, newItemStart } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const notices = [
    params.get("lagret") ? "Endringene er lagret." : null,
    params.get("varslet") ? `Tid eller sted er endret: ${params.get("varslet")} påmeldte får e-post med oppdatert kalenderinvitasjon.` : null,
    params.get("flyttet") ? `${params.get("flyttet")} fra ventelisten har fått plass.` : null,
    params.get("publisert") ? "Arrangementet er publisert." : null,
    params.get("avlyst") ? `Arrangementet er avlyst. ${params.get("avlyst")} påmeldte får beskjed på e-post.` : null,
    params.get("lagtTil") ? "Programposten er lagt til." : null,
    params.get("slettet") ? "Programposten er slettet." : null,
  ].filter(Boolean) as string[];
  const failure = actionData && (actionData.intent === "publish" || actionData.intent === "cancel" || actionData.intent === "unknown")
    ? (actionData.result as { error?: Record<string, string[] | null> }).error
    : null;
  const failureMessages = failure ? Object.values(failure).flat().filter(Boolean) : [];

  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link>
        {event.series ? (
          <>
            {" › "}
            <Link to={`/admin/series/${event.series.id}`}>{event.series.title}</Link>
          </>
        ) : null}
      </nav>
      <h1>{event.title}</h1>
      {notices.length ? (
        <div className="notice notice-ok" role="status">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}
      {failureMessages.length ? (
        <div className="error-summary" role="alert">
          {failureMessages.map((m) => (
            <p key={m} className="form-error">
              {m}
            </p>
          ))}
        </div>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_NAMES[event.status] ?? event.status}</dd>
        <dt>Type</dt>
        <dd>{KIND_NAMES[event.kind as keyof typeof KIND_NAMES] ?? event.kind}</dd>
        <dt>Tid</dt>
        <dd>{formatDateTimeRange(start, end)}</dd>
        <dt>Sted</dt>
        <dd>
          {event.venueName}, {event.venueAddress}, {formatPostalPlace(event.venuePostcode, event.venueCity)}
        </dd>
        <dt>Påmeldt</dt>
        <dd>
          {event.confirmedCount}
          {event.capacity !== null ? ` av ${event.capacity}` : " (ubegrenset)"}, {event.waiting} på venteliste
        </dd>
        <dt>Sletting</dt>
        <dd>
          Svar om kosthold og tilrettelegging{" "}
          {event.needsPurgedAt ? `ble slettet ${formatDate(new Date(event.needsPurgedAt))}` : `slettes ${formatDate(new Date(retention.needsDeletedAt))}`}{" "}
          ({event.needsRetentionDays} dager etter). Påmeldinger og kontaktopplysninger på innspill{" "}
          {event.personalDataAnonymisedAt
            ? `ble anonymisert ${formatDate(new Date(event.personalDataAnonymisedAt))}`
            : `anonymiseres ${formatDate(new Date(retention.anonymisedAt))}`}{" "}
          ({event.personalDataRetentionDays} dager etter).
        </dd>
        <dt>Nettadresse</dt>
        <dd>
          {event.status === "DRAFT" ? `/events/${event.slug} (ikke synlig før publisering)` : <Link to={`/events/${event.slug}`}>/events/{event.slug}</Link>}
        </dd>
      </dl>

      <nav aria-label="Arbeid med arrangementet">
        <ul className="actions">
          <li>
            <Link to={`/admin/events/${event.id}/edit`}>Endre arrangementet</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/registrations`}>Påmeldinger</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/checkin`}>Innsjekking</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/messages`}>Meldinger</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/live`}>Spørsmål og avstemninger (live)</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/input`}>Innspill</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/followup`}>Referat og oppfølging</Link>
          </li>
        </ul>
      </nav>

      {event.status === "DRAFT" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish" />
          <button type="submit" className="primary">
            Publiser arrangementet
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="programme-heading">
        <h2 id="programme-heading">Program</h2>
        {items.length === 0 ? (
          <p>Ingen programposter ennå.</p>
        ) : (
          <table className="data">
            <caption className="visually-hidden">Programmet i rekkefølge</caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Programpost</th>
                <th scope="col">Type</th>
                <th scope="col">Rom</th>
                <th scope="col">Organisasjon og innledere</th>
                <th scope="col">Handlinger</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{formatTimeRange(new Date(item.startsAt), new Date(item.endsAt))}</td>
                  <td>{item.title}</td>
                  <td>{ITEM_KIND_NAMES[item.kind as keyof typeof ITEM_KIND_NAMES] ?? item.kind}</td>
                  <td>{item.room ?? ""}</td>
                  <td>{[item.organisation?.name, ...item.speakers.map((s) => s.speaker.name)].filter(Boolean).join(", ")}</td>
                  <td>
                    <Link to={`/admin/events/${event.id}/programme/${item.id}`} aria-label={`Endre «${item.title}»`}>
                      Endre
                    </Link>{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="delete-item" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <button type="submit" className="link-button" aria-label={`Slett «${item.title}»`}>
                        Slett
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 id="new-item-heading">Ny programpost</h3>
        <p>
          Mangler en innleder eller organisasjon? Legg dem til under <Link to="/admin/speakers">Innledere</Link> eller{" "}
          <Link to="/admin/organisations">Organisasjoner</Link>, eller skriv inn en ny organisasjon i skjemaet.
        </p>
        <ProgrammeItemForm
          id="new-item"
          intent="add-item"
          defaultValue={{ kind: "ORGANISATION_SLOT", startsAt: newItemStart, durationMinutes: "5" }}
          lastResult={actionData?.intent === "add-item" ? actionData.result : null}
          choices={choices}
          submitLabel="Legg til i programmet"
        />
      </section>

      {event.status !== "CANCELLED" ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Avlys arrangementet</h2>
          <p>
            {event.status === "PUBLISHED"
              ? "Alle påmeldte får e-post om at arrangementet er avlyst, med en kalenderavlysning."
              : "Utkastet blir merket som avlyst."}
          </p>
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value="cancel" />
            <div className="checkbox">
              <input type="checkbox" id="cancel-confirm" name="confirm" required />
              <label htmlFor="cancel-confirm">Ja, jeg vil avlyse «{event.title}»</label>
            </div>
            <p>
              <button type="submit" className="danger">
                Avlys arrangementet
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </>
  );
}
