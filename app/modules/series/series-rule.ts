// A dialogue-meeting series is generated from a rule such as "the second Wednesday of each
// month, 17.00–19.30, six times from March". Pure calendar arithmetic on plain days; only the
// final step turns a day and a wall-clock time into a UTC instant in Europe/Oslo, so meetings
// stay at 17.00 local time on either side of a daylight-saving change.
import type { Locale, MessageKey, Translate } from "~/i18n";
import { keyed } from "~/modules/admin-events/keyed-message";
import { osloInstant } from "~/modules/admin-events/oslo-time";
import { formatDayMonth } from "~/utils/format";

export type Ordinal = 1 | 2 | 3 | 4 | "last";

export type SeriesRule = {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  ordinal: Ordinal;
  /** "YYYY-MM" */
  startMonth: string;
  count: number;
  /** "HH:MM", Oslo time */
  startTime: string;
  endTime: string;
};

export type Day = { year: number; month: number; day: number };
export type GeneratedMeeting = { day: Day; startsAt: Date; endsAt: Date };

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const ORDINAL_KEYS: Record<string, MessageKey> = {
  "1": "staff-events:series.ordinal.1",
  "2": "staff-events:series.ordinal.2",
  "3": "staff-events:series.ordinal.3",
  "4": "staff-events:series.ordinal.4",
  last: "staff-events:series.ordinal.last",
};

/** "onsdag" / "Wednesday" for an ISO weekday, from the date formats (1 January 2024 was a Monday). */
export function weekdayName(weekday: number, locale: Locale): string {
  return formatDayMonth(new Date(Date.UTC(2024, 0, weekday, 12)), locale).split(" ")[0];
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
function isoWeekday(d: Day): number {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The n-th (or last) given weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, ordinal: Ordinal): Day {
  if (ordinal === "last") {
    const last = daysInMonth(year, month);
    const lastDow = isoWeekday({ year, month, day: last });
    return { year, month, day: last - ((lastDow - weekday + 7) % 7) };
  }
  const firstDow = isoWeekday({ year, month, day: 1 });
  return { year, month, day: 1 + ((weekday - firstDow + 7) % 7) + (ordinal - 1) * 7 };
}

const hm = (hhmm: string) => hhmm.split(":").map(Number) as [number, number];

/** "andre onsdag i måneden", "second Wednesday of the month" */
export function describeRule(rule: Pick<SeriesRule, "weekday" | "ordinal">, t: Translate, locale: Locale): string {
  return t("staff-events:series.rule", { ordinal: t(ORDINAL_KEYS[String(rule.ordinal)]), weekday: weekdayName(rule.weekday, locale) });
}

/** The meetings a rule gives, in order: one per month from startMonth. */
export function generateMeetings(rule: SeriesRule): GeneratedMeeting[] {
  const [startYear, startMonth] = rule.startMonth.split("-").map(Number);
  const [sh, sm] = hm(rule.startTime);
  const [eh, em] = hm(rule.endTime);
  const meetings: GeneratedMeeting[] = [];
  for (let i = 0; i < rule.count; i++) {
    const index = startYear * 12 + (startMonth - 1) + i;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const day = nthWeekdayOfMonth(year, month, rule.weekday, rule.ordinal);
    meetings.push({
      day,
      startsAt: osloInstant(day.year, day.month, day.day, sh, sm),
      endsAt: osloInstant(day.year, day.month, day.day, eh, em),
    });
  }
  return meetings;
}

export type VenueLine = { district: string; venueName: string; venueAddress: string; venuePostcode: string; venueCity: string };

/**
 * The districts of venue lines that are not among the organisation's districts (settings), in
 * the order they appear. With no districts configured every district is accepted.
 */
export function districtsOutsideList(venues: VenueLine[], districts: readonly string[]): string[] {
  if (districts.length === 0) return [];
  const known = new Set(districts.map((d) => d.toLocaleLowerCase("nb")));
  return [...new Set(venues.map((v) => v.district).filter((d) => !known.has(d.toLocaleLowerCase("nb"))))];
}

/**
 * "district; venue name; address; postcode; city", one line per meeting. Returns the venues or
 * the message (a keyed message, see keyed-message.ts) for the first bad line.
 */
export function parseVenueLines(text: string): { venues: VenueLine[] } | { error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const venues: VenueLine[] = [];
  for (const [i, line] of lines.entries()) {
    const parts = line.split(";").map((p) => p.trim());
    if (parts.length !== 5 || parts.some((p) => p === "")) {
      return { error: keyed("staff-events:series.error.venueParts", { line: i + 1 }) };
    }
    const [district, venueName, venueAddress, venuePostcode, venueCity] = parts;
    if (!/^\d{4}$/.test(venuePostcode)) return { error: keyed("staff-events:series.error.venuePostcode", { line: i + 1 }) };
    if (parts.some((p) => p.length > 200)) return { error: keyed("staff-events:series.error.venueTooLong", { line: i + 1 }) };
    venues.push({ district, venueName, venueAddress, venuePostcode, venueCity });
  }
  return { venues };
}
