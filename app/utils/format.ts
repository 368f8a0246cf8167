// Norwegian formats for dates, times and phone numbers, always in Europe/Oslo.
// Shared by pages (server and browser) and e-mails.
import type { Locale } from "~/i18n/locales";

export const TIME_ZONE = "Europe/Oslo";

const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

function parts(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions) {
  const fmt = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, ...options });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value])) as Record<string, string>;
}

/** "onsdag 27. oktober 2022" (nb/nn), "Wednesday 27 October 2022" (en). */
export function formatDate(date: Date, locale: Locale = "nb"): string {
  const p = parts(date, locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return locale === "en"
    ? `${p.weekday} ${p.day} ${p.month} ${p.year}`
    : `${p.weekday} ${p.day}. ${p.month} ${p.year}`;
}

/** "09.00" (nb/nn), "09:00" (en). */
export function formatTime(date: Date, locale: Locale = "nb"): string {
  const p = parts(date, locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${p.hour}${locale === "en" ? ":" : "."}${p.minute}`;
}

/** The calendar day in Oslo as YYYY-MM-DD, for grouping a programme by day. */
export function osloDayKey(date: Date): string {
  const p = parts(date, "en", { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${p.year}-${p.month}-${p.day}`;
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

/** "4611 Kristiansand" */
export function formatPostalPlace(postcode: string, city: string): string {
  return `${postcode} ${city}`.trim();
}

/** "onsdag 27. oktober 2022, kl. 12.00" */
export function formatDateTime(date: Date, locale: Locale = "nb"): string {
  return `${formatDate(date, locale)}, ${locale === "en" ? "" : "kl. "}${formatTime(date, locale)}`;
}
