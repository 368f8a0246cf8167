// Admins: what is stored about one e-mail address, its export and erasure, the retention rules,
// the job's history and a button to run it now.
import { Alert, Button, Table } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/modules/admin-events/staff-form";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { countPerson, erasePerson, type PersonCounts } from "~/modules/privacy/person.server";
import { personEraseSchema, personLookupSchema } from "~/modules/privacy/privacy.schema";
import { FAILED_MAIL_DAYS, FEEDBACK_CONTACT_DAYS, REQUEST_CONTACT_DAYS, SENT_MAIL_DAYS } from "~/modules/privacy/retention-rules";
import { describeReport, privacyHistory, runRetentionNow } from "~/modules/privacy/retention.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ADMIN");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const t = translator(await getLocale(request));
  return { title: t("staff-tools:title.suffix", { title: t("staff-tools:privacy.title") }), history: await privacyHistory() };
}

type ActionData =
  | { intent: "lookup"; result: SubmissionResult<string[]>; person?: { email: string; counts: PersonCounts } }
  | { intent: "erase"; result: SubmissionResult<string[]>; person?: { email: string; counts: PersonCounts }; erased?: string }
  | { intent: "run"; message: string }
  | { intent: "unknown"; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ADMIN");
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => new FormData());
  const intent = formData.get("intent");

  if (intent === "lookup") {
    const submission = parseWithZod(formData, { schema: personLookupSchema });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const email = submission.value.email;
    return data<ActionData>({ intent, result: submission.reply(), person: { email, counts: await countPerson(email) } });
  }

  if (intent === "erase") {
    const submission = parseWithZod(formData, { schema: personEraseSchema });
    if (submission.status !== "success") {
      // Keep the summary on screen so the admin can try again; nothing was changed.
      const email = personLookupSchema.safeParse({ email: formData.get("email") });
      const person = email.success ? { email: email.data.email, counts: await countPerson(email.data.email) } : undefined;
      return data<ActionData>({ intent, result: submission.reply(), person }, { status: 400 });
    }
    const r = await erasePerson(actorOf(staff), submission.value.email);
    const erased =
      t("staff-tools:privacy.erased", {
        email: submission.value.email,
        registrations: t("staff-tools:privacy.n.registrations", { count: r.registrations }),
        inputs: t("staff-tools:privacy.n.inputs", { count: r.inputs }),
        requests: t("staff-tools:privacy.n.requests", { count: r.requests }),
        feedback: t("staff-tools:privacy.n.feedback", { count: r.feedback }),
        mails: t("staff-tools:privacy.n.mails", { count: r.mails }),
      }) + (r.promoted ? t("staff-tools:privacy.promoted", { count: r.promoted }) : "");
    return data<ActionData>({ intent, result: submission.reply({ resetForm: true }), erased });
  }

  if (intent === "run") {
    const report = await runRetentionNow(actorOf(staff));
    return data<ActionData>({ intent, message: t("staff-tools:privacy.ran", { report: describeReport(report, t) }) });
  }

  return data<ActionData>({ intent: "unknown", message: t("staff-tools:error.badForm") }, { status: 400 });
}

const COUNT_KEYS: Array<keyof PersonCounts> = ["registrations", "answers", "inputs", "requests", "feedback", "mails"];

export default function PrivacyPage() {
  const { history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const idle = navigation.state === "idle";

  const [lookupForm, lookupFields] = useForm({
    id: "lookup",
    lastResult: idle && actionData?.intent === "lookup" ? actionData.result : undefined,
    constraint: getZodConstraint(personLookupSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personLookupSchema }),
  });
  const [eraseForm, eraseFields] = useForm({
    id: "erase",
    lastResult: idle && actionData?.intent === "erase" ? actionData.result : undefined,
    constraint: getZodConstraint(personEraseSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personEraseSchema }),
  });

  const person = actionData && "person" in actionData ? actionData.person : undefined;
  const total = person ? Object.values(person.counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <>
      <h1>{t("staff-tools:privacy.heading")}</h1>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t("staff-tools:privacy.rules")}</h2>
        <ul>
          <li>{t("staff-tools:privacy.rule.needs")}</li>
          <li>{t("staff-tools:privacy.rule.requests", { days: REQUEST_CONTACT_DAYS })}</li>
          <li>{t("staff-tools:privacy.rule.mails", { sent: SENT_MAIL_DAYS, failed: FAILED_MAIL_DAYS })}</li>
          <li>{t("staff-tools:privacy.rule.feedback", { days: FEEDBACK_CONTACT_DAYS })}</li>
          <li>{t("staff-tools:privacy.rule.job")}</li>
        </ul>
      </section>

      <section aria-labelledby="person-heading">
        <h2 id="person-heading">{t("staff-tools:privacy.person")}</h2>
        <p>{t("staff-tools:privacy.personIntro")}</p>
        <ErrorSummary formErrors={lookupForm.errors} fields={lookupFields} labels={{ email: t("staff-tools:privacy.email") }} />
        <Form method="post" className="stacked" {...getFormProps(lookupForm)}>
          <input type="hidden" name="intent" value="lookup" />
          <TextField field={lookupFields.email} label={t("staff-tools:privacy.email")} inputMode="email" autoComplete="off" spellCheck={false} />
          <p>
            <Button type="submit" disabled={navigation.state === "submitting"} variant="primary">
              {t("staff-tools:privacy.find")}
            </Button>
          </p>
        </Form>
      </section>

      {actionData?.intent === "erase" && actionData.erased ? (
        <Alert data-color="success" role="status">
          {actionData.erased}
        </Alert>
      ) : null}

      {person ? (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">{t("staff-tools:privacy.found", { email: person.email })}</h2>
          <TableScroll label={t("staff-tools:privacy.countsCaption")}>
            <Table>
              <caption className="visually-hidden">{t("staff-tools:privacy.countsCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("staff-tools:privacy.col.type")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:privacy.col.count")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {COUNT_KEYS.map((key) => (
                  <Table.Row key={key}>
                    <Table.HeaderCell scope="row">{t(`staff-tools:privacy.count.${key}`)}</Table.HeaderCell>
                    <Table.Cell>{person.counts[key]}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          {total === 0 ? <p role="status">{t("staff-tools:privacy.nothing")}</p> : <p role="status">{t("staff-tools:privacy.total", { count: total })}</p>}

          <h3>{t("staff-tools:privacy.download")}</h3>
          <Form method="post" action="/admin/privacy/export" reloadDocument>
            <input type="hidden" name="email" value={person.email} />
            <Button type="submit" variant="secondary">
              {t("staff-tools:privacy.downloadJson")}
            </Button>
          </Form>

          <h3>{t("staff-tools:privacy.erase")}</h3>
          <p>{t("staff-tools:privacy.eraseIntro")}</p>
          <ErrorSummary formErrors={eraseForm.errors} fields={eraseFields} labels={{ confirmEmail: t("staff-tools:privacy.confirm") }} />
          <Form method="post" className="stacked" {...getFormProps(eraseForm)}>
            <input type="hidden" name="intent" value="erase" />
            <input type="hidden" name="email" value={person.email} />
            <TextField
              field={eraseFields.confirmEmail}
              label={t("staff-tools:privacy.confirm")}
              help={t("staff-tools:privacy.confirmHelp", { email: person.email })}
              inputMode="email"
              autoComplete="off"
              spellCheck={false}
            />
            <p>
              <Button type="submit" disabled={navigation.state === "submitting"} variant="primary" data-color="danger">
                {t("staff-tools:privacy.eraseButton")}
              </Button>
            </p>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="run-heading">
        <h2 id="run-heading">{t("staff-tools:privacy.run")}</h2>
        <p>{t("staff-tools:privacy.runIntro")}</p>
        {actionData?.intent === "run" ? (
          <Alert data-color="success" role="status">
            {actionData.message}
          </Alert>
        ) : null}
        {actionData?.intent === "unknown" ? (
          <Alert data-color="warning" role="alert">
            {actionData.message}
          </Alert>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="run" />
          <Button type="submit" disabled={navigation.state === "submitting"} variant="secondary">
            {t("staff-tools:privacy.runButton")}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("staff-tools:privacy.history")}</h2>
        {history.length === 0 ? (
          <p>{t("staff-tools:privacy.noHistory")}</p>
        ) : (
          <TableScroll label={t("staff-tools:privacy.historyCaption")}>
            <Table>
              <caption className="visually-hidden">{t("staff-tools:privacy.historyCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("staff-tools:privacy.col.time")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:privacy.col.who")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-tools:privacy.col.what")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.map((h) => (
                  <Table.Row key={h.id}>
                    <Table.Cell>{formatDateTime(new Date(h.at), locale)}</Table.Cell>
                    <Table.Cell>{h.actorEmail === "system" ? t("staff-tools:privacy.job") : h.actorEmail}</Table.Cell>
                    <Table.Cell lang={locale === "nb" ? undefined : "nb"}>{h.summary}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
