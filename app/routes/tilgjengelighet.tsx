import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button } from "@digdir/designsystemet-react";
import { ErrorSummary, translateError } from "~/components/form-errors";
import { describedBy, Field } from "~/components/ui/field";
import { translator, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { feedbackSchema } from "~/modules/accessibility/feedback.schema";
import { submitFeedback } from "~/modules/accessibility/feedback.server";
import { statementTexts } from "~/modules/accessibility/statement.i18n";
import { DEFAULT_COMPLAINT_URL } from "~/modules/settings/org-settings";
import { orgSettings } from "~/modules/settings/settings.server";
import { formatDate, formatPhone } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const s = orgSettings();
  return {
    title: `${t("a11y.title")} – ${t("site.name")}`,
    sent: url.searchParams.get("sendt") === "1",
    from: url.searchParams.get("fra") ?? "",
    facts: {
      lastChecked: s.a11yLastCheckedOn ? formatDate(new Date(`${s.a11yLastCheckedOn}T12:00:00Z`), locale) : null,
      nonConformities: s.a11yNonConformities.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
      statementUrl: s.a11yStatementUrl || null,
      complaintUrl: s.a11yComplaintUrl || DEFAULT_COMPLAINT_URL,
      contact: [s.contactEmail, s.contactPhone ? formatPhone(s.contactPhone) : ""].filter(Boolean).join(", "),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["error.badRequest"] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: feedbackSchema });
  if (context.registrationRateLimited) {
    return data({ result: submission.reply({ formErrors: ["register.tooMany"] }) }, { status: 429 });
  }
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await submitFeedback(submission.value, await getLocale(request));
  return redirect("/tilgjengelighet?sendt=1#feedback-heading");
}

export default function AccessibilityStatement() {
  const { sent, from, facts } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const st = statementTexts[locale];
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "feedback",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(feedbackSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
  });
  const labels: Record<string, string> = {
    message: t("a11y.message"),
    pageUrl: t("a11y.page"),
    contactName: t("a11y.contactName"),
    contactEmail: t("a11y.contactEmail"),
  };
  const fieldErrors = (["message", "pageUrl", "contactName", "contactEmail"] as const)
    .filter((n) => fields[n].errors?.length)
    .map((n) => ({ id: fields[n].id, field: n, message: fields[n].errors![0] }));
  const props = (name: "message" | "pageUrl" | "contactName" | "contactEmail", help = false) => ({
    id: fields[name].id,
    name: fields[name].name,
    defaultValue: (fields[name].initialValue as string | undefined) ?? (name === "pageUrl" ? from : undefined),
    "aria-invalid": fields[name].errors ? true : undefined,
    "aria-describedby": describedBy(fields[name].id, help, Boolean(fields[name].errors)),
  });
  return (
    <div className="container narrow">
      <h1>{t("a11y.title")}</h1>
      <p>{t("a11y.intro")}</p>
      <h2>{t("a11y.how")}</h2>
      <p>{t("a11y.howText")}</p>
      <h2>{t("a11y.known")}</h2>
      <p>{t("a11y.knownText")}</p>
      <h2>{st.nonConformities}</h2>
      {facts.nonConformities.length ? facts.nonConformities.map((p) => <p key={p} className="pre-line">{p}</p>) : <p>{st.noNonConformities}</p>}
      <h2>{st.status}</h2>
      <p>{facts.lastChecked ? st.lastChecked.replace("{date}", facts.lastChecked) : st.notChecked}</p>
      {facts.statementUrl ? (
        <p>
          <a href={facts.statementUrl}>{st.statementLink}</a>
        </p>
      ) : null}
      {facts.contact ? <p>{st.contact.replace("{contact}", facts.contact)}</p> : null}
      <h2>{t("a11y.supervision")}</h2>
      <p>{t("a11y.supervisionText")}</p>
      <p>
        <a href={facts.complaintUrl}>{st.complaintLink}</a>
      </p>
      <h2 id="feedback-heading">{t("a11y.feedbackTitle")}</h2>
      {sent ? (
        <Alert data-color="success" role="status">
          {t("a11y.thanks")}
        </Alert>
      ) : null}
      <p>{t("a11y.feedbackIntro")}</p>
      <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <Field id={fields.message.id} label={`${labels.message} ${t("form.required")}`} error={translateError(t, fields.message.errors?.[0])}>
          <textarea className="ds-input" rows={5} maxLength={4000} required {...props("message")} />
        </Field>
        <Field id={fields.pageUrl.id} label={labels.pageUrl} error={translateError(t, fields.pageUrl.errors?.[0])}>
          <input className="ds-input" type="text" maxLength={500} {...props("pageUrl")} />
        </Field>
        <p id="feedback-privacy">{t("a11y.privacy")}</p>
        <Field id={fields.contactName.id} label={labels.contactName} error={translateError(t, fields.contactName.errors?.[0])}>
          <input className="ds-input" type="text" autoComplete="name" maxLength={200} {...props("contactName")} />
        </Field>
        <Field id={fields.contactEmail.id} label={labels.contactEmail} error={translateError(t, fields.contactEmail.errors?.[0])}>
          <input className="ds-input" type="email" autoComplete="email" maxLength={254} {...props("contactEmail")} />
        </Field>
        <div className="hp-field">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p>
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {t("a11y.send")}
          </Button>
        </p>
      </Form>
    </div>
  );
}
