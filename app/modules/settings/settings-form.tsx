// The organisation settings form (/admin/settings): every text from app/locales/<lng>/settings.json,
// the same schema in the browser and the action, and a plain multipart post without JavaScript.
import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "@digdir/designsystemet-react";
import { ErrorSummary } from "~/components/form-errors";
import { CheckboxField, Field } from "~/components/ui/field";
import { isMessageKey, useT, type Locale, type MessageKey, type Translate } from "~/i18n";
import { LIMITS, settingsSchema } from "./settings.schema";

/** A key of the settings catalog, built from a field's name. */
export const settingsKey = (key: string) => `settings:${key}` as MessageKey;

/** A schema message ("settings:error.contrast|4.12") in the reader's language; the part after "|" is {{value}}. */
export function settingsError(t: Translate, locale: Locale, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const [key, value = ""] = message.split("|", 2) as [string, string?];
  if (!isMessageKey(key)) return t("settings:error.badRequest");
  const shown = locale !== "en" && /^\d+\.\d+$/.test(value) ? value.replace(".", ",") : value;
  return t(key, { value: shown });
}

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
  "liveFilterWords",
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
  const translate = useT();
  const t = (key: string, values?: Record<string, string | number>) => translate(settingsKey(key), values);
  const tr = (m: string | undefined) => settingsError(translate, locale, m);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "settings",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(settingsSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema, disableAutoCoercion: true }),
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
    <Field key={f.name} id={f.id} label={t(`field.${f.name}`)} help={help ?? undefined} error={tr(f.errors?.[0])} errorId={f.errorId}>
      {control}
    </Field>
  );
  const input = (f: AnyField, opts: { type?: "text" | "email" | "tel" | "url" | "date"; help?: string | null; max?: number; autoComplete?: string } = {}) => {
    const { key, ...props } = getInputProps(f, { type: opts.type ?? "text", ariaDescribedBy: described(f, Boolean(opts.help)) });
    return wrap(f, opts.help ?? null, <input key={key} className="ds-input" {...props} maxLength={opts.type === "date" ? undefined : opts.max} autoComplete={opts.autoComplete ?? "off"} />);
  };
  const area = (f: AnyField, opts: { help?: string | null; rows?: number; max?: number } = {}) => {
    const { key, ...props } = getTextareaProps(f, { ariaDescribedBy: described(f, Boolean(opts.help)) });
    return wrap(f, opts.help ?? null, <textarea key={key} className="ds-input" rows={opts.rows ?? 3} {...props} maxLength={opts.max} />);
  };
  const file = (f: AnyField, accept: string, help: string | null) => {
    const { key, ...props } = getInputProps(f, { type: "file", ariaDescribedBy: described(f, Boolean(help)) });
    return wrap(f, help, <input key={key} className="ds-input" {...props} accept={accept} />);
  };

  return (
    <>
      <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} translate={tr} />
      <Form method="post" encType="multipart/form-data" className="stacked" {...getFormProps(form)}>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.names")}</legend>
          <p data-field="description">{t("section.names.help")}</p>
          {input(fields.orgNameNb, { max: LIMITS.name, autoComplete: "organization" })}
          {input(fields.orgNameNn, { max: LIMITS.name })}
          {input(fields.orgNameEn, { max: LIMITS.name })}
          {input(fields.unitNameNb, { max: LIMITS.name, help: t("field.unitName.help") })}
          {input(fields.unitNameNn, { max: LIMITS.name })}
          {input(fields.unitNameEn, { max: LIMITS.name })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.contact")}</legend>
          {input(fields.contactEmail, { type: "email", max: LIMITS.email })}
          {input(fields.contactPhone, { type: "tel", max: LIMITS.phone })}
          {area(fields.postalAddress, { max: LIMITS.address })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.privacy")}</legend>
          {input(fields.dataController, { max: LIMITS.controller, help: t("field.dataController.help") })}
          {input(fields.privacyEmail, { type: "email", max: LIMITS.email })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.mail")}</legend>
          {input(fields.mailSenderName, { max: LIMITS.senderName, help: t("field.mailSenderName.help", { address: mailAddress }) })}
          {area(fields.mailSignatureNb, { max: LIMITS.signature, help: t("field.mailSignature.help") })}
          {area(fields.mailSignatureNn, { max: LIMITS.signature })}
          {area(fields.mailSignatureEn, { max: LIMITS.signature })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.districts")}</legend>
          {area(fields.districts, { rows: 8, help: t("field.districts.help") })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.live")}</legend>
          {area(fields.liveFilterWords, { rows: 6, help: t("field.liveFilterWords.help") })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.events")}</legend>
          {input(fields.defaultVenueCity, { max: LIMITS.city, help: t("field.defaultVenueCity.help") })}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.brand")}</legend>
          {logoUrl ? (
            <p className="settings-image">
              <img src={logoUrl} alt={t("field.logo.current")} height={64} />
            </p>
          ) : null}
          {file(fields.logo, "image/png,image/svg+xml", null)}
          {logoUrl ? (
            <CheckboxField id="removeLogo" name="removeLogo" value="on" label={t("field.removeLogo")} />
          ) : null}
          {input(fields.brandColor, { max: 7, help: t("field.brandColor.help") })}
          {shareImageUrl ? (
            <p className="settings-image">
              <img src={shareImageUrl} alt={t("field.shareImage.current")} height={96} />
            </p>
          ) : null}
          {file(fields.shareImage, "image/png,image/jpeg", t("field.shareImage.help"))}
          {shareImageUrl ? (
            <CheckboxField id="removeShareImage" name="removeShareImage" value="on" label={t("field.removeShareImage")} />
          ) : null}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("section.a11y")}</legend>
          {input(fields.a11yLastCheckedOn, { type: "date" })}
          {area(fields.a11yNonConformities, { rows: 5, max: LIMITS.nonConformities, help: t("field.a11yNonConformities.help") })}
          {input(fields.a11yStatementUrl, { type: "url", max: LIMITS.url })}
          {input(fields.a11yComplaintUrl, { type: "url", max: LIMITS.url })}
        </fieldset>
        <p>
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {t("submit")}
          </Button>
        </p>
      </Form>
    </>
  );
}
