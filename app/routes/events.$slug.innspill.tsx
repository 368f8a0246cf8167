// Public: send input (innspill) to a dialogue meeting, before or after it, with optional contact
// details. Spam protection as on the registration form: honeypot and the rate limit in server/app.ts.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, translateError } from "~/components/form-errors";
import { describedBy, Field } from "~/components/ui/field";
import { translator, useLocale, useT, type Locale, type Translate } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { inputTexts } from "~/modules/input/input.i18n";
import { INPUT_TEXT_MAX, inputSchema } from "~/modules/input/input.schema";
import { getInputEvent, phaseAt, submitInput } from "~/modules/input/input.server";
import { THEMES, THEME_LABELS } from "~/modules/input/themes";
import { PrivacyNotice } from "~/modules/privacy/privacy-notice";

async function requireInputEvent(slug: string | undefined, locale: Locale) {
  const event = await getInputEvent(slug);
  if (!event) throw new Response(translator(locale)("event.notFound"), { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requireInputEvent(params.slug, locale);
  const sent = new URL(request.url).searchParams.get("sendt");
  return {
    event: {
      slug: event.slug,
      title: event.title,
      privacyNotice: event.privacyNotice,
      endsAt: event.endsAt,
      needsRetentionDays: event.needsRetentionDays,
      personalDataRetentionDays: event.personalDataRetentionDays,
    },
    after: phaseAt(event, new Date()) === "AFTER",
    sent: sent === "1" || sent === "e" ? sent : null,
    title: `${inputTexts[locale].title}: ${event.title} – Samhandling`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Send innspill – Samhandling" }];

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

/** The form's own keys from input.i18n.ts, the rest from the site catalogs. */
function errorText(t: Translate, locale: Locale, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const own = inputTexts[locale].errors as Record<string, string>;
  return own[message] ?? translateError(t, message);
}

type FieldName = "theme" | "text" | "name" | "email" | "phone" | "privacyConsent";

export default function SendInput() {
  const { event, after, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const x = inputTexts[locale];
  const [form, fields] = useForm({
    id: "input",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(inputSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inputSchema }),
  });
  const labels: Record<FieldName, string> = {
    theme: x.theme,
    text: x.text,
    name: x.name,
    email: x.email,
    phone: x.phone,
    privacyConsent: x.privacyNotice,
  };
  const names = Object.keys(labels) as FieldName[];
  const fieldErrors = names
    .filter((n) => fields[n].errors?.length)
    .map((n) => ({ id: fields[n].id, field: n, message: fields[n].errors![0] }));
  const err = (n: FieldName) => errorText(t, locale, fields[n].errors?.[0]);
  const props = (n: FieldName, help = false) => ({
    id: fields[n].id,
    name: fields[n].name,
    defaultValue: fields[n].initialValue as string | undefined,
    "aria-invalid": fields[n].errors ? true : undefined,
    "aria-describedby": describedBy(fields[n].id, help, Boolean(fields[n].errors)),
  });

  return (
    <div className="container narrow">
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </nav>
      <h1>
        {x.title}: {event.title}
      </h1>
      {sent ? (
        <div className="notice notice-ok" role="status" id="receipt">
          <p>{x.thanks}</p>
          {sent === "e" ? <p>{x.thanksMail}</p> : null}
          <p>
            <Link to={`/events/${event.slug}`}>{x.backToEvent}</Link>
          </p>
        </div>
      ) : null}
      <p>{after ? x.introAfter : x.intro}</p>
      <ErrorSummary
        formErrors={form.errors ?? []}
        fieldErrors={fieldErrors}
        labels={labels}
        translate={(m) => errorText(t, locale, m)}
      />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <Field id={fields.theme.id} label={`${x.theme} ${t("form.required")}`} error={err("theme")}>
          <select required {...props("theme")}>
            <option value="">{x.chooseTheme}</option>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {THEME_LABELS[locale][theme]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.text.id} label={`${x.text} ${t("form.required")}`} help={x.textHelp} error={err("text")}>
          <textarea rows={6} maxLength={INPUT_TEXT_MAX} required {...props("text", true)} />
        </Field>
        <fieldset>
          <legend>{x.contactHeading}</legend>
          <p>{x.contactIntro}</p>
          <Field id={fields.name.id} label={x.name} error={err("name")}>
            <input type="text" autoComplete="name" maxLength={200} {...props("name")} />
          </Field>
          <Field id={fields.email.id} label={x.email} error={err("email")}>
            <input type="email" autoComplete="email" maxLength={254} {...props("email")} />
          </Field>
          <Field id={fields.phone.id} label={x.phone} error={err("phone")}>
            <input type="tel" autoComplete="tel" maxLength={40} {...props("phone")} />
          </Field>
          <PrivacyNotice event={event} form="input" />
          <div className="checkbox">
            <input
              type="checkbox"
              id={fields.privacyConsent.id}
              name={fields.privacyConsent.name}
              defaultChecked={fields.privacyConsent.initialValue === "on"}
              aria-invalid={fields.privacyConsent.errors ? true : undefined}
              aria-describedby={fields.privacyConsent.errors ? `${fields.privacyConsent.id}-error` : undefined}
            />
            <label htmlFor={fields.privacyConsent.id}>{x.consent}</label>
          </div>
          {fields.privacyConsent.errors ? (
            <p className="error" id={`${fields.privacyConsent.id}-error`}>
              {err("privacyConsent")}
            </p>
          ) : null}
        </fieldset>
        <div className="hp-field">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {x.send}
          </button>
        </p>
      </Form>
    </div>
  );
}
