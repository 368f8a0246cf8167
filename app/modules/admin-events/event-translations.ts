// The event form's content language and translations: the zod fields (spread into eventSchema),
// the form values of a saved event, and the columns to store (see docs/decisions/011-content-language.md).
import { z } from "zod";
import { LOCALES, type Locale } from "~/i18n/locales";
import {
  contentLanguageOf,
  parseTranslations,
  serializeTranslations,
  TRANSLATABLE_FIELDS,
  type EventTranslations,
  type TranslatableField,
} from "~/modules/events/event-text";
import { INVISIBLE } from "~/utils/markup";

const suffix = (locale: Locale) => `${locale[0].toUpperCase()}${locale.slice(1)}` as "Nb" | "Nn" | "En";
/** The form field of one translation, e.g. titleEn. */
export const translationFieldName = (field: TranslatableField, locale: Locale) => `${field}${suffix(locale)}` as const;

const MAX: Record<TranslatableField, number> = { title: 200, summary: 500, description: 10_000 };

const optional = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(max, "public:translations.tooLong")
      .refine((v) => !INVISIBLE.test(v), "public:translations.invisible")
      .optional(),
  );

type TranslationShape = { [K in `${TranslatableField}${"Nb" | "Nn" | "En"}`]: ReturnType<typeof optional> };

export const eventTranslationShape = {
  contentLanguage: z.preprocess((v) => (v === undefined || v === "" ? "nb" : v), z.enum(LOCALES, { errorMap: () => ({ message: "public:translations.languageInvalid" }) })),
  ...(Object.fromEntries(
    LOCALES.flatMap((locale) => TRANSLATABLE_FIELDS.map((field) => [translationFieldName(field, locale), optional(MAX[field])])),
  ) as TranslationShape),
};

type TranslationInput = { contentLanguage: Locale } & Partial<Record<keyof TranslationShape, string | undefined>>;

/** The two columns to save. The content language's own "translation" is dropped. */
export function translationColumns(input: TranslationInput): { contentLanguage: Locale; translations: string } {
  const translations: EventTranslations = {};
  for (const locale of LOCALES) {
    for (const field of TRANSLATABLE_FIELDS) {
      const value = input[translationFieldName(field, locale)];
      if (value) translations[locale] = { ...translations[locale], [field]: value };
    }
  }
  return { contentLanguage: input.contentLanguage, translations: serializeTranslations(translations, input.contentLanguage) };
}

/** The edit form's values for a saved event. */
export function translationFormValues(event: { contentLanguage: string; translations: string }): Record<string, string> {
  const parsed = parseTranslations(event.translations);
  const out: Record<string, string> = { contentLanguage: contentLanguageOf(event.contentLanguage) };
  for (const locale of LOCALES) {
    for (const field of TRANSLATABLE_FIELDS) out[translationFieldName(field, locale)] = parsed[locale]?.[field] ?? "";
  }
  return out;
}
