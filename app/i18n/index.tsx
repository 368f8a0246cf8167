// i18n on i18next + react-i18next (see docs/decisions/009-i18n-and-design-system.md and app/i18n/README.md).
// Catalogs are JSON files per language and namespace in app/locales/. The server holds all of them;
// a page gets the namespaces it needs through the root loader, so the browser formats exactly what
// the server rendered (no hydration differences).
import { createInstance, type i18n as I18n, type TOptions } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import type { MessageKey } from "./catalog-types";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";
import { NAMESPACES, type Namespace } from "./namespaces";

export type { MessageKey } from "./catalog-types";
export * from "./locales";
export * from "./namespaces";

export type Catalog = Record<string, string>;
export type Resources = Partial<Record<Namespace, Catalog>>;
/** Words that come from the organisation's settings ({{org}}, {{unit}} …), per language. */
export type TextVariables = Record<string, string>;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const base: I18n = createInstance();
void base.use(initReactI18next).init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: [...NAMESPACES],
  defaultNS: "common",
  fallbackNS: false,
  keySeparator: false,
  nsSeparator: ":",
  resources: {},
  initImmediate: false,
  returnNull: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

let variablesFor: (locale: Locale) => TextVariables = () => ({});

/** Adds catalogs (the server adds all at start, the browser what the root loader sends). Idempotent. */
export function addResources(locale: Locale, resources: Resources): void {
  for (const [ns, catalog] of Object.entries(resources)) {
    if (!catalog || base.hasResourceBundle(locale, ns)) continue;
    base.addResourceBundle(locale, ns, catalog, true, true);
  }
}

/** Where {{org}}, {{unit}} and the like come from: the settings on the server, loader data in the browser. */
export function setTextVariables(fn: (locale: Locale) => TextVariables): void {
  variablesFor = fn;
}

export function isMessageKey(value: unknown): value is MessageKey {
  if (typeof value !== "string" || value === "") return false;
  // The browser holds only the page's language, so any loaded language counts.
  return LOCALES.some((lng) => base.exists(value, { lng }) || base.exists(`${value}_other`, { lng }));
}

/** A translator for code outside React: mails, loaders, meta. Plurals through `count`. */
export function translator(locale: Locale): Translate {
  const t = base.getFixedT(locale);
  return (key, values) => t(key, { ...variablesFor(locale), ...values } as TOptions) as string;
}

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function I18nProvider({
  locale,
  resources,
  variables,
  children,
}: {
  locale: Locale;
  resources?: Resources;
  variables?: TextVariables;
  children: ReactNode;
}) {
  if (resources) addResources(locale, resources);
  if (variables && typeof document !== "undefined") variablesFor = () => variables;
  const key = JSON.stringify(variables ?? {});
  const instance = useMemo(
    () =>
      base.cloneInstance({
        lng: locale,
        initImmediate: false,
        interpolation: { escapeValue: false, defaultVariables: variables ?? variablesFor(locale) },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale, key],
  );
  return (
    <LocaleContext.Provider value={locale}>
      <I18nextProvider i18n={instance}>{children}</I18nextProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const { t } = useTranslation();
  return t as unknown as Translate;
}
