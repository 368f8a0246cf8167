// The organisation's settings as the app reads them, and the pure rules on them: the words
// texts use for "who runs this" (with neutral fallbacks on a fresh install), what an
// administrator still has to fill in, and the contrast check for the brand colour.
// No server code here: the browser bundle may import it.
import type { Locale } from "~/i18n/locales";
import { brandContrastOnWhite, MIN_CONTRAST } from "~/utils/brand-colour";

export type LocalisedText = Record<Locale, string>;

export type OrgImage = { type: string; etag: string };

export type OrgSettings = {
  orgName: LocalisedText;
  unitName: LocalisedText;
  contactEmail: string;
  contactPhone: string;
  postalAddress: string;
  dataController: string;
  privacyEmail: string;
  mailSenderName: string;
  mailSignature: LocalisedText;
  districts: string[];
  /** The organisation's own words for the live word filter (app/modules/live/wordfilter.ts). */
  liveFilterWords: string[];
  defaultVenueCity: string;
  brandColor: string;
  logo: OrgImage | null;
  shareImage: OrgImage | null;
  a11yLastCheckedOn: string | null; // YYYY-MM-DD
  a11yNonConformities: string;
  a11yStatementUrl: string;
  a11yComplaintUrl: string;
  updatedAt: string | null;
};

export const DEFAULT_COMPLAINT_URL = "https://www.uutilsynet.no/";

const empty = (): LocalisedText => ({ nb: "", nn: "", en: "" });

/** What a fresh install has: nothing filled in. */
export function emptyOrgSettings(): OrgSettings {
  return {
    orgName: empty(),
    unitName: empty(),
    contactEmail: "",
    contactPhone: "",
    postalAddress: "",
    dataController: "",
    privacyEmail: "",
    mailSenderName: "",
    mailSignature: empty(),
    districts: [],
    liveFilterWords: [],
    defaultVenueCity: "",
    brandColor: "",
    logo: null,
    shareImage: null,
    a11yLastCheckedOn: null,
    a11yNonConformities: "",
    a11yStatementUrl: "",
    a11yComplaintUrl: DEFAULT_COMPLAINT_URL,
    updatedAt: null,
  };
}

/** Neutral words for a site whose settings are empty. */
const NEUTRAL: Record<Locale, { org: string; unit: string }> = {
  nb: { org: "kommunen", unit: "arrangøren" },
  nn: { org: "kommunen", unit: "arrangøren" },
  en: { org: "the municipality", unit: "the organiser" },
};

/** The other languages to borrow from, in order, when a text is not filled in for one. */
const FALLBACK: Record<Locale, Locale[]> = { nb: ["nb", "nn", "en"], nn: ["nn", "nb", "en"], en: ["en", "nb", "nn"] };

export function pick(text: LocalisedText, locale: Locale): string {
  for (const l of FALLBACK[locale]) if (text[l].trim()) return text[l].trim();
  return "";
}

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase("nb") + s.slice(1) : s);

export type OrgTextVars = { org: string; unit: string; Org: string; Unit: string };

/**
 * The display strings texts interpolate as {org}/{unit} (or {{org}}/{{unit}}): nb "Eksempelby
 * kommune", "Demokratiavdelinga". A name missing in the reader's language is borrowed from another;
 * with none at all the words are neutral ("kommunen", "arrangøren"), in lower case for the middle
 * of a sentence and as {Org}/{Unit} for its start. A missing unit falls back to the
 * organisation's name before the neutral word.
 */
export function orgTextVars(settings: Pick<OrgSettings, "orgName" | "unitName">, locale: Locale): OrgTextVars {
  const neutral = NEUTRAL[locale] ?? NEUTRAL.nb;
  const org = pick(settings.orgName, locale) || neutral.org;
  const unit = pick(settings.unitName, locale) || pick(settings.orgName, locale) || neutral.unit;
  return { org, unit, Org: capitalise(org), Unit: capitalise(unit) };
}

/**
 * Who is responsible for personal data, as privacy texts name it: the text from the settings, else
 * "<organisation> ved <unit>" (nb/nn) or "<organisation>, <unit>" (en), else the neutral organisation word.
 */
export function dataControllerName(settings: Pick<OrgSettings, "orgName" | "unitName" | "dataController">, locale: Locale): string {
  if (settings.dataController.trim()) return settings.dataController.trim();
  const org = pick(settings.orgName, locale);
  const unit = pick(settings.unitName, locale);
  if (org && unit) return locale === "en" ? `${unit}, ${org}` : `${org} ved ${unit}`;
  return orgTextVars(settings, locale).Org;
}

export const MISSING_FIELDS = [
  "orgName",
  "unitName",
  "contactEmail",
  "dataController",
  "privacyEmail",
  "mailSenderName",
  "districts",
  "defaultVenueCity",
  "a11yLastCheckedOn",
  "a11yStatementUrl",
] as const;
export type MissingField = (typeof MISSING_FIELDS)[number];

/** What an administrator still has to fill in before the site speaks for the organisation. */
export function missingSettings(s: OrgSettings): MissingField[] {
  const filled: Record<MissingField, boolean> = {
    orgName: Boolean(s.orgName.nb.trim() || s.orgName.nn.trim()),
    unitName: Boolean(s.unitName.nb.trim() || s.unitName.nn.trim()),
    contactEmail: Boolean(s.contactEmail),
    dataController: Boolean(s.dataController.trim()),
    privacyEmail: Boolean(s.privacyEmail),
    mailSenderName: Boolean(s.mailSenderName.trim()),
    districts: s.districts.length > 0,
    defaultVenueCity: Boolean(s.defaultVenueCity.trim()),
    a11yLastCheckedOn: Boolean(s.a11yLastCheckedOn),
    a11yStatementUrl: Boolean(s.a11yStatementUrl),
  };
  return MISSING_FIELDS.filter((f) => !filled[f]);
}

/** Contrast of white text on the colour, e.g. 4.54 (the same rule the theme applies). */
export function contrastWithWhite(hex: string): number {
  return brandContrastOnWhite(hex) ?? 1;
}

export { MIN_CONTRAST };

/** The ratio as people read it, rounded down so that 4.499 never shows as "4.50". */
export function formatRatio(ratio: number, locale: Locale): string {
  const fixed = (Math.floor(ratio * 100) / 100).toFixed(2);
  return locale === "en" ? fixed : fixed.replace(".", ",");
}
