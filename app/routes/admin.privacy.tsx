// Admins: what is stored about one e-mail address, its export and erasure, the retention rules,
// the job's history and a button to run it now.
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

export const handle = staffHandle("ADMIN");
export const meta: MetaFunction = () => [{ title: "Personvern – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return { history: await privacyHistory() };
}

type ActionData =
  | { intent: "lookup"; result: SubmissionResult<string[]>; person?: { email: string; counts: PersonCounts } }
  | { intent: "erase"; result: SubmissionResult<string[]>; person?: { email: string; counts: PersonCounts }; erased?: string }
  | { intent: "run"; message: string }
  | { intent: "unknown"; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ADMIN");
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
      `Alt om ${submission.value.email} er slettet: ${r.registrations} påmelding(er), ${r.inputs} innspill, ` +
      `${r.requests} forespørsel(er) anonymisert, ${r.feedback} tilbakemelding(er) og ${r.mails} e-post(er).` +
      (r.promoted ? ` ${r.promoted} person(er) fikk plassen fra ventelisten.` : "");
    return data<ActionData>({ intent, result: submission.reply({ resetForm: true }), erased });
  }

  if (intent === "run") {
    const report = await runRetentionNow(actorOf(staff));
    return data<ActionData>({ intent, message: `Slettejobben er kjørt: ${describeReport(report)}` });
  }

  return data<ActionData>({ intent: "unknown", message: "Vi kunne ikke lese skjemaet." }, { status: 400 });
}

const COUNT_LABELS: Array<[keyof PersonCounts, string]> = [
  ["registrations", "Påmeldinger"],
  ["answers", "Svar om kosthold og tilrettelegging"],
  ["inputs", "Innspill"],
  ["requests", "Forespørsler fra organisasjoner"],
  ["feedback", "Tilbakemeldinger om tilgjengelighet"],
  ["mails", "E-poster i utboksen"],
];

export default function PrivacyPage() {
  const { history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
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
      <h1>Personvern</h1>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Reglene for sletting</h2>
        <ul>
          <li>
            Svar om kosthold, allergier og tilrettelegging slettes et antall dager etter hvert arrangement (standard 14). Påmeldinger
            anonymiseres, og kontaktopplysninger i innspill og navn på spørsmål i direkte spørsmål og svar fjernes, etter et
            lengre antall dager (standard 365). Begge velges per
            arrangement i skjemaet for arrangementet.
          </li>
          <li>Kontaktopplysninger i forespørsler fra organisasjoner fjernes {REQUEST_CONTACT_DAYS} dager etter at forespørselen ble avgjort.</li>
          <li>
            Sendte e-poster slettes etter {SENT_MAIL_DAYS} dager, e-poster som ikke kom fram etter {FAILED_MAIL_DAYS} dager.
          </li>
          <li>Kontaktopplysninger i tilbakemeldinger om tilgjengelighet fjernes {FEEDBACK_CONTACT_DAYS} dager etter at de er behandlet.</li>
          <li>Slettejobben kjører av seg selv når serveren starter og deretter jevnlig (vanligvis hver time). Alt den gjør, står i historikken nederst.</li>
        </ul>
      </section>

      <section aria-labelledby="person-heading">
        <h2 id="person-heading">Innsyn og sletting for én e-postadresse</h2>
        <p>Når noen ber om innsyn eller om å bli glemt: finn alt vi har om adressen, last det ned, eller slett det.</p>
        <ErrorSummary formErrors={lookupForm.errors} fields={lookupFields} labels={{ email: "E-postadresse" }} />
        <Form method="post" className="stacked" {...getFormProps(lookupForm)}>
          <input type="hidden" name="intent" value="lookup" />
          <TextField field={lookupFields.email} label="E-postadresse" inputMode="email" autoComplete="off" spellCheck={false} />
          <p>
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              Finn opplysninger
            </button>
          </p>
        </Form>
      </section>

      {actionData?.intent === "erase" && actionData.erased ? (
        <p className="notice notice-ok" role="status">
          {actionData.erased}
        </p>
      ) : null}

      {person ? (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">Dette har vi om {person.email}</h2>
          <table className="data">
            <caption className="visually-hidden">Antall opplysninger per type</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Antall</th>
              </tr>
            </thead>
            <tbody>
              {COUNT_LABELS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{person.counts[key]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total === 0 ? (
            <p role="status">Vi har ingen opplysninger om denne adressen.</p>
          ) : (
            <p role="status">Fant {total} opplysning(er) om adressen.</p>
          )}

          <h3>Last ned</h3>
          <Form method="post" action="/admin/privacy/export" reloadDocument>
            <input type="hidden" name="email" value={person.email} />
            <button type="submit">Last ned JSON</button>
          </Form>

          <h3>Slett alt om adressen</h3>
          <p>
            Påmeldinger, svar og innspill slettes, kontaktopplysningene i forespørsler og tilbakemeldinger fjernes, og e-post til
            adressen slettes. En bekreftet plass går til den første på ventelisten. Dette kan ikke angres.
          </p>
          <ErrorSummary formErrors={eraseForm.errors} fields={eraseFields} labels={{ confirmEmail: "Bekreft adressen" }} />
          <Form method="post" className="stacked" {...getFormProps(eraseForm)}>
            <input type="hidden" name="intent" value="erase" />
            <input type="hidden" name="email" value={person.email} />
            <TextField
              field={eraseFields.confirmEmail}
              label="Bekreft adressen"
              help={`Skriv ${person.email} en gang til.`}
              inputMode="email"
              autoComplete="off"
              spellCheck={false}
            />
            <p>
              <button type="submit" className="danger" disabled={navigation.state === "submitting"}>
                Slett alt om denne adressen
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="run-heading">
        <h2 id="run-heading">Kjør slettejobben</h2>
        <p>Jobben kjører av seg selv, men du kan kjøre den nå, for eksempel etter at du har kortet ned fristene for et arrangement.</p>
        {actionData?.intent === "run" ? (
          <p className="notice notice-ok" role="status">
            {actionData.message}
          </p>
        ) : null}
        {actionData?.intent === "unknown" ? (
          <p className="notice notice-warn" role="alert">
            {actionData.message}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="run" />
          <button type="submit" disabled={navigation.state === "submitting"}>
            Kjør sletting nå
          </button>
        </Form>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Historikk</h2>
        {history.length === 0 ? (
          <p>Ingenting er slettet ennå.</p>
        ) : (
          <table className="data">
            <caption className="visually-hidden">Sletting og innsyn, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Hvem</th>
                <th scope="col">Hva</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(new Date(h.at))}</td>
                  <td>{h.actorEmail === "system" ? "Slettejobben" : h.actorEmail}</td>
                  <td>{h.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
