// Tiny typed i18n: one catalog per language, a translator with {placeholders}.
import { createContext, useContext } from "react";
import { en } from "./en";
import { nb, type MessageKey, type Messages } from "./nb";
import { nn } from "./nn";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export type { MessageKey } from "./nb";
export * from "./locales";

const catalogs: Record<Locale, Messages> = { nb, nn, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale] ?? catalogs[DEFAULT_LOCALE];
  return (key, values) => {
    const template = catalog[key] ?? nb[key] ?? key;
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  return translator(useLocale());
}
