// Messages to an event's attendees: write, preview exactly what one recipient gets, send
// (once, however often the button is pressed), and follow delivery from the outbox.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { mailQueued } from "~/modules/mail/outbox.server";
import stylesUrl from "~/modules/messages/messages.css?url";
import {
  BODY_MAX,
  messageSchema,
  SEGMENT_NAMES,
  SEGMENTS,
  SUBJECT_MAX,
  type Segment,
} from "~/modules/messages/messages.schema";
import {
  getEventForMessages,
  listMessages,
  previewMessage,
  segmentCounts,
  sendMessage,
  type MessagePreview,
} from "~/modules/messages/messages.server";
import { reminderStatus, type ReminderStatus } from "~/modules/reminders/reminders.server";
import { formatDateTime, formatDateTimeRange } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Meldinger – ${data.event.title} – ansatte – Samhandling` }] : [];

async function requireEvent(eventId: string | undefined) {
  const event = eventId ? await getEventForMessages(eventId) : null;
  if (!event) throw new Response("Fant ikke arrangementet.", { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const [counts, messages] = await Promise.all([segmentCounts(event.id), listMessages(event.id)]);
  const url = new URL(request.url);
  const sentId = url.searchParams.get("sendt");
  const sent = sentId ? messages.find((m) => m.id === sentId) ?? null : null;
  return {
    event: { id: event.id, title: event.title, status: event.status, startsAt: event.startsAt, endsAt: event.endsAt },
    reminder: reminderStatus(event, new Date()),
    counts,
    messages,
    sent: sent ? { id: sent.id, subject: sent.subject, recipientCount: sent.recipientCount, again: url.searchParams.has("igjen") } : null,
  };
}

type Preview = MessagePreview & { values: { segment: Segment; subject: string; body: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const formData = await request.formData().catch(() => null);
  if (!formData) {
    return data(
      { result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } }, preview: null as Preview | null },
      { status: 400 },
    );
  }
  const submission = parseWithZod(formData, { schema: messageSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), preview: null as Preview | null }, { status: 400 });
  }
  const { intent, segment, subject, body, sendKey } = submission.value;
  if (intent === "preview") {
    const preview = await previewMessage(event, { segment, subject, body });
    return data({ result: submission.reply(), preview: { ...preview, values: { segment, subject, body } } as Preview | null });
  }
  const outcome = await sendMessage(event, actorOf(staff), { segment, subject, body, sendKey: sendKey! });
  if (outcome.outcome === "no-recipients") {
    return data(
      { result: submission.reply({ formErrors: ["Ingen i dette utvalget kan få meldingen. Velg andre mottakere."] }), preview: null as Preview | null },
      { status: 409 },
    );
  }
  if (outcome.outcome === "sent") mailQueued();
  const again = outcome.outcome === "already-sent" ? "&igjen=1" : "";
  return redirect(`/admin/events/${event.id}/messages?sendt=${encodeURIComponent(outcome.messageId)}${again}`);
}

const LOCALE_NAMES: Record<string, string> = { nb: "bokmål", nn: "nynorsk", en: "engelsk" };

function ReminderLine({ reminder }: { reminder: ReminderStatus }) {
  switch (reminder.state) {
    case "sent":
      return <>sendt {formatDateTime(reminder.at)}</>;
    case "scheduled":
      return (
        <>
          {reminder.overdue ? "sendes i løpet av få minutter" : `sendes ${formatDateTime(reminder.at)}`}
          {reminder.published ? "" : " (hvis arrangementet er publisert da)"}
        </>
      );
    default:
      return (
        <>
          ingen
          {reminder.reason === "cancelled" ? " (arrangementet er avlyst)" : reminder.reason === "started" ? " (arrangementet har startet)" : ""}
        </>
      );
  }
}

function progressText(m: { recipientCount: number; progress: { sent: number; pending: number; failed: number } }) {
  const { sent, pending, failed } = m.progress;
  if (pending > 0) return `Sendes: ${sent} av ${m.recipientCount}`;
  if (failed > 0) return `${failed} feilet, ${sent} sendt`;
  return "Sendt";
}

export default function EventMessages() {
  const { sent } = useLoaderData<typeof loader>();
  // A sent message starts a fresh page: an empty form and no preview left over.
  return <MessagesPage key={sent?.id ?? "ny"} />;
}

function MessagesPage() {
  const { event, reminder, counts, messages, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state !== "idle";
  const preview = !busy ? actionData?.preview ?? null : null;

  const [form, fields] = useForm({
    id: "message",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(messageSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
    defaultValue: { segment: "CONFIRMED" },
  });

  // Follow delivery while mail is still in the outbox.
  const pending = messages.some((m) => m.progress.pending > 0);
  const latestRevalidator = useRef(revalidator);
  latestRevalidator.current = revalidator;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      const r = latestRevalidator.current;
      if (r.state === "idle" && document.visibilityState === "visible") r.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [pending]);

  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const errorSummary = useRef<HTMLDivElement>(null);
  const fieldErrors = (["segment", "subject", "body", "sendKey"] as const)
    .map((name) => ({ name, id: fields[name].id, message: fields[name].errors?.[0] }))
    .filter((e): e is { name: (typeof e)["name"]; id: string; message: string } => Boolean(e.message));
  const formErrors = form.errors ?? [];
  const errorCount = formErrors.length + fieldErrors.length;
  useEffect(() => {
    if (errorCount > 0) errorSummary.current?.focus();
  }, [errorCount, actionData]);
  const labels = { segment: "Mottakere", subject: "Emne", body: "Melding", sendKey: "Sending" };

  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Meldinger til deltakerne</h1>
      <p>
        {event.title}, {formatDateTimeRange(event.startsAt, event.endsAt)}
        {event.status === "CANCELLED" ? " (avlyst)" : event.status === "DRAFT" ? " (utkast)" : ""}
      </p>
      <p className="notice">
        <strong>Påminnelse:</strong> <ReminderLine reminder={reminder} />.{" "}
        <Link to={`/admin/events/${event.id}/edit`}>Endre når påminnelsen sendes</Link> i arrangementsskjemaet.
      </p>

      {sent ? (
        <p className="notice notice-ok" role="status">
          {sent.again
            ? `Meldingen «${sent.subject}» var allerede sendt. Den ble ikke sendt en gang til.`
            : `Meldingen «${sent.subject}» er lagt i kø til ${sent.recipientCount} mottakere.`}
        </p>
      ) : null}

      <h2>Skriv en melding</h2>
      {errorCount > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={errorSummary} id="error-summary">
          {formErrors.map((m) => (
            <p key={m} className="form-error">
              {m}
            </p>
          ))}
          {fieldErrors.length > 0 ? (
            <>
              <p className="form-error">Skjemaet har feil:</p>
              <ul>
                {fieldErrors.map((e) => (
                  <li key={e.id}>
                    <a href={`#${e.name === "segment" ? `${fields.segment.id}-${SEGMENTS[0]}` : e.id}`}>
                      {labels[e.name]}: {e.message}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <fieldset className="segment-choices" aria-describedby={fields.segment.errors ? `${fields.segment.id}-error` : undefined}>
          <legend>Mottakere</legend>
          {SEGMENTS.map((s) => (
            <div className="checkbox" key={s}>
              <input
                type="radio"
                id={`${fields.segment.id}-${s}`}
                name={fields.segment.name}
                value={s}
                defaultChecked={(fields.segment.initialValue ?? "CONFIRMED") === s}
                required
              />
              <label htmlFor={`${fields.segment.id}-${s}`}>
                {SEGMENT_NAMES[s]} ({counts[s]})
              </label>
            </div>
          ))}
          {fields.segment.errors ? (
            <p className="error" id={`${fields.segment.id}-error`}>
              {fields.segment.errors[0]}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor={fields.subject.id}>Emne</label>
          <input
            type="text"
            id={fields.subject.id}
            name={fields.subject.name}
            defaultValue={fields.subject.initialValue as string | undefined}
            required
            maxLength={SUBJECT_MAX}
            aria-invalid={fields.subject.errors ? true : undefined}
            aria-describedby={fields.subject.errors ? `${fields.subject.id}-error` : undefined}
          />
          {fields.subject.errors ? (
            <p className="error" id={`${fields.subject.id}-error`}>
              {fields.subject.errors[0]}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fields.body.id}>Melding</label>
          <p className="help" id={`${fields.body.id}-help`}>
            Ren tekst, høyst {BODY_MAX} tegn. En tom linje gir nytt avsnitt. Hilsen, tid og sted, den personlige lenken og
            underskriften legges til automatisk på mottakerens språk.
          </p>
          <textarea
            id={fields.body.id}
            name={fields.body.name}
            rows={10}
            defaultValue={fields.body.initialValue as string | undefined}
            required
            maxLength={BODY_MAX}
            aria-invalid={fields.body.errors ? true : undefined}
            aria-describedby={[`${fields.body.id}-help`, fields.body.errors ? `${fields.body.id}-error` : ""].filter(Boolean).join(" ")}
          />
          {fields.body.errors ? (
            <p className="error" id={`${fields.body.id}-error`}>
              {fields.body.errors[0]}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
            Forhåndsvis
          </button>
        </p>
      </Form>

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" tabIndex={-1} ref={previewHeading}>
            Forhåndsvisning
          </h2>
          {preview.recipientCount === 0 ? (
            <p className="notice notice-warn">Ingen i utvalget «{SEGMENT_NAMES[preview.values.segment]}» kan få meldingen nå.</p>
          ) : (
            <p>
              Meldingen går til <strong>{preview.recipientCount} {preview.recipientCount === 1 ? "mottaker" : "mottakere"}</strong> (
              {SEGMENT_NAMES[preview.values.segment].toLowerCase()}
              {Object.keys(preview.locales).length > 1
                ? `; ${Object.entries(preview.locales)
                    .map(([l, n]) => `${n} på ${LOCALE_NAMES[l] ?? l}`)
                    .join(", ")}`
                : ""}
              ). Slik ser den ut for {preview.sampleName}. Hver mottaker får sitt eget navn og sin egen personlige lenke i stedet for
              PERSONLIG-LENKE.
            </p>
          )}
          <div className="message-preview" data-testid="message-preview">
            <p className="mail-subject">Emne: {preview.mail.subject}</p>
            <pre>{preview.mail.text}</pre>
          </div>
          {preview.recipientCount > 0 ? (
            <Form method="post" className="button-row">
              <input type="hidden" name="segment" value={preview.values.segment} />
              <input type="hidden" name="subject" value={preview.values.subject} />
              <input type="hidden" name="body" value={preview.values.body} />
              <input type="hidden" name="sendKey" value={preview.sendKey} />
              <button type="submit" name="intent" value="send" className="primary" disabled={busy}>
                Send til {preview.recipientCount} {preview.recipientCount === 1 ? "mottaker" : "mottakere"}
              </button>
              <span className="small">Endrer du teksten over, må du forhåndsvise på nytt.</span>
            </Form>
          ) : null}
        </section>
      ) : null}

      <h2>Sendte meldinger</h2>
      {messages.length === 0 ? (
        <p>Ingen meldinger er sendt til deltakerne på dette arrangementet.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Sendte meldinger med status for utsendingen</caption>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Emne</th>
              <th scope="col">Mottakere</th>
              <th scope="col">Sendt av</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody aria-live="polite">
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.createdAt)}</td>
                <td>{m.subject}</td>
                <td>
                  {m.recipientCount} ({SEGMENT_NAMES[m.segment].toLowerCase()})
                </td>
                <td>{m.authorEmail}</td>
                <td data-testid={`progress-${m.id}`}>{progressText(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <StaffRouteError notFound="Fant ikke arrangementet" fallback="Meldingssiden kunne ikke vises. Prøv igjen om litt." />;
}
