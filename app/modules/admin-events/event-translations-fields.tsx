// The event form's content language and the translations of title, summary and description into
// the other two site languages. Without JavaScript the fieldsets follow the saved language; with it
// they follow the select at once. A hidden fieldset's values are not stored (translationColumns).
import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useState } from "react";
import { Field } from "~/components/ui/field";
import { isLocale, isMessageKey, LOCALE_NAMES, LOCALES, useT, type Locale } from "~/i18n";
import { TRANSLATABLE_FIELDS } from "~/modules/events/event-text";
import { translationFieldName } from "./event-translations";
import { TextAreaField, TextField } from "./staff-form";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

export function EventTranslationsFields({ fields }: { fields: Record<string, AnyField> }) {
  const t = useT();
  const language = fields.contentLanguage;
  const initial = isLocale(language.initialValue) ? language.initialValue : "nb";
  const [contentLanguage, setContentLanguage] = useState<Locale>(initial);
  const { key, ...selectProps } = getSelectProps(language, { ariaDescribedBy: `${language.id}-help` });
  const error = language.errors?.[0];
  return (
    <>
      <Field
        id={language.id}
        label={t("public:translations.language")}
        help={t("public:translations.languageHelp")}
        error={error ? (isMessageKey(error) ? t(error) : error) : undefined}
        errorId={language.errorId}
      >
        <select
          key={key}
          className="ds-input"
          {...selectProps}
          onChange={(e) => setContentLanguage(isLocale(e.target.value) ? e.target.value : "nb")}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
      {LOCALES.map((locale) => (
        <fieldset key={locale} className="ds-fieldset" hidden={locale === contentLanguage} lang={locale}>
          <legend className="ds-label">{t("public:translations.legend", { language: LOCALE_NAMES[locale] })}</legend>
          <p data-field="description">{t("public:translations.help")}</p>
          {TRANSLATABLE_FIELDS.map((field) => {
            const f = fields[translationFieldName(field, locale)];
            const label = t(`public:translations.${field}`, { language: LOCALE_NAMES[locale] });
            return field === "title" ? (
              <TextField key={field} field={f} label={label} />
            ) : (
              <TextAreaField key={field} field={f} label={label} rows={field === "summary" ? 2 : 6} />
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
