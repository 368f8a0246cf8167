// The organisation settings form (/admin/settings): every text from app/locales/<lng>/settings.json,
// the same schema in the browser and the action, and a plain multipart post without JavaScript.
import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/form-errors";
import type { Locale } from "~/i18n/locales";
import { settingsError, settingsT } from "./settings-texts";
import { LIMITS, settingsSchema } from "./settings.schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

const FIELD_NAMES = [
  "orgNameNb",
  "orgNameNn",
  "orgNameEn",
  "unitNameNb",
  "unitNameNn",
  "unitNameEn",
  "contactEmail",
  "contactPhone",
  "postalAddress",
  "dataController",
  "privacyEmail",
  "mailSenderName",
  "mailSignatureNb",
  "mailSignatureNn",
  "mailSignatureEn",
  "districts",
  "defaultVenueCity",
  "logo",
  "brandColor",
  "shareImage",
  "a11yLastCheckedOn",
  "a11yNonConformities",
  "a11yStatementUrl",
  "a11yComplaintUrl",
] as const;

export type SettingsFormDefaults = Record<(typeof FIELD_NAMES)[number], string>;

export function SettingsForm({
  locale,
  defaultValue,
  lastResult,
  mailAddress,
  logoUrl,
  shareImageUrl,
}: {
  locale: Locale;
  defaultValue: Partial<SettingsFormDefaults>;
  lastResult?: SubmissionResult<string[]> | null;
  mailAddress: string;
  logoUrl: string | null;
  shareImageUrl: string | null;
}) {
  const t = settingsT(locale);
  const tr = (m: string | undefined) => settingsError(t, locale, m);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "settings",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(settingsSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
  });
  const labels = Object.fromEntries(FIELD_NAMES.map((n) => [n, t(`field.${n}`)]));
  const fieldErrors = FIELD_NAMES.filter((n) => fields[n].errors?.length).map((n) => ({
    id: fields[n].id,
    field: n,
    message: fields[n].errors![0]!,
  }));

  const described = (f: AnyField, help: boolean) =>
    [help ? `${f.id}-help` : null, f.errors?.length ? f.errorId : null].filter(Boolean).join(" ") || undefined;
  const wrap = (f: AnyField, help: string | null, control: ReactNode) => (
    <div className="field" key={f.name}>
      <label htmlFor={f.id}>{t(`field.${f.name}`)}</label>
      {help ? (
        <p className="help" id={`${f.id}-help`}>
          {help}
        </p>
      ) : null}
      {control}
      {f.errors?.length ? (
        <p className="error" id={f.errorId}>
          {tr(f.errors[0])}
        </p>
      ) : null}
    </div>
  );
  const input = (f: AnyField, opts: { type?: "text" | "email" | "tel" | "url" | "date"; help?: string | null; max?: number; autoComplete?: string } = {}) => {
    const { key, ...props } = getInputProps(f, { type: opts.type ?? "text", ariaDescribedBy: described(f, Boolean(opts.help)) });
    return wrap(f, opts.help ?? null, <input key={key} {...props} maxLength={opts.type === "date" ? undefined : opts.max} autoComplete={opts.autoComplete ?? "off"} />);
  };
  const area = (f: AnyField, opts: { help?: string | null; rows?: number; max?: number } = {}) => {
    const { key, ...props } = getTextareaProps(f, { ariaDescribedBy: described(f, Boolean(opts.help)) });
    return wrap(f, opts.help ?? null, <textarea key={key} rows={opts.rows ?? 3} {...props} maxLength={opts.max} />);
  };
  const file = (f: AnyField, accept: string, help: string | null) => {
    const { key, ...props } = getInputProps(f, { type: "file", ariaDescribedBy: described(f, Boolean(help)) });
    return wrap(f, help, <input key={key} {...props} accept={accept} />);
  };

  return (
    <>
      <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} translate={tr} />
      <Form method="post" encType="multipart/form-data" className="stacked" {...getFormProps(form)}>
        <fieldset>
          <legend>{t("section.names")}</legend>
          <p className="help">{t("section.names.help")}</p>
          {input(fields.orgNameNb, { max: LIMITS.name, autoComplete: "organization" })}
          {input(fields.orgNameNn, { max: LIMITS.name })}
          {input(fields.orgNameEn, { max: LIMITS.name })}
          {input(fields.unitNameNb, { max: LIMITS.name, help: t("field.unitName.help") })}
          {input(fields.unitNameNn, { max: LIMITS.name })}
          {input(fields.unitNameEn, { max: LIMITS.name })}
        </fieldset>
        <fieldset>
          <legend>{t("section.contact")}</legend>
          {input(fields.contactEmail, { type: "email", max: LIMITS.email })}
          {input(fields.contactPhone, { type: "tel", max: LIMITS.phone })}
          {area(fields.postalAddress, { max: LIMITS.address })}
        </fieldset>
        <fieldset>
          <legend>{t("section.privacy")}</legend>
          {input(fields.dataController, { max: LIMITS.controller, help: t("field.dataController.help") })}
          {input(fields.privacyEmail, { type: "email", max: LIMITS.email })}
        </fieldset>
        <fieldset>
          <legend>{t("section.mail")}</legend>
          {input(fields.mailSenderName, { max: LIMITS.senderName, help: t("field.mailSenderName.help", { address: mailAddress }) })}
          {area(fields.mailSignatureNb, { max: LIMITS.signature, help: t("field.mailSignature.help") })}
          {area(fields.mailSignatureNn, { max: LIMITS.signature })}
          {area(fields.mailSignatureEn, { max: LIMITS.signature })}
        </fieldset>
        <fieldset>
          <legend>{t("section.districts")}</legend>
          {area(fields.districts, { rows: 8, help: t("field.districts.help") })}
        </fieldset>
        <fieldset>
          <legend>{t("section.events")}</legend>
          {input(fields.defaultVenueCity, { max: LIMITS.city, help: t("field.defaultVenueCity.help") })}
        </fieldset>
        <fieldset>
          <legend>{t("section.brand")}</legend>
          {logoUrl ? (
            <p className="settings-image">
              <img src={logoUrl} alt={t("field.logo.current")} height={64} />
            </p>
          ) : null}
          {file(fields.logo, "image/png,image/svg+xml", null)}
          {logoUrl ? (
            <div className="checkbox">
              <input type="checkbox" id="removeLogo" name="removeLogo" value="on" />
              <label htmlFor="removeLogo">{t("field.removeLogo")}</label>
            </div>
          ) : null}
          {input(fields.brandColor, { max: 7, help: t("field.brandColor.help") })}
          {shareImageUrl ? (
            <p className="settings-image">
              <img src={shareImageUrl} alt={t("field.shareImage.current")} height={96} />
            </p>
          ) : null}
          {file(fields.shareImage, "image/png,image/jpeg", t("field.shareImage.help"))}
          {shareImageUrl ? (
            <div className="checkbox">
              <input type="checkbox" id="removeShareImage" name="removeShareImage" value="on" />
              <label htmlFor="removeShareImage">{t("field.removeShareImage")}</label>
            </div>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t("section.a11y")}</legend>
          {input(fields.a11yLastCheckedOn, { type: "date" })}
          {area(fields.a11yNonConformities, { rows: 5, max: LIMITS.nonConformities, help: t("field.a11yNonConformities.help") })}
          {input(fields.a11yStatementUrl, { type: "url", max: LIMITS.url })}
          {input(fields.a11yComplaintUrl, { type: "url", max: LIMITS.url })}
        </fieldset>
        <p>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("submit")}
          </button>
        </p>
      </Form>
    </>
  );
}
