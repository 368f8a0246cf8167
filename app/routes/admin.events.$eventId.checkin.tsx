// Staff: check-in at the door, made for a phone. A camera scanner (with JavaScript), a code
// field (what a hardware scanner types into) and a search by name or e-mail that work as
// plain forms without JavaScript. Counts refresh every few seconds, so several phones at the
// door see the same numbers.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useRouteError,
  useSubmit,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getStaffEvent } from "~/modules/admin-registrations/registrations-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import stylesUrl from "~/modules/checkin/checkin.css?url";
import { checkInFormSchema } from "~/modules/checkin/checkin.schema";
import { checkIn, checkInCounts, searchForCheckIn, undoCheckIn } from "~/modules/checkin/checkin.server";
import { QrScanner } from "~/modules/checkin/qr-scanner";
import { formatTime } from "~/utils/format";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Innsjekking – ${data.event.title} – Samhandling` : "Innsjekking – Samhandling" },
];

export const headers = () => ({ "Cache-Control": "private, no-store" });

const REFRESH_MS = 4000;

async function requireEvent(eventId: string | undefined) {
  const event = await getStaffEvent(eventId);
  if (!event) throw new Response("Fant ikke arrangementet.", { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const [counts, results] = await Promise.all([checkInCounts(event.id), q ? searchForCheckIn(event.id, q) : []]);
  return { event, counts, q, results };
}

type Result = { kind: "ok" | "warn"; text: string; undo?: { registrationId: string; name: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const formData = await request.formData().catch(() => null);
  const parsed = checkInFormSchema.safeParse(formData ? Object.fromEntries(formData) : {});
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message;
    return data(
      { result: { kind: "warn", text: message && !message.startsWith("Invalid") ? message : "Skjemaet kunne ikke leses. Prøv igjen." } as Result },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const actor = actorOf(staff);
  if (input.intent === "undo") {
    const outcome = await undoCheckIn(event.id, input.registrationId, actor);
    const result: Result =
      outcome.outcome === "undone"
        ? { kind: "ok", text: `Innsjekkingen av ${outcome.name} er angret.` }
        : outcome.outcome === "not-checked-in"
          ? { kind: "warn", text: `${outcome.name} var ikke sjekket inn.` }
          : { kind: "warn", text: "Fant ikke påmeldingen." };
    return data({ result }, { status: outcome.outcome === "not-found" ? 404 : 200 });
  }
  const outcome = await checkIn(event.id, input.intent === "code" ? { code: input.code } : { registrationId: input.registrationId }, actor);
  let result: Result;
  let status = 200;
  switch (outcome.outcome) {
    case "checked-in":
      result = { kind: "ok", text: `${outcome.name} er sjekket inn.`, undo: { registrationId: outcome.registrationId, name: outcome.name } };
      break;
    case "already-checked-in":
      result = {
        kind: "warn",
        text: `${outcome.name} er allerede sjekket inn (kl. ${formatTime(outcome.checkedInAt)}).`,
        undo: { registrationId: outcome.registrationId, name: outcome.name },
      };
      break;
    case "waiting":
      result = { kind: "warn", text: `${outcome.name} står på ventelisten og har ikke plass. Kan ikke sjekkes inn.` };
      status = 409;
      break;
    case "cancelled":
      result = { kind: "warn", text: `Påmeldingen til ${outcome.name} er avmeldt. Kan ikke sjekkes inn.` };
      status = 409;
      break;
    case "other-event":
      result = { kind: "warn", text: "Koden gjelder et annet arrangement. Sjekk at personen er på riktig sted." };
      status = 409;
      break;
    default:
      result = { kind: "warn", text: "Ukjent kode. Prøv å skanne på nytt, eller søk etter navn." };
      status = 404;
  }
  return data({ result }, { status });
}

export default function CheckIn() {
  const { event, counts, q, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const revalidator = useRevalidator();
  const codeRef = useRef<HTMLInputElement>(null);
  const here = `/admin/events/${event.id}/checkin${q ? `?q=${encodeURIComponent(q)}` : ""}`;

  // Live counts: reload the page's data every few seconds while it is visible and idle.
  const idle = navigation.state === "idle" && revalidator.state === "idle";
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => {
    if (!idle) return;
    const timer = setTimeout(() => {
      if (document.visibilityState === "visible") revalidate.current();
    }, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [idle, counts.checkedIn, counts.confirmed]);

  // After a code was handled, empty the field for the next scan.
  useEffect(() => {
    if (navigation.state === "idle" && actionData && codeRef.current) codeRef.current.value = "";
  }, [actionData, navigation.state]);

  const result = actionData?.result;
  return (
    <div className="checkin-page">
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Innsjekking: {event.title}</h1>
      <p className="checkin-counts" id="checkin-counts" aria-live="polite" aria-atomic="true">
        <strong>{counts.checkedIn}</strong> av {counts.confirmed} bekreftede er sjekket inn
      </p>

      {result ? (
        <div className={`notice ${result.kind === "ok" ? "notice-ok" : "notice-warn"}`} role={result.kind === "ok" ? "status" : "alert"}>
          <p>
            <strong>{result.text}</strong>
          </p>
          {result.undo ? (
            <Form method="post" action={here}>
              <input type="hidden" name="intent" value="undo" />
              <input type="hidden" name="registrationId" value={result.undo.registrationId} />
              <button type="submit">Angre innsjekking av {result.undo.name}</button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="scan-heading">
        <h2 id="scan-heading">Skann QR-kode</h2>
        <QrScanner onCode={(code) => submit({ intent: "code", code }, { method: "post", action: here, replace: true })} />
        <Form method="post" action={here} className="stacked">
          <input type="hidden" name="intent" value="code" />
          <div className="field">
            <label htmlFor="code">Kode</label>
            <p className="help" id="code-help">
              Skriv eller lim inn koden fra e-posten. En håndholdt skanner skriver den inn her.
            </p>
            <input
              ref={codeRef}
              type="text"
              id="code"
              name="code"
              required
              maxLength={200}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-describedby="code-help"
            />
          </div>
          <p>
            <button type="submit" className="primary">
              Sjekk inn kode
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="search-heading">
        <h2 id="search-heading">Søk etter deltaker</h2>
        <Form method="get" role="search" aria-labelledby="search-heading" className="stacked">
          <div className="field">
            <label htmlFor="q">Navn eller e-post</label>
            <input type="search" id="q" name="q" defaultValue={q} minLength={2} maxLength={200} autoComplete="off" />
          </div>
          <p>
            <button type="submit">Søk</button>
          </p>
        </Form>
        {q ? (
          results.length === 0 ? (
            <p role="status">Ingen bekreftede deltakere passer «{q}».</p>
          ) : (
            <ul className="checkin-results" aria-label="Treff">
              {results.map((r) => (
                <li key={r.id}>
                  <span>
                    <strong>{r.name}</strong>
                    <br />
                    <span className="small">{r.email}{r.organisation ? ` · ${r.organisation}` : ""}</span>
                    <br />
                    {r.checkedInAt ? `Sjekket inn kl. ${formatTime(new Date(r.checkedInAt))}` : "Ikke sjekket inn"}
                  </span>
                  <Form method="post" action={here}>
                    <input type="hidden" name="registrationId" value={r.id} />
                    {r.checkedInAt ? (
                      <button type="submit" name="intent" value="undo" aria-label={`Angre innsjekking av ${r.name}`}>
                        Angre
                      </button>
                    ) : (
                      <button type="submit" name="intent" value="checkin" className="primary" aria-label={`Sjekk inn ${r.name}`}>
                        Sjekk inn
                      </button>
                    )}
                  </Form>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <p>
        <Link to={`/admin/events/${event.id}/registrations`}>Alle påmeldinger</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <div className="notice notice-warn" role="alert">
      <h1>Innsjekking</h1>
      <p>
        {isRouteErrorResponse(error) && typeof error.data === "string"
          ? error.data
          : "Noe gikk galt. Last siden på nytt, eller prøv igjen senere."}
      </p>
      <p>
        <Link to="/admin/events">Til arrangementene</Link>
      </p>
    </div>
  );
}
