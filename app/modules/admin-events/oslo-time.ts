// Staff type times as Oslo wall-clock values ("2027-03-10T17:00" from <input type="datetime-local">);
// the database stores UTC instants. Browser-safe, so the form schema can use it on both sides.
import { TZDate } from "@date-fns/tz";

export const OSLO = "Europe/Oslo";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Years staff may type: a typo such as 0202 or 9026 is refused rather than stored. */
export const YEARS = { min: 2000, max: 2199 } as const;

/** The UTC instant of an Oslo wall-clock time; `month` is 1–12. */
export function osloInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, 0, OSLO).getTime());
}

/** "2027-03-10T17:00" (Oslo) → the UTC instant, or null when it is not a real date and time. */
export function parseOsloLocal(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (year < YEARS.min || year > YEARS.max) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  // 31 February would roll over into March: refuse it instead.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return osloInstant(year, month, day, hour, minute);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A UTC instant as the value of an Oslo datetime-local input. */
export function toOsloLocal(date: Date | string | null | undefined): string {
  if (!date) return "";
  const t = new TZDate(new Date(date).getTime(), OSLO);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** Lowercase ASCII slug: æ→ae, ø→o, å→a, other accents dropped, anything else becomes a hyphen. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
