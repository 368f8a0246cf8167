import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";
export { formatDateTimeRange } from "~/utils/format";

export function isLocaleSafe(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
