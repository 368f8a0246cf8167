// Server side of i18n: all catalogs loaded, the visitor's language detected by remix-i18next
// (the "lang" cookie first, then Accept-Language, then bokmål), and the words from the settings.
import { RemixI18Next } from "remix-i18next/server";
import { addResources, DEFAULT_LOCALE, isLocale, LOCALES, namespacesFor, setTextVariables, type Locale, type Resources, type TextVariables } from "./index";
import { createCookie } from "@remix-run/node";
import { allResources } from "./resources.server";

for (const locale of LOCALES) addResources(locale, allResources[locale]);

export { translator } from "./index";
export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
});

export async function getLocale(request: Request): Promise<Locale> {
  try {
    const found = await detector.getLocale(request);
    return isLocale(found) ? found : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The catalogs a page at `pathname` needs in the browser, for the root loader. */
export function resourcesFor(locale: Locale, pathname: string): Resources {
  const out: Resources = {};
  for (const ns of namespacesFor(pathname)) out[ns] = allResources[locale][ns];
  return out;
}

/**
 * {{org}}, {{Org}}, {{unit}}, {{Unit}}: the organisation's words. Neutral until the settings say
 * otherwise, so a fresh install names no municipality.
 */
const NEUTRAL: Record<Locale, TextVariables> = {
  nb: { org: "kommunen", Org: "Kommunen", unit: "arrangøren", Unit: "Arrangøren", Controller: "Kommunen" },
  nn: { org: "kommunen", Org: "Kommunen", unit: "arrangøren", Unit: "Arrangøren", Controller: "Kommunen" },
  en: { org: "the municipality", Org: "The municipality", unit: "the organiser", Unit: "The organiser", Controller: "The municipality" },
};

let provider: (locale: Locale) => TextVariables = (locale) => NEUTRAL[locale];

/** The settings module registers where the organisation's words come from. */
export function setTextVariablesProvider(fn: (locale: Locale) => TextVariables): void {
  provider = fn;
}

export function textVariables(locale: Locale): TextVariables {
  return { ...NEUTRAL[locale], ...provider(locale) };
}

setTextVariables(textVariables);
