// Messages to an event's attendees: write, preview exactly what one recipient gets, send
// (once, however often the button is pressed), and follow delivery from the outbox.
import { Alert, Button, Table } from "@digdir/designsystemet-react";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { translateError } from "~/components/form-errors";
import { useLocale, useT, type Translate } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { mailQueued } from "~/modules/mail/outbox.server";
import stylesUrl from "~/modules/messages/messages.css?url";
import { BODY_MAX, messageSchema, PREVIEW_TOKEN, segmentKey, SEGMENTS, SUBJECT_MAX, type Segment } from "~/modules/messages/messages.schema";
import { getEventForMessages, listMessages, previewMessage, segmentCounts, sendMessage, type MessagePreview } from "~/modules/messages/messages.server";
import { reminderStatus, type ReminderStatus } from "~/modules/reminders/reminders.server";
import { formatDateTime, formatDateTimeRange } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";
import { CheckboxField, FieldsetGroup, TextArea, TextInput } from "~/components/ui/field";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

async function requireEvent(request: Request, eventId: string | undefined) {
  const event = eventId ? await getEventForMessages(eventId) : null;
  if (!event) throw new Response(translator(await getLocale(request))("staff-tools:messages.eventNotFound"), { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(request, params.eventId);
  const t = translator(await getLocale(request));
  const [counts, messages] = await Promise.all([segmentCounts(event.id), listMessages(event.id)]);
  const url = new URL(request.url);
  const sentId = url.searchParams.get("sendt");
  const sent = sentId ? messages.find((m) => m.id === sentId) ?? null : null;
  return {
    title: t("staff-tools:title.suffix", {
      title: t("staff-tools:messages.title", { event: event.title }),
    }),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    },
    reminder: reminderStatus(event, new Date()),
    counts,
    messages,
    sent: sent
      ? {
          id: sent.id,
          subject: sent.subject,
          recipientCount: sent.recipientCount,
          again: url.searchParams.has("igjen"),
        }
      : null,
  };
}

type Preview = MessagePreview & {
  values: { segment: Segment; subject: string; body: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(request, params.eventId);
  const formData = await request.formData().catch(() => null);
  if (!formData) {
    return data(
      {
        result: {
          status: "error" as const,
          error: { "": ["staff-tools:error.badForm"] },
        },
        preview: null as Preview | null,
      },
      { status: 400 }
    );
  }
  const submission = parseWithZod(formData, { schema: messageSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), preview: null as Preview | null }, { status: 400 });
  }
  const { intent, segment, subject, body, sendKey } = submission.value;
  if (intent === "preview") {
    const preview = await previewMessage(event, { segment, subject, body });
    return data({
      result: submission.reply(),
      preview: {
        ...preview,
        values: { segment, subject, body },
      } as Preview | null,
    });
  }
  const outcome = await sendMessage(event, actorOf(staff), {
    segment,
    subject,
    body,
    sendKey: sendKey!,
  });
  if (outcome.outcome === "no-recipients") {
    return data(
      {
        result: submission.reply({
          formErrors: ["staff-tools:messages.noRecipients"],
        }),
        preview: null as Preview | null,
      },
      { status: 409 }
    );
  }
  if (outcome.outcome === "sent") mailQueued();
  const again = outcome.outcome === "already-sent" ? "&igjen=1" : "";
  return redirect(`/admin/events/${event.id}/messages?sendt=${encodeURIComponent(outcome.messageId)}${again}`);
}

const LANGUAGE_KEYS = {
  nb: "staff-tools:messages.language.nb",
  nn: "staff-tools:messages.language.nn",
  en: "staff-tools:messages.language.en",
} as const;

function ReminderLine({ reminder }: { reminder: ReminderStatus }) {
  const t = useT();
  const locale = useLocale();
  switch (reminder.state) {
    case "sent":
      return (
        <>
          {t("staff-tools:messages.reminder.sent", {
            when: formatDateTime(reminder.at, locale),
          })}
        </>
      );
    case "scheduled":
      return (
        <>
          {reminder.overdue
            ? t("staff-tools:messages.reminder.overdue")
            : t("staff-tools:messages.reminder.scheduled", {
                when: formatDateTime(reminder.at, locale),
              })}
          {reminder.published ? "" : t("staff-tools:messages.reminder.ifPublished")}
        </>
      );
    default:
      return (
        <>
          {t("staff-tools:messages.reminder.none")}
          {reminder.reason === "cancelled"
            ? t("staff-tools:messages.reminder.noneCancelled")
            : reminder.reason === "started"
            ? t("staff-tools:messages.reminder.noneStarted")
            : ""}
        </>
      );
  }
}

function progressText(
  t: Translate,
  m: {
    recipientCount: number;
    progress: { sent: number; pending: number; failed: number };
  }
) {
  const { sent, pending, failed } = m.progress;
  if (pending > 0)
    return t("staff-tools:messages.progress.sending", {
      sent,
      total: m.recipientCount,
    });
  if (failed > 0) return t("staff-tools:messages.progress.failed", { failed, sent });
  return t("staff-tools:messages.progress.sent");
}

export default function EventMessages() {
  const { sent } = useLoaderData<typeof loader>();
  // A sent message starts a fresh page: an empty form and no preview left over.
  return <MessagesPage key={sent?.id ?? "ny"} />;
}

function MessagesPage() {
  const { event, reminder, counts, messages, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
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
    .map((name) => ({
      name,
      id: fields[name].id,
      message: fields[name].errors?.[0],
    }))
    .filter((e): e is { name: (typeof e)["name"]; id: string; message: string } => Boolean(e.message));
  const formErrors = form.errors ?? [];
  const errorCount = formErrors.length + fieldErrors.length;
  useEffect(() => {
    if (errorCount > 0) errorSummary.current?.focus();
  }, [errorCount, actionData]);
  const labels = {
    segment: t("staff-tools:messages.recipients"),
    subject: t("staff-tools:messages.subject"),
    body: t("staff-tools:messages.body"),
    sendKey: t("staff-tools:messages.sending"),
  };

  return (
    <>
      <nav aria-label={t("staff-tools:messages.breadcrumbs")} className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-tools:messages.heading")}</h1>
      <p>
        {event.title}, {formatDateTimeRange(event.startsAt, event.endsAt, locale)}
        {event.status === "CANCELLED" ? t("staff-tools:messages.cancelled") : event.status === "DRAFT" ? t("staff-tools:messages.draft") : ""}
      </p>
      <Alert data-color="info">
        <strong>{t("staff-tools:messages.reminder")}</strong> <ReminderLine reminder={reminder} />.{" "}
        <Link to={`/admin/events/${event.id}/edit`}>{t("staff-tools:messages.reminderEdit")}</Link>
        {t("staff-tools:messages.reminderEditWhere")}
      </Alert>

      {sent ? (
        <Alert data-color="success" role="status">
          {sent.again
            ? t("staff-tools:messages.sentAgain", { subject: sent.subject })
            : t("staff-tools:messages.queued", {
                subject: sent.subject,
                count: sent.recipientCount,
              })}
        </Alert>
      ) : null}

      <h2>{t("staff-tools:messages.write")}</h2>
      {errorCount > 0 ? (
        <div className="ds-error-summary error-summary" role="alert" tabIndex={-1} ref={errorSummary} id="error-summary">
          {formErrors.map((m) => (
            <p key={m} className="form-error">
              {translateError(t, m)}
            </p>
          ))}
          {fieldErrors.length > 0 ? (
            <>
              <h3 className="ds-heading" data-size="xs">
                {t("staff-tools:messages.formHasErrors")}
              </h3>
              <ul className="ds-list">
                {fieldErrors.map((e) => (
                  <li key={e.id}>
                    <a className="ds-link" href={`#${e.name === "segment" ? `${fields.segment.id}-${SEGMENTS[0]}` : e.id}`}>
                      {labels[e.name]}: {translateError(t, e.message)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FieldsetGroup id={fields.segment.id} legend={t("staff-tools:messages.recipients")} error={translateError(t, fields.segment.errors?.[0])}>
          {SEGMENTS.map((s) => (
            <CheckboxField
              key={s}
              type="radio"
              id={`${fields.segment.id}-${s}`}
              name={fields.segment.name}
              value={s}
              label={`${t(segmentKey(s))} (${counts[s]})`}
              defaultChecked={(fields.segment.initialValue ?? "CONFIRMED") === s}
              required
            />
          ))}
        </FieldsetGroup>
        <TextInput
          id={fields.subject.id}
          label={t("staff-tools:messages.subject")}
          error={translateError(t, fields.subject.errors?.[0])}
          type="text"
          name={fields.subject.name}
          defaultValue={fields.subject.initialValue as string | undefined}
          required
          maxLength={SUBJECT_MAX}
        />
        <TextArea
          id={fields.body.id}
          label={t("staff-tools:messages.body")}
          help={t("staff-tools:messages.bodyHelp", { max: BODY_MAX })}
          error={translateError(t, fields.body.errors?.[0])}
          name={fields.body.name}
          rows={10}
          defaultValue={fields.body.initialValue as string | undefined}
          required
          maxLength={BODY_MAX}
        />
        <p>
          <Button type="submit" name="intent" value="preview" disabled={busy} variant="secondary">
            {t("staff-tools:messages.preview")}
          </Button>
        </p>
      </Form>

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" tabIndex={-1} ref={previewHeading}>
            {t("staff-tools:messages.previewHeading")}
          </h2>
          {preview.recipientCount === 0 ? (
            <Alert data-color="warning">
              {t("staff-tools:messages.previewNobody", {
                segment: t(segmentKey(preview.values.segment)),
              })}
            </Alert>
          ) : (
            <p>
              {t("staff-tools:messages.previewGoesTo")}{" "}
              <strong>
                {t("staff-tools:messages.recipientCount", {
                  count: preview.recipientCount,
                })}
              </strong>{" "}
              ({t(segmentKey(preview.values.segment, true))}
              {Object.keys(preview.locales).length > 1
                ? `; ${Object.entries(preview.locales)
                    .map(([l, n]) =>
                      t("staff-tools:messages.localeCount", {
                        count: n,
                        language: l in LANGUAGE_KEYS ? t(LANGUAGE_KEYS[l as keyof typeof LANGUAGE_KEYS]) : l,
                      })
                    )
                    .join(", ")}`
                : ""}
              ).{" "}
              {t("staff-tools:messages.previewSample", {
                name: preview.sampleName,
                token: PREVIEW_TOKEN,
              })}
            </p>
          )}
          <div className="message-preview" data-testid="message-preview">
            <p className="mail-subject">
              {t("staff-tools:messages.previewSubject", {
                subject: preview.mail.subject,
              })}
            </p>
            <pre>{preview.mail.text}</pre>
          </div>
          {preview.recipientCount > 0 ? (
            <Form method="post" className="button-row">
              <input type="hidden" name="segment" value={preview.values.segment} />
              <input type="hidden" name="subject" value={preview.values.subject} />
              <input type="hidden" name="body" value={preview.values.body} />
              <input type="hidden" name="sendKey" value={preview.sendKey} />
              <Button type="submit" name="intent" value="send" disabled={busy} variant="primary">
                {t("staff-tools:messages.send", {
                  count: preview.recipientCount,
                })}
              </Button>
              <span className="small">{t("staff-tools:messages.previewAgain")}</span>
            </Form>
          ) : null}
        </section>
      ) : null}

      <h2>{t("staff-tools:messages.sentHeading")}</h2>
      {messages.length === 0 ? (
        <p>{t("staff-tools:messages.noneSent")}</p>
      ) : (
        <TableScroll label={t("staff-tools:messages.sentCaption")}>
          <Table>
            <caption className="visually-hidden">{t("staff-tools:messages.sentCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("staff-tools:messages.col.time")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:messages.col.subject")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:messages.col.recipients")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:messages.col.author")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:messages.col.status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body aria-live="polite">
              {messages.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{formatDateTime(m.createdAt, locale)}</Table.Cell>
                  <Table.Cell>{m.subject}</Table.Cell>
                  <Table.Cell>
                    {m.recipientCount} ({t(segmentKey(m.segment, true))})
                  </Table.Cell>
                  <Table.Cell>{m.authorEmail}</Table.Cell>
                  <Table.Cell data-testid={`progress-${m.id}`}>{progressText(t, m)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-tools:messages.errorNotFound")} fallback={t("staff-tools:messages.errorFallback")} />;
}
