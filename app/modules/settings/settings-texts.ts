// TEMPORARY until the i18next foundation lands on main (app/i18n/README.md): reads
// app/locales/<lng>/settings.json with {{var}} interpolation and _one/_other plurals, the way
// i18next will, so that the JSON files need no change when the page moves to the new API.
import en from "~/locales/en/settings.json";
import nb from "~/locales/nb/settings.json";
import nn from "~/locales/nn/settings.json";
import type { Locale } from "~/i18n/locales";

export type SettingsKey = keyof typeof nb;
const catalogs: Record<Locale, Record<string, string>> = { nb, nn, en };

export type SettingsT = (key: string, values?: Record<string, string | number>) => string;

export function settingsT(locale: Locale): SettingsT {
  const catalog = catalogs[locale] ?? nb;
  return (key, values = {}) => {
    const plural = typeof values.count === "number" ? `${key}_${values.count === 1 ? "one" : "other"}` : null;
    const template = (plural && catalog[plural]) ?? catalog[key] ?? (nb as Record<string, string>)[key] ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** A schema message ("error.contrast|4.12") in the reader's language; the value after "|" is {{value}}. */
export function settingsError(t: SettingsT, locale: Locale, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const [key, value = ""] = message.split("|", 2) as [string, string?];
  if (!key.startsWith("error.")) return t("error.badRequest");
  const shown = locale !== "en" && /^\d+\.\d+$/.test(value) ? value.replace(".", ",") : value;
  return t(key, { value: shown });
}
