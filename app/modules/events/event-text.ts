// An event's own texts (title, summary, description) in the visitor's language when the organiser
// has translated them, otherwise the original with the language it is written in, so the page can
// mark it with `lang` (see docs/decisions/011-content-language.md). Pure: no database, no React.
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/i18n/locales";

export const TRANSLATABLE_FIELDS = ["title", "summary", "description"] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];
export type EventTranslation = Partial<Record<TranslatableField, string>>;
export type EventTranslations = Partial<Record<Locale, EventTranslation>>;

/** A text and the language it is in. */
export type LangText = { text: string; lang: Locale };

export function contentLanguageOf(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The stored JSON, read defensively: unknown languages, fields and non-strings are dropped. */
export function parseTranslations(json: string | null | undefined): EventTranslations {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (!raw || typeof raw !== "object") return {};
  const out: EventTranslations = {};
  for (const locale of LOCALES) {
    const entry = (raw as Record<string, unknown>)[locale];
    if (!entry || typeof entry !== "object") continue;
    const t: EventTranslation = {};
    for (const field of TRANSLATABLE_FIELDS) {
      const v = (entry as Record<string, unknown>)[field];
      if (typeof v === "string" && v.trim() !== "") t[field] = v.trim();
    }
    if (Object.keys(t).length) out[locale] = t;
  }
  return out;
}

/** The JSON to store: blanks and the content language itself are left out. */
export function serializeTranslations(translations: EventTranslations, contentLanguage: Locale): string {
  const out: EventTranslations = {};
  for (const locale of LOCALES) {
    if (locale === contentLanguage) continue;
    const t: EventTranslation = {};
    for (const field of TRANSLATABLE_FIELDS) {
      const v = translations[locale]?.[field]?.trim();
      if (v) t[field] = v;
    }
    if (Object.keys(t).length) out[locale] = t;
  }
  return JSON.stringify(out);
}

type EventTexts = {
  title: string;
  summary?: string;
  description?: string | null;
  contentLanguage?: string | null;
  translations?: string | null;
};

/** One field in `locale`: the translation if there is one, otherwise the original and its language. */
export function pickEventText(event: EventTexts, field: TranslatableField, locale: Locale): LangText {
  const original = contentLanguageOf(event.contentLanguage);
  const text = event[field] ?? "";
  if (locale === original) return { text, lang: original };
  const translated = parseTranslations(event.translations)[locale]?.[field];
  return translated ? { text: translated, lang: locale } : { text, lang: original };
}

/**
 * The event with title, summary and description in the visitor's language where translated, and
 * the language of each (`titleLang`, `summaryLang`, `descriptionLang`) for `lang` attributes.
 * The raw translations column is dropped, so pages never ship it.
 */
export function localizeEvent<E extends EventTexts>(
  event: E,
  locale: Locale,
): Omit<E, "translations"> & { titleLang: Locale; summaryLang: Locale; descriptionLang: Locale } {
  const { translations: _ignored, ...rest } = event;
  const title = pickEventText(event, "title", locale);
  const summary = pickEventText(event, "summary", locale);
  const description = pickEventText(event, "description", locale);
  return {
    ...rest,
    title: title.text,
    ...(event.summary !== undefined ? { summary: summary.text } : {}),
    ...(event.description !== undefined ? { description: description.text } : {}),
    titleLang: title.lang,
    summaryLang: summary.lang,
    descriptionLang: description.lang,
  } as Omit<E, "translations"> & { titleLang: Locale; summaryLang: Locale; descriptionLang: Locale };
}
