import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import publicFormsCss from "~/modules/registration/public-forms.css?url";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button } from "@digdir/designsystemet-react";
import { ContentLang } from "~/components/content-lang";
import { ErrorSummary, translateError } from "~/components/form-errors";
import { EventFacts } from "~/components/event-parts";
import { CheckboxField, Field } from "~/components/ui/field";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { registrationState, seatsLeft } from "~/modules/events/registration-window";
import { DetailsFields, textProps } from "~/modules/registration/registration-fields";
import { registrationSchema, EMAIL_MAX } from "~/modules/registration/registration.schema";
import { registerAttendee } from "~/modules/registration/registration.server";
import { PrivacyNotice } from "~/modules/privacy/privacy-notice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const t = translator(locale);
  const title = t("public:pageTitle", { page: t("register.title", { event: event.title }), site: t("site.name") });
  return { title, event, state: registrationState(event, new Date()), seatsLeft: seatsLeft(event) };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicFormsCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const formData = await request.formData().catch(() => null);
  if (!formData) {
    return data({ result: { status: "error" as const, error: { "": ["error.badRequest"] } }, notice: null }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: registrationSchema });
  if (context.registrationRateLimited) {
    return data({ result: submission.reply({ formErrors: ["register.tooMany"] }), notice: null }, { status: 429 });
  }
  if (submission.status !== "success") {
    return data({ result: submission.reply(), notice: null }, { status: 400 });
  }
  const outcome = await registerAttendee(event.id, submission.value, locale);
  switch (outcome.outcome) {
    case "refused":
      return data({ result: submission.reply({ formErrors: [`refusal.${outcome.reason}`] }), notice: null }, { status: 409 });
    case "already-registered":
      // Never reveal the existing registration's link here: only the mailbox owner gets it.
      return data({ result: submission.reply({ resetForm: true }), notice: "register.alreadyRegistered" as const }, { status: 200 });
    default:
      return redirect(`/registrations/${outcome.token}?ny=1`);
  }
}

export default function Register() {
  const { event, state, seatsLeft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "registration",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(registrationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
  });
  const full = seatsLeft === 0;
  const labels: Record<string, string> = {
    name: t("form.name"),
    email: t("form.email"),
    phone: t("form.phone"),
    organisation: t("form.organisation"),
    diet: t("form.diet"),
    accessibility: t("form.accessibility"),
    privacyConsent: t("form.privacyNotice"),
    website: t("form.honeypot"),
  };
  const fieldErrors = (Object.keys(labels) as Array<keyof typeof fields>)
    .map((name) => ({ name, f: fields[name] }))
    .filter(({ f }) => f.errors?.length)
    .map(({ name, f }) => ({ id: f.id, field: name, message: f.errors![0] }));

  return (
    <div className="container narrow">
      <nav aria-label={t("public:breadcrumbs")} className="breadcrumbs">
        <Link to={`/events/${event.slug}`}>
          <ContentLang lang={event.titleLang}>{event.title}</ContentLang>
        </Link>
      </nav>
      <h1>{t("register.title", { event: event.title })}</h1>
      <EventFacts event={event} />
      {state !== "open" ? (
        <Alert data-color="warning" role="status">
          {t(`refusal.${state}`)}
        </Alert>
      ) : (
        <>
          <p>{t("register.intro")}</p>
          {full ? <Alert data-color="warning">{t("register.full")}</Alert> : null}
          {actionData?.notice ? (
            <Alert data-color="success" role="status">
              {t(actionData.notice)}
            </Alert>
          ) : null}
          <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} />
          <Form method="post" className="stacked public-form" {...getFormProps(form)}>
            <DetailsFields
              fields={fields}
              before={
                <Field
                  id={fields.email.id}
                  label={`${t("form.email")} ${t("form.required")}`}
                  help={t("form.emailHelp")}
                  error={translateError(t, fields.email.errors?.[0])}
                >
                  <input className="ds-input" type="email" autoComplete="email" required maxLength={EMAIL_MAX} {...textProps(fields.email, true)} />
                </Field>
              }
            />
            <div className="hp-field">
              <label htmlFor="website">{t("form.honeypot")}</label>
              <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
            </div>
            <PrivacyNotice event={event} />
            <CheckboxField
              id={fields.privacyConsent.id}
              name={fields.privacyConsent.name}
              label={t("form.privacy")}
              required
              error={fields.privacyConsent.errors ? translateError(t, fields.privacyConsent.errors[0]) : undefined}
            />
            <p>
              <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
                {full ? t("form.submitWaitlist") : t("form.submitRegister")}
              </Button>
            </p>
          </Form>
        </>
      )}
    </div>
  );
}
