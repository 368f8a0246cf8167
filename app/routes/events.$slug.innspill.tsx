// Public: send input (innspill) to a dialogue meeting, before or after it, with optional contact
// details. Spam protection as on the registration form: honeypot and the rate limit in server/app.ts.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import publicFormsCss from "~/modules/registration/public-forms.css?url";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button } from "@digdir/designsystemet-react";
import { ErrorSummary, translateError } from "~/components/form-errors";
import { CheckboxField, Field, describedBy } from "~/components/ui/field";
import { useT, type Locale } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { INPUT_TEXT_MAX, inputSchema } from "~/modules/input/input.schema";
import { getInputEvent, phaseAt, submitInput } from "~/modules/input/input.server";
import { THEMES, type Theme } from "~/modules/input/themes";
import { PrivacyNotice } from "~/modules/privacy/privacy-notice";
import { localizeEvent } from "~/modules/events/event-text";
import { ContentLang } from "~/components/content-lang";

async function requireInputEvent(slug: string | undefined, locale: Locale) {
  const event = await getInputEvent(slug);
  if (!event) throw new Response(translator(locale)("event.notFound"), { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = localizeEvent(await requireInputEvent(params.slug, locale), locale);
  const sent = new URL(request.url).searchParams.get("sendt");
  return {
    event: {
      slug: event.slug,
      title: event.title,
      titleLang: event.titleLang,
      contentLanguage: event.contentLanguage,
      privacyNotice: event.privacyNotice,
      endsAt: event.endsAt,
      needsRetentionDays: event.needsRetentionDays,
      personalDataRetentionDays: event.personalDataRetentionDays,
    },
    after: phaseAt(event, new Date()) === "AFTER",
    sent: sent === "1" || sent === "e" ? sent : null,
    title: `${translator(locale)("public:input.title")}: ${event.title} – ${translator(locale)("site.name")}`,
  };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicFormsCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requireInputEvent(params.slug, locale);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["error.badRequest"] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: inputSchema });
  if (context.registrationRateLimited) {
    return data({ result: submission.reply({ formErrors: ["register.tooMany"] }) }, { status: 429 });
  }
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await submitInput(event, submission.value, locale);
  return redirect(`/events/${event.slug}/innspill?sendt=${submission.value.email ? "e" : "1"}#receipt`);
}

type FieldName = "theme" | "text" | "name" | "email" | "phone" | "privacyConsent";

export default function SendInput() {
  const { event, after, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "input",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(inputSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inputSchema }),
  });
  const labels: Record<FieldName, string> = {
    theme: t("public:input.theme"),
    text: t("public:input.text"),
    name: t("public:input.name"),
    email: t("public:input.email"),
    phone: t("public:input.phone"),
    privacyConsent: t("public:input.privacyNotice"),
  };
  const names = Object.keys(labels) as FieldName[];
  const fieldErrors = names.filter((n) => fields[n].errors?.length).map((n) => ({ id: fields[n].id, field: n, message: fields[n].errors![0] }));
  const err = (n: FieldName) => translateError(t, fields[n].errors?.[0]);
  const props = (n: FieldName, help = false) => ({
    id: fields[n].id,
    name: fields[n].name,
    defaultValue: fields[n].initialValue as string | undefined,
    "aria-invalid": fields[n].errors ? true : undefined,
    "aria-describedby": describedBy(fields[n].id, help, Boolean(fields[n].errors)),
  });

  return (
    <div className="container narrow">
      <nav aria-label={t("public:breadcrumbs")} className="breadcrumbs">
        <Link to={`/events/${event.slug}`}>
          <ContentLang lang={event.titleLang}>{event.title}</ContentLang>
        </Link>
      </nav>
      <h1>
        {t("public:input.title")}: <ContentLang lang={event.titleLang}>{event.title}</ContentLang>
      </h1>
      {sent ? (
        <Alert data-color="success" role="status" id="receipt">
          <p>{t("public:input.thanks")}</p>
          {sent === "e" ? <p>{t("public:input.thanksMail")}</p> : null}
          <p>
            <Link to={`/events/${event.slug}`}>{t("public:input.backToEvent")}</Link>
          </p>
        </Alert>
      ) : null}
      <p>{after ? t("public:input.introAfter") : t("public:input.intro")}</p>
      <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} />
      <Form method="post" className="stacked public-form" {...getFormProps(form)}>
        <Field id={fields.theme.id} label={`${t("public:input.theme")} ${t("form.required")}`} error={err("theme")}>
          <select className="ds-input" required {...props("theme")}>
            <option value="">{t("public:input.chooseTheme")}</option>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`public:input.theme.${theme as Theme}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.text.id} label={`${t("public:input.text")} ${t("form.required")}`} help={t("public:input.textHelp")} error={err("text")}>
          <textarea className="ds-input" rows={6} maxLength={INPUT_TEXT_MAX} required {...props("text", true)} />
        </Field>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("public:input.contactHeading")}</legend>
          <p>{t("public:input.contactIntro")}</p>
          <Field id={fields.name.id} label={t("public:input.name")} error={err("name")}>
            <input className="ds-input" type="text" autoComplete="name" maxLength={200} {...props("name")} />
          </Field>
          <Field id={fields.email.id} label={t("public:input.email")} error={err("email")}>
            <input className="ds-input" type="email" autoComplete="email" maxLength={254} {...props("email")} />
          </Field>
          <Field id={fields.phone.id} label={t("public:input.phone")} error={err("phone")}>
            <input className="ds-input" type="tel" autoComplete="tel" maxLength={40} {...props("phone")} />
          </Field>
          <PrivacyNotice event={event} form="input" />
          <CheckboxField
            id={fields.privacyConsent.id}
            name={fields.privacyConsent.name}
            label={t("public:input.consent")}
            defaultChecked={fields.privacyConsent.initialValue === "on"}
            error={fields.privacyConsent.errors ? err("privacyConsent") : undefined}
          />
        </fieldset>
        <div className="hp-field">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p>
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {t("public:input.send")}
          </Button>
        </p>
      </Form>
    </div>
  );
}
