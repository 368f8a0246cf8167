// Norwegian formats for dates, times and phone numbers, always in Europe/Oslo.
// Shared by pages (server and browser) and e-mails.
import { TZDate } from "@date-fns/tz";
import { format, type Locale as DateFnsLocale } from "date-fns";
import { enGB } from "date-fns/locale/en-GB";
import { nb } from "date-fns/locale/nb";
import { nn } from "date-fns/locale/nn";
import type { Locale } from "~/i18n/locales";

export const TIME_ZONE = "Europe/Oslo";

// date-fns carries its own nb, nn and en-GB data, so the browser formats exactly what the server
// rendered: Chromium's Intl has no nynorsk and would say "tirsdag" where the server said "tysdag".
const dateLocale: Record<Locale, DateFnsLocale> = { nb, nn, en: enGB };

function inOslo(date: Date): TZDate {
  return new TZDate(date.getTime(), TIME_ZONE);
}

/** "onsdag 27. oktober 2022" (nb), "onsdag 27. oktober 2022" (nn), "Wednesday 27 October 2022" (en). */
export function formatDate(date: Date, locale: Locale = "nb"): string {
  return format(inOslo(date), locale === "en" ? "EEEE d MMMM yyyy" : "EEEE d. MMMM yyyy", { locale: dateLocale[locale] });
}

/** "onsdag 27. oktober" without the year, for places where the year is obvious. */
export function formatDayMonth(date: Date, locale: Locale = "nb"): string {
  return format(inOslo(date), locale === "en" ? "EEEE d MMMM" : "EEEE d. MMMM", { locale: dateLocale[locale] });
}

/** "09.00" (nb/nn), "09:00" (en). */
export function formatTime(date: Date, locale: Locale = "nb"): string {
  return format(inOslo(date), locale === "en" ? "HH:mm" : "HH.mm");
}

/** The calendar day in Oslo as YYYY-MM-DD, for grouping a programme by day. */
export function osloDayKey(date: Date): string {
  return format(inOslo(date), "yyyy-MM-dd");
}

/** "09.00–09.30" with an en dash. */
export function formatTimeRange(start: Date, end: Date, locale: Locale = "nb"): string {
  return `${formatTime(start, locale)}–${formatTime(end, locale)}`;
}

/**
 * "onsdag 27. oktober 2022, kl. 09.00–09.30"; an event that spans several days:
 * "torsdag 27. oktober 2022, kl. 09.00 – fredag 28. oktober 2022, kl. 15.30".
 */
export function formatDateTimeRange(start: Date, end: Date, locale: Locale = "nb"): string {
  const at = locale === "en" ? "" : "kl. ";
  if (osloDayKey(start) === osloDayKey(end)) {
    return `${formatDate(start, locale)}, ${at}${formatTimeRange(start, end, locale)}`;
  }
  return `${formatDate(start, locale)}, ${at}${formatTime(start, locale)} – ${formatDate(end, locale)}, ${at}${formatTime(end, locale)}`;
}

/**
 * Lenient phone input: spaces, dashes, dots, brackets, +47 or 0047 are all fine.
 * Returns E.164 ("+4712345678") or null when it is not a phone number.
 */
export function normalisePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()/]/g, "");
  if (compact === "") return null;
  let m = /^(?:\+47|0047)?(\d{8})$/.exec(compact);
  if (m) return `+47${m[1]}`;
  if (/^(\+47|0047)/.test(compact)) return null; // a Norwegian number has eight digits
  m = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  if (m) return `+${m[1]}`;
  return null;
}

/** Norwegian numbers as "12 34 56 78"; others as stored. */
export function formatPhone(e164: string): string {
  const m = /^\+47(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

/** "4611 Eksempelby" */
export function formatPostalPlace(postcode: string, city: string): string {
  return `${postcode} ${city}`.trim();
}

/** "onsdag 27. oktober 2022, kl. 12.00" */
export function formatDateTime(date: Date, locale: Locale = "nb"): string {
  return `${formatDate(date, locale)}, ${locale === "en" ? "" : "kl. "}${formatTime(date, locale)}`;
}
