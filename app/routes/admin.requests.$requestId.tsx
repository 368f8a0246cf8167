// One request for staff: the sender's details, the history and the triage forms (review, accept
// into a programme, answer, decline). Each change mails the sender and is audited.
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import {
  acceptChoices,
  acceptRequest,
  answerRequest,
  declineRequest,
  getRequestForStaff,
  markInReview,
  type TriageResult,
} from "~/modules/requests/requests.server";
import {
  acceptSchema,
  answerSchema,
  declineSchema,
  KIND_NAMES,
  reviewSchema,
  STATUS_NAMES,
  TRIAGE_SCHEMAS,
  type TriageIntent,
} from "~/modules/requests/triage.schema";
import { formatDate, formatDateTime, formatDateTimeRange, formatPhone } from "~/utils/format";

export const handle = staffHandle("ORGANISER");

async function requireRequest(id: string | undefined) {
  const found = id && id.length <= 40 ? await getRequestForStaff(id) : null;
  if (!found) throw new Response("Forespørselen finnes ikke.", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const found = await requireRequest(params.requestId);
  return { request: found, events: await acceptChoices() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Forespørsel fra ${data.request.organisationName} – Samhandling` : "Forespørsel – Samhandling" },
];

export const headers = () => ({ "Cache-Control": "private, no-store" });

const DONE: Record<TriageIntent, string> = {
  review: "under-behandling",
  accept: "godtatt",
  answer: "besvart",
  decline: "avslatt",
};

const DONE_TEXT: Record<string, string> = {
  "under-behandling": "Forespørselen er satt under behandling. Avsenderen har fått e-post.",
  godtatt: "Forespørselen er godtatt og lagt inn i programmet. Avsenderen har fått e-post.",
  besvart: "Svaret er sendt til avsenderen.",
  avslatt: "Forespørselen er avslått. Avsenderen har fått e-post med begrunnelsen.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const found = await requireRequest(params.requestId);
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");
  if (!formData || typeof intent !== "string" || !(intent in TRIAGE_SCHEMAS)) {
    return data({ intent: "unknown", result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } as SubmissionResult<string[]> }, { status: 400 });
  }
  const key = intent as TriageIntent;
  const submission = parseWithZod(formData, { schema: TRIAGE_SCHEMAS[key] as ZodTypeAny });
  if (submission.status !== "success") return data({ intent: key, result: submission.reply() }, { status: 400 });
  const actor = actorOf(staff);
  const value = submission.value;
  let outcome: TriageResult;
  switch (key) {
    case "review":
      outcome = await markInReview(actor, found.id, value.message ?? "");
      break;
    case "accept":
      outcome = await acceptRequest(actor, found.id, value);
      break;
    case "answer":
      outcome = await answerRequest(actor, found.id, value.message);
      break;
    case "decline":
      outcome = await declineRequest(actor, found.id, value.message);
      break;
  }
  if (!outcome.ok) {
    return data({ intent: key, result: submission.reply({ formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors }) }, { status: 409 });
  }
  return redirect(`/admin/requests/${found.id}?endret=${DONE[key]}`);
}

function TriageForm({
  intent,
  schema,
  lastResult,
  defaultValue,
  labels,
  legend,
  children,
  submit,
  danger,
}: {
  intent: TriageIntent;
  schema: ZodTypeAny;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: Record<string, string>;
  labels: Record<string, string>;
  legend: string;
  children: (fields: ReturnType<typeof useForm<Record<string, unknown>>>[1]) => React.ReactNode;
  submit: string;
  danger?: boolean;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm<Record<string, unknown>>({
    id: `triage-${intent}`,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <section aria-labelledby={`${form.id}-heading`} className="event-card">
      <h3 id={`${form.id}-heading`}>{legend}</h3>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        {children(fields)}
        <p>
          <button type="submit" className={danger ? "" : "primary"} disabled={navigation.state === "submitting"}>
            {submit}
          </button>
        </p>
      </Form>
    </section>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function OverlapCheckbox({ field }: { field: FieldMetadata<any> }) {
  const { key, ...props } = getInputProps(field, { type: "checkbox" });
  return <input key={key} {...props} />;
}

export default function RequestPage() {
  const { request: r, events } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE_TEXT[params.get("endret") ?? ""];
  const open = r.status === "RECEIVED" || r.status === "IN_REVIEW";
  const last = (intent: TriageIntent) => (actionData?.intent === intent ? actionData.result : undefined);
  const target = events.find((e) => e.id === r.eventId) ?? events[0];
  return (
    <>
      <p>
        <Link to="/admin/requests">← Alle forespørsler</Link>
      </p>
      <h1>Forespørsel fra {r.organisationName}</h1>
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      {actionData?.intent === "unknown" ? (
        <p className="notice notice-warn" role="alert">
          Vi kunne ikke lese skjemaet. Last siden på nytt og prøv igjen.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_NAMES[r.status] ?? r.status}</dd>
        <dt>Gjelder</dt>
        <dd>
          {KIND_NAMES[r.kind] ?? r.kind}
          {r.event ? `: ${r.event.title}, ${formatDate(new Date(r.event.startsAt))}` : ""}
          {r.district ? `: ${r.district}` : ""}
        </dd>
        <dt>Mottatt</dt>
        <dd>{formatDateTime(new Date(r.createdAt))}</dd>
        <dt>Tema</dt>
        <dd>{r.topic}</dd>
        {r.preferredTime ? (
          <>
            <dt>Ønsket tidspunkt</dt>
            <dd>{r.preferredTime}</dd>
          </>
        ) : null}
        <dt>Organisasjon</dt>
        <dd>
          {r.organisationName}
          {r.organisationNumber ? ` (org.nr. ${r.organisationNumber.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3")})` : ""}
          {r.organisation ? (
            <>
              {" "}
              – <Link to={`/admin/organisations/${r.organisation.id}`}>i organisasjonsregisteret</Link>
            </>
          ) : null}
        </dd>
        <dt>Kontaktperson</dt>
        <dd>
          {r.anonymisedAt ? (
            "Kontaktopplysningene er slettet."
          ) : (
            <>
              {r.contactName}, <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
              {r.contactPhone ? `, ${formatPhone(r.contactPhone)}` : ""}
            </>
          )}
        </dd>
        <dt>Språk</dt>
        <dd>{r.locale}</dd>
      </dl>
      <h2>Beskrivelse</h2>
      <p className="feedback-message">{r.description}</p>
      {r.programmeItem ? (
        <>
          <h2>I programmet</h2>
          <p>
            <Link to={`/admin/events/${r.programmeItem.event.id}`}>{r.programmeItem.event.title}</Link>:{" "}
            {r.programmeItem.title}, {formatDateTimeRange(new Date(r.programmeItem.startsAt), new Date(r.programmeItem.endsAt))}
            {r.programmeItem.room ? ` i ${r.programmeItem.room}` : ""}
          </p>
        </>
      ) : null}
      <h2>Historikk</h2>
      <ol>
        {r.updates.map((u) => (
          <li key={u.id}>
            {formatDateTime(new Date(u.at))}: {STATUS_NAMES[u.status] ?? u.status}
            {u.message ? ` – ${u.message}` : ""}
          </li>
        ))}
      </ol>
      {open ? (
        <>
          <h2>Behandle forespørselen</h2>
          <p>Avsenderen får e-post på sitt språk ved hver endring, med lenke til statussiden.</p>
          {r.status === "RECEIVED" ? (
            <TriageForm
              intent="review"
              schema={reviewSchema}
              lastResult={last("review")}
              labels={{ message: "Melding til avsenderen (valgfritt)" }}
              legend="Sett under behandling"
              submit="Sett under behandling"
            >
              {(f) => <TextAreaField field={f.message} label="Melding til avsenderen (valgfritt)" rows={2} />}
            </TriageForm>
          ) : null}
          {events.length ? (
            <TriageForm
              intent="accept"
              schema={acceptSchema}
              lastResult={last("accept")}
              defaultValue={{
                eventId: target?.id ?? "",
                title: `${r.organisationName}: ${r.topic}`,
                organisationName: r.organisationName,
                startsAt: toOsloLocal(target?.startsAt),
                durationMinutes: "5",
                room: target?.room ?? "",
              }}
              labels={{
                eventId: "Arrangement",
                title: "Tittel i programmet",
                organisationName: "Organisasjon",
                startsAt: "Starter",
                durationMinutes: "Varighet i minutter",
                room: "Rom",
                message: "Melding til avsenderen (valgfritt)",
              }}
              legend="Godta og legg inn i programmet"
              submit="Godta og legg inn i programmet"
            >
              {(f) => (
                <>
                  <SelectField
                    field={f.eventId}
                    label="Arrangement"
                    options={events.map((e) => [e.id, `${e.title}, ${formatDate(new Date(e.startsAt))}${e.status === "DRAFT" ? " (utkast)" : ""}`])}
                  />
                  <TextField field={f.title} label="Tittel i programmet" help="Vises i det offentlige programmet." />
                  <TextField
                    field={f.organisationName}
                    label="Organisasjon"
                    help="Finnes organisasjonen fra før (uansett store og små bokstaver), brukes den; ellers opprettes den."
                  />
                  <TextField field={f.startsAt} label="Starter" type="datetime-local" help="Norsk tid." />
                  <TextField field={f.durationMinutes} label="Varighet i minutter" type="number" min={1} max={240} />
                  <TextField field={f.room} label="Rom" help="Poster i samme rom (eller uten rom) kan ikke overlappe." />
                  <div className="checkbox">
                    <OverlapCheckbox field={f.allowOverlap} />
                    <label htmlFor={f.allowOverlap.id}>Legg inn likevel om tiden overlapper med en annen post</label>
                  </div>
                  <TextAreaField field={f.message} label="Melding til avsenderen (valgfritt)" rows={2} />
                </>
              )}
            </TriageForm>
          ) : (
            <p>Det er ingen kommende arrangementer å legge innlegget inn i.</p>
          )}
          <TriageForm
            intent="answer"
            schema={answerSchema}
            lastResult={last("answer")}
            labels={{ message: "Svar" }}
            legend="Svar uten innlegg"
            submit="Send svaret og avslutt"
          >
            {(f) => (
              <TextAreaField
                field={f.message}
                label="Svar"
                help="For eksempel når dere planlegger et dialogmøte i bydelen. Forespørselen avsluttes."
                rows={3}
              />
            )}
          </TriageForm>
          <TriageForm
            intent="decline"
            schema={declineSchema}
            lastResult={last("decline")}
            labels={{ message: "Begrunnelse" }}
            legend="Avslå"
            submit="Avslå forespørselen"
            danger
          >
            {(f) => <TextAreaField field={f.message} label="Begrunnelse" help="Sendes til avsenderen." rows={3} />}
          </TriageForm>
        </>
      ) : (
        <p>Forespørselen er avgjort og kan ikke endres.</p>
      )}
    </>
  );
}
