// One request for staff: the sender's details, the history and the triage forms (review, accept
// into a programme, answer, decline). Each change mails the sender and is audited.
import { Alert, Button, Card } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
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
  reviewSchema,
  requestKindKey,
  requestStatusKey,
  TRIAGE_SCHEMAS,
  type TriageIntent,
} from "~/modules/requests/triage.schema";
import { formatDate, formatDateTime, formatDateTimeRange, formatPhone } from "~/utils/format";

export const handle = staffHandle("ORGANISER");

async function requireRequest(request: Request, id: string | undefined) {
  const found = id && id.length <= 40 ? await getRequestForStaff(id) : null;
  if (!found) throw new Response(translator(await getLocale(request))("staff-tools:requests.notFound"), { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const found = await requireRequest(request, params.requestId);
  const t = translator(await getLocale(request));
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:request.title", { organisation: found.organisationName }) }),
    request: found,
    events: await acceptChoices(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

const DONE: Record<TriageIntent, string> = {
  review: "under-behandling",
  accept: "godtatt",
  answer: "besvart",
  decline: "avslatt",
};

const DONE_TEXT = {
  "under-behandling": "staff-tools:request.done.under-behandling",
  godtatt: "staff-tools:request.done.godtatt",
  besvart: "staff-tools:request.done.besvart",
  avslatt: "staff-tools:request.done.avslatt",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const found = await requireRequest(request, params.requestId);
  const locale = await getLocale(request);
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");
  if (!formData || typeof intent !== "string" || !(intent in TRIAGE_SCHEMAS)) {
    return data(
      { intent: "unknown", result: { status: "error" as const, error: { "": ["staff-tools:error.badForm"] } } as SubmissionResult<string[]> },
      { status: 400 }
    );
  }
  const key = intent as TriageIntent;
  const submission = parseWithZod(formData, { schema: TRIAGE_SCHEMAS[key] as ZodTypeAny });
  if (submission.status !== "success") return data({ intent: key, result: submission.reply() }, { status: 400 });
  const actor = actorOf(staff);
  const value = submission.value;
  let outcome: TriageResult;
  switch (key) {
    case "review":
      outcome = await markInReview(actor, found.id, value.message ?? "", locale);
      break;
    case "accept":
      outcome = await acceptRequest(actor, found.id, value, locale);
      break;
    case "answer":
      outcome = await answerRequest(actor, found.id, value.message, locale);
      break;
    case "decline":
      outcome = await declineRequest(actor, found.id, value.message, locale);
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
    <Card asChild data-color="neutral">
      <section aria-labelledby={`${form.id}-heading`}>
        <h3 id={`${form.id}-heading`}>{legend}</h3>
        <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
        <Form method="post" className="stacked" {...getFormProps(form)}>
          <input type="hidden" name="intent" value={intent} />
          {children(fields)}
          <p>
            <Button type="submit" variant="primary" data-color={danger ? "danger" : undefined} disabled={navigation.state === "submitting"}>
              {submit}
            </Button>
          </p>
        </Form>
      </section>
    </Card>
  );
}

export default function RequestPage() {
  const { request: r, events } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const doneKey = DONE_TEXT[(params.get("endret") ?? "") as keyof typeof DONE_TEXT];
  const done = doneKey ? t(doneKey) : null;
  const statusName = (s: string) => {
    const key = requestStatusKey(s);
    return key ? t(key) : s;
  };
  const kindKey = requestKindKey(r.kind);
  const messageLabel = t("staff-tools:request.message");
  const open = r.status === "RECEIVED" || r.status === "IN_REVIEW";
  const last = (intent: TriageIntent) => (actionData?.intent === intent ? actionData.result : undefined);
  const target = events.find((e) => e.id === r.eventId) ?? events[0];
  return (
    <>
      <p>
        <Link to="/admin/requests">{t("staff-tools:request.back")}</Link>
      </p>
      <h1>{t("staff-tools:request.title", { organisation: r.organisationName })}</h1>
      {done ? (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      ) : null}
      {actionData?.intent === "unknown" ? (
        <Alert data-color="warning" role="alert">
          {t("staff-tools:error.badFormReload")}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t("staff-tools:request.status")}</dt>
        <dd>{statusName(r.status)}</dd>
        <dt>{t("staff-tools:request.concerns")}</dt>
        <dd>
          {kindKey ? t(kindKey) : r.kind}
          {r.event ? `: ${r.event.title}, ${formatDate(new Date(r.event.startsAt), locale)}` : ""}
          {r.district ? `: ${r.district}` : ""}
        </dd>
        <dt>{t("staff-tools:request.received")}</dt>
        <dd>{formatDateTime(new Date(r.createdAt), locale)}</dd>
        <dt>{t("staff-tools:request.topic")}</dt>
        <dd>{r.topic}</dd>
        {r.preferredTime ? (
          <>
            <dt>{t("staff-tools:request.preferredTime")}</dt>
            <dd>{r.preferredTime}</dd>
          </>
        ) : null}
        <dt>{t("staff-tools:request.organisation")}</dt>
        <dd>
          {r.organisationName}
          {r.organisationNumber ? t("staff-tools:request.orgNumber", { number: r.organisationNumber.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3") }) : ""}
          {r.organisation ? (
            <>
              {" "}
              – <Link to={`/admin/organisations/${r.organisation.id}`}>{t("staff-tools:request.inRegister")}</Link>
            </>
          ) : null}
        </dd>
        <dt>{t("staff-tools:request.contact")}</dt>
        <dd>
          {r.anonymisedAt ? (
            t("staff-tools:request.contactDeleted")
          ) : (
            <>
              {r.contactName}, <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
              {r.contactPhone ? `, ${formatPhone(r.contactPhone)}` : ""}
            </>
          )}
        </dd>
        <dt>{t("staff-tools:request.language")}</dt>
        <dd>{r.locale}</dd>
      </dl>
      <h2>{t("staff-tools:request.description")}</h2>
      <p className="feedback-message">{r.description}</p>
      {r.programmeItem ? (
        <>
          <h2>{t("staff-tools:request.inProgramme")}</h2>
          <p>
            <Link to={`/admin/events/${r.programmeItem.event.id}`}>{r.programmeItem.event.title}</Link>: {r.programmeItem.title},{" "}
            {formatDateTimeRange(new Date(r.programmeItem.startsAt), new Date(r.programmeItem.endsAt), locale)}
            {r.programmeItem.room ? t("staff-tools:request.inRoom", { room: r.programmeItem.room }) : ""}
          </p>
        </>
      ) : null}
      <h2>{t("staff-tools:request.history")}</h2>
      <ol>
        {r.updates.map((u) => (
          <li key={u.id}>
            {formatDateTime(new Date(u.at), locale)}: {statusName(u.status)}
            {u.message ? ` – ${u.message}` : ""}
          </li>
        ))}
      </ol>
      {open ? (
        <>
          <h2>{t("staff-tools:request.handle")}</h2>
          <p>{t("staff-tools:request.handleIntro")}</p>
          {r.status === "RECEIVED" ? (
            <TriageForm
              intent="review"
              schema={reviewSchema}
              lastResult={last("review")}
              labels={{ message: messageLabel }}
              legend={t("staff-tools:request.review")}
              submit={t("staff-tools:request.review")}
            >
              {(f) => <TextAreaField field={f.message} label={messageLabel} rows={2} />}
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
                eventId: t("staff-tools:request.event"),
                title: t("staff-tools:request.slotTitle"),
                organisationName: t("staff-tools:request.organisation"),
                startsAt: t("staff-tools:request.startsAt"),
                durationMinutes: t("staff-tools:request.duration"),
                room: t("staff-tools:request.room"),
                message: messageLabel,
              }}
              legend={t("staff-tools:request.accept")}
              submit={t("staff-tools:request.accept")}
            >
              {(f) => (
                <>
                  <SelectField
                    field={f.eventId}
                    label={t("staff-tools:request.event")}
                    options={events.map((e) => [
                      e.id,
                      `${e.title}, ${formatDate(new Date(e.startsAt), locale)}${e.status === "DRAFT" ? t("staff-tools:request.draft") : ""}`,
                    ])}
                  />
                  <TextField field={f.title} label={t("staff-tools:request.slotTitle")} help={t("staff-tools:request.slotTitleHelp")} />
                  <TextField field={f.organisationName} label={t("staff-tools:request.organisation")} help={t("staff-tools:request.organisationHelp")} />
                  <TextField field={f.startsAt} label={t("staff-tools:request.startsAt")} type="datetime-local" help={t("staff-tools:request.startsAtHelp")} />
                  <TextField field={f.durationMinutes} label={t("staff-tools:request.duration")} type="number" min={1} max={240} />
                  <TextField field={f.room} label={t("staff-tools:request.room")} help={t("staff-tools:request.roomHelp")} />
                  <CheckboxField field={f.allowOverlap} label={t("staff-tools:request.allowOverlap")} />
                  <TextAreaField field={f.message} label={messageLabel} rows={2} />
                </>
              )}
            </TriageForm>
          ) : (
            <p>{t("staff-tools:request.noEvents")}</p>
          )}
          <TriageForm
            intent="answer"
            schema={answerSchema}
            lastResult={last("answer")}
            labels={{ message: t("staff-tools:request.answer") }}
            legend={t("staff-tools:request.answerLegend")}
            submit={t("staff-tools:request.answerSubmit")}
          >
            {(f) => <TextAreaField field={f.message} label={t("staff-tools:request.answer")} help={t("staff-tools:request.answerHelp")} rows={3} />}
          </TriageForm>
          <TriageForm
            intent="decline"
            schema={declineSchema}
            lastResult={last("decline")}
            labels={{ message: t("staff-tools:request.reason") }}
            legend={t("staff-tools:request.declineLegend")}
            submit={t("staff-tools:request.declineSubmit")}
            danger
          >
            {(f) => <TextAreaField field={f.message} label={t("staff-tools:request.reason")} help={t("staff-tools:request.reasonHelp")} rows={3} />}
          </TriageForm>
        </>
      ) : (
        <p>{t("staff-tools:request.decided")}</p>
      )}
    </>
  );
}
