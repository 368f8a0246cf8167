// Document titles of the staff pages in the page's language: "<page> – ansatte – Samhandling".
// `meta` runs outside React, so the language comes from the root loader's data.
import { addResources, DEFAULT_LOCALE, isLocale, translator, type Locale, type MessageKey, type Resources } from "~/i18n";

type Match = { id: string; data?: unknown };

export function metaLocale(matches: ReadonlyArray<Match | undefined>): Locale {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: unknown; i18n?: { resources?: Resources } } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  // In the browser <head> renders before the I18nProvider has added the catalogs: add them here,
  // or the first render's title would be a bare key and differ from the server's (hydration).
  if (root?.i18n?.resources) addResources(locale, root.i18n.resources);
  return locale;
}

/** The <title> of a staff page from a catalog key, or from a text such as an event's title. */
export function staffTitle(matches: ReadonlyArray<Match | undefined>, page: MessageKey | { text: string }, values?: Record<string, string | number>) {
  const t = translator(metaLocale(matches));
  const name = typeof page === "string" ? t(page, values) : page.text;
  return [{ title: t("staff-events:meta.title", { page: name }) }];
}
