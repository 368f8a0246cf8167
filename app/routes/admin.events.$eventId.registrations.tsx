// Staff: an event's registrations. Search and filters are a GET form (work without
// JavaScript); adding by hand, moving from the waiting list and cancelling are POST forms.
// Diet and accessibility needs are shown on this page only.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { describedBy, Field } from "~/components/ui/field";
import stylesUrl from "~/modules/admin-registrations/registrations.css?url";
import { LOCALE_NAMES, LOCALES } from "~/i18n/locales";
import {
  addRegistrationByStaff,
  cancelByStaff,
  confirmFromWaitlist,
  getStaffEvent,
  listRegistrations,
} from "~/modules/admin-registrations/registrations-admin.server";
import {
  filtersFromSearchParams,
  registrationActionSchema,
  staffRegistrationSchema,
} from "~/modules/admin-registrations/staff-registration.schema";
import { STATUS_LABEL, staffMessage } from "~/modules/admin-registrations/staff-texts";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { FREE_TEXT_MAX, NAME_MAX, EMAIL_MAX } from "~/modules/registration/registration.schema";
import { formatDateTime, formatDateTimeRange, formatPhone } from "~/utils/format";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Påmeldinger – ${data.event.title} – Samhandling` : "Påmeldinger – Samhandling" },
];

export const headers = () => ({ "Cache-Control": "private, no-store" });

async function requireEvent(eventId: string | undefined) {
  const event = await getStaffEvent(eventId);
  if (!event) throw new Response("Fant ikke arrangementet.", { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const filters = filtersFromSearchParams(new URL(request.url).searchParams);
  const { registrations, counts } = await listRegistrations(event.id, filters);
  return { event, filters, registrations, counts };
}

type Notice = { kind: "ok" | "warn"; text: string };
type Full = { registrationId: string; name: string; capacity: number | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const actor = actorOf(staff);
  const formData = await request.formData().catch(() => null);
  const bad = (text: string, status = 400) =>
    data({ result: undefined, notice: { kind: "warn", text } as Notice, full: null as Full | null }, { status });
  if (!formData) return bad("Skjemaet kunne ikke leses.");

  if (formData.get("intent") === "add") {
    const submission = parseWithZod(formData, { schema: staffRegistrationSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply(), notice: null as Notice | null, full: null as Full | null }, { status: 400 });
    }
    const outcome = await addRegistrationByStaff(event.id, submission.value, actor);
    switch (outcome.outcome) {
      case "confirmed":
        return data({ result: submission.reply({ resetForm: true }), notice: { kind: "ok", text: `${submission.value.name} er lagt til og bekreftet. Bekreftelse er sendt på e-post.` } as Notice, full: null });
      case "waiting":
        return data({ result: submission.reply({ resetForm: true }), notice: { kind: "ok", text: `Arrangementet er fullt: ${submission.value.name} er satt på ventelisten som nummer ${outcome.position}.` } as Notice, full: null });
      case "duplicate":
        return data(
          {
            result: submission.reply({
              fieldErrors: {
                email: [`${outcome.name} er allerede påmeldt med denne e-postadressen (${STATUS_LABEL[outcome.status]?.toLowerCase() ?? outcome.status}).`],
              },
            }),
            notice: null,
            full: null,
          },
          { status: 409 },
        );
      case "event-cancelled":
        return data({ result: submission.reply({ formErrors: ["Arrangementet er avlyst. Ingen kan legges til."] }), notice: null, full: null }, { status: 409 });
      case "event-over":
        return data({ result: submission.reply({ formErrors: ["Arrangementet er over. Ingen kan legges til."] }), notice: null, full: null }, { status: 409 });
      default:
        throw new Response("Fant ikke arrangementet.", { status: 404 });
    }
  }

  const parsed = registrationActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return bad("Ukjent handling. Last siden på nytt og prøv igjen.");
  const input = parsed.data;
  if (input.intent === "confirm") {
    const outcome = await confirmFromWaitlist(event.id, input.registrationId, actor, { raiseCapacity: input.raiseCapacity });
    switch (outcome.outcome) {
      case "confirmed":
        return data({
          result: undefined,
          notice: {
            kind: "ok",
            text: `${outcome.name} er flyttet fra ventelisten og bekreftet${outcome.capacityRaised ? ", og kapasiteten er økt med 1" : ""}. Beskjed er sendt på e-post.`,
          } as Notice,
          full: null,
        });
      case "full":
        return data(
          {
            result: undefined,
            notice: { kind: "warn", text: `Arrangementet er fullt (${outcome.capacity} ${outcome.capacity === 1 ? "plass" : "plasser"}). ${outcome.name} er ikke flyttet. Du kan øke kapasiteten med 1 for å gi plass.` } as Notice,
            full: { registrationId: input.registrationId, name: outcome.name, capacity: outcome.capacity } as Full | null,
          },
          { status: 409 },
        );
      case "not-waiting":
        return bad(`${outcome.name} står ikke lenger på ventelisten (${STATUS_LABEL[outcome.status]?.toLowerCase() ?? outcome.status}).`, 409);
      case "event-cancelled":
        return bad("Arrangementet er avlyst.", 409);
      default:
        return bad("Fant ikke påmeldingen.", 404);
    }
  }
  const outcome = await cancelByStaff(event.id, input.registrationId, actor);
  switch (outcome.outcome) {
    case "cancelled":
      return data({
        result: undefined,
        notice: {
          kind: "ok",
          text: `${outcome.name} er meldt av, og har fått beskjed på e-post.${outcome.promoted ? ` ${outcome.promoted} fra ventelisten fikk plassen.` : ""}`,
        } as Notice,
        full: null,
      });
    case "already-cancelled":
      return bad(`${outcome.name} var allerede meldt av.`, 409);
    default:
      return bad("Fant ikke påmeldingen.", 404);
  }
}

const FIELD_LABELS: Record<string, string> = {
  name: "Navn",
  email: "E-postadresse",
  phone: "Mobilnummer",
  organisation: "Organisasjon",
  diet: "Kost og allergier",
  accessibility: "Tilrettelegging",
  locale: "Språk for e-post",
  consentConfirmed: "Samtykke",
};

export default function EventRegistrations() {
  const { event, filters, registrations, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "add-registration",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(staffRegistrationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffRegistrationSchema }),
  });
  const confirmCancelId = params.get("avmeld");
  const filterQuery = new URLSearchParams();
  if (filters.q) filterQuery.set("q", filters.q);
  if (filters.status) filterQuery.set("status", filters.status);
  if (filters.checkedIn) filterQuery.set("checkedIn", filters.checkedIn);
  const here = `/admin/events/${event.id}/registrations${filterQuery.size ? `?${filterQuery}` : ""}`;
  const err = (name: keyof typeof fields) => staffMessage(fields[name].errors?.[0]);
  const fieldErrors = Object.keys(FIELD_LABELS).filter((n) => fields[n as keyof typeof fields]?.errors?.length);
  const text = (name: "name" | "email" | "phone" | "organisation" | "diet" | "accessibility", hasHelp = false) => ({
    id: fields[name].id,
    name: fields[name].name,
    defaultValue: typeof fields[name].initialValue === "string" ? (fields[name].initialValue as string) : undefined,
    "aria-invalid": fields[name].errors ? true : undefined,
    "aria-describedby": describedBy(fields[name].id, hasHelp, Boolean(fields[name].errors)),
  });

  return (
    <div className="registrations-page">
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Påmeldinger: {event.title}</h1>
      <p>
        {formatDateTimeRange(new Date(event.startsAt), new Date(event.endsAt))} ·{" "}
        <Link to={`/admin/events/${event.id}/checkin`}>Innsjekking</Link>
      </p>

      <ul className="counts" aria-label="Tall">
        <li>
          <strong>{counts.confirmed}</strong> bekreftet{event.capacity !== null ? ` av ${event.capacity} plasser` : ""}
        </li>
        <li>
          <strong>{counts.waiting}</strong> på venteliste
        </li>
        <li>
          <strong>{counts.cancelled}</strong> avmeldt
        </li>
        <li>
          <strong>{counts.checkedIn}</strong> sjekket inn
        </li>
      </ul>

      {actionData?.notice ? (
        <div className={`notice ${actionData.notice.kind === "ok" ? "notice-ok" : "notice-warn"}`} role={actionData.notice.kind === "ok" ? "status" : "alert"}>
          <p>{actionData.notice.text}</p>
          {actionData.full ? (
            <Form method="post" action={here} className="inline-form">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="registrationId" value={actionData.full.registrationId} />
              <input type="hidden" name="raiseCapacity" value="on" />
              <button type="submit" className="primary">
                Øk kapasiteten med 1 og bekreft {actionData.full.name}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="search-heading">
        <h2 id="search-heading">Søk og filtrer</h2>
        <Form method="get" className="inline-form" role="search" aria-label="Påmeldinger">
          <label htmlFor="q">Navn, e-post eller organisasjon</label>
          <input type="search" id="q" name="q" defaultValue={filters.q ?? ""} maxLength={200} />
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Alle</option>
            <option value="CONFIRMED">Bekreftet</option>
            <option value="WAITING">Venteliste</option>
            <option value="CANCELLED">Avmeldt</option>
          </select>
          <label htmlFor="checkedIn">Sjekket inn</label>
          <select id="checkedIn" name="checkedIn" defaultValue={filters.checkedIn ?? ""}>
            <option value="">Alle</option>
            <option value="yes">Ja</option>
            <option value="no">Nei</option>
          </select>
          <button type="submit">Søk</button>
          {filterQuery.size ? <Link to={`/admin/events/${event.id}/registrations`}>Nullstill</Link> : null}
        </Form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">
          {registrations.length === counts.total ? `Alle påmeldinger (${counts.total})` : `Viser ${registrations.length} av ${counts.total}`}
        </h2>
        {registrations.length === 0 ? (
          <p>Ingen påmeldinger passer søket.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="list-heading">
            <table className="data">
              <caption className="visually-hidden">Påmeldinger til {event.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Navn</th>
                  <th scope="col">Kontakt</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sjekket inn</th>
                  <th scope="col">Kost og tilrettelegging</th>
                  <th scope="col">Handlinger</th>
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.name}
                      {r.organisation ? <span className="small"><br />{r.organisation}</span> : null}
                      {r.source === "STAFF" ? <span className="small"><br />Lagt inn av ansatt</span> : null}
                    </th>
                    <td>
                      {r.email}
                      {r.phone ? <><br />{formatPhone(r.phone)}</> : null}
                    </td>
                    <td>
                      {STATUS_LABEL[r.status] ?? r.status}
                      {r.position ? `, plass ${r.position}` : ""}
                    </td>
                    <td>{r.checkedInAt ? `Ja, ${formatDateTime(new Date(r.checkedInAt))}` : "Nei"}</td>
                    <td>
                      {r.needs?.diet ? <>Kost: {r.needs.diet}<br /></> : null}
                      {r.needs?.accessibility ? <>Tilrettelegging: {r.needs.accessibility}</> : null}
                      {!r.needs?.diet && !r.needs?.accessibility ? <span className="visually-hidden">Ingen</span> : null}
                    </td>
                    <td>
                      {r.status === "WAITING" ? (
                        <Form method="post" action={here} className="inline-form">
                          <input type="hidden" name="intent" value="confirm" />
                          <input type="hidden" name="registrationId" value={r.id} />
                          <button type="submit" aria-label={`Flytt ${r.name} til bekreftet`}>
                            Flytt til bekreftet
                          </button>
                        </Form>
                      ) : null}
                      {r.status !== "CANCELLED" ? (
                        confirmCancelId === r.id ? (
                          <Form method="post" action={here} className="inline-form">
                            <input type="hidden" name="intent" value="cancel" />
                            <input type="hidden" name="registrationId" value={r.id} />
                            <button type="submit" className="danger">
                              Ja, meld av {r.name}
                            </button>
                            <Link to={here}>Nei</Link>
                          </Form>
                        ) : (
                          <Link
                            to={`${here}${filterQuery.size ? "&" : "?"}avmeld=${r.id}`}
                            aria-label={`Meld av ${r.name}`}
                          >
                            Meld av
                          </Link>
                        )
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Eksport</h2>
        <p>Eksporten følger søket og filtrene over. Eksporten blir logget.</p>
        <form method="get" action={`/admin/events/${event.id}/registrations.csv`} className="stacked">
          {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
          {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
          {filters.checkedIn ? <input type="hidden" name="checkedIn" value={filters.checkedIn} /> : null}
          <div className="checkbox">
            <input type="checkbox" id="export-needs" name="behov" value="1" />
            <label htmlFor="export-needs">Ta med kost, allergier og tilrettelegging (sensitive opplysninger)</label>
          </div>
          <p className="inline-form">
            <button type="submit">Last ned CSV (Excel)</button>
            <button type="submit" formAction={`/admin/events/${event.id}/registrations.xlsx`}>
              Last ned XLSX
            </button>
          </p>
        </form>
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Legg til deltaker</h2>
        <p>Samme regler som påmeldingsskjemaet: er arrangementet fullt, havner personen på ventelisten. Personen får e-post.</p>
        {form.errors?.length || fieldErrors.length ? (
          <div className="error-summary" role="alert" id="add-errors">
            {form.errors?.map((m) => <p key={m} className="form-error">{staffMessage(m)}</p>)}
            {fieldErrors.length ? (
              <ul>
                {fieldErrors.map((n) => (
                  <li key={n}>
                    <a href={`#${fields[n as keyof typeof fields].id}`}>
                      {FIELD_LABELS[n]}: {staffMessage(fields[n as keyof typeof fields].errors?.[0])}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Form method="post" action={here} className="stacked" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <Field id={fields.name.id} label="Navn (må fylles ut)" error={err("name")}>
            <input type="text" required maxLength={NAME_MAX} autoComplete="off" {...text("name")} />
          </Field>
          <Field id={fields.email.id} label="E-postadresse (må fylles ut)" error={err("email")}>
            <input type="email" required maxLength={EMAIL_MAX} autoComplete="off" {...text("email")} />
          </Field>
          <Field id={fields.phone.id} label="Mobilnummer" error={err("phone")}>
            <input type="tel" maxLength={40} autoComplete="off" {...text("phone")} />
          </Field>
          <Field id={fields.organisation.id} label="Organisasjon" error={err("organisation")}>
            <input type="text" maxLength={NAME_MAX} autoComplete="off" {...text("organisation")} />
          </Field>
          <Field id={fields.diet.id} label="Kost og allergier" error={err("diet")}>
            <textarea rows={2} maxLength={FREE_TEXT_MAX} {...text("diet")} />
          </Field>
          <Field id={fields.accessibility.id} label="Tilrettelegging" error={err("accessibility")}>
            <textarea rows={2} maxLength={FREE_TEXT_MAX} {...text("accessibility")} />
          </Field>
          <Field id={fields.locale.id} label="Språk for e-post" error={err("locale")}>
            <select id={fields.locale.id} name={fields.locale.name} defaultValue="nb">
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </Field>
          <div className="checkbox">
            <input type="checkbox" id={fields.newsletter.id} name={fields.newsletter.name} />
            <label htmlFor={fields.newsletter.id}>Personen vil ha nyhetsbrev</label>
          </div>
          <div className="checkbox">
            <input
              type="checkbox"
              id={fields.consentConfirmed.id}
              name={fields.consentConfirmed.name}
              required
              aria-invalid={fields.consentConfirmed.errors ? true : undefined}
              aria-describedby={fields.consentConfirmed.errors ? `${fields.consentConfirmed.id}-error` : undefined}
            />
            <label htmlFor={fields.consentConfirmed.id}>
              Jeg bekrefter at personen har samtykket til at opplysningene lagres etter personvernerklæringen for arrangementet
            </label>
          </div>
          {fields.consentConfirmed.errors ? (
            <p className="error" id={`${fields.consentConfirmed.id}-error`}>
              {err("consentConfirmed")}
            </p>
          ) : null}
          <p>
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              Legg til
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <div className="notice notice-warn" role="alert">
      <h1>Påmeldinger</h1>
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
