// The settings form's one schema (browser and action). Messages are keys of
// app/locales/<lng>/settings.json; a message with a value carries it after "|"
// ("settings:error.contrast|3,21"), which the page interpolates as {{value}}.
import { z } from "zod";
import { normalisePhone } from "~/utils/format";
import { MARKUP } from "~/utils/markup";
import { contrastWithWhite, DEFAULT_COMPLAINT_URL, formatRatio, MIN_CONTRAST } from "./org-settings";

export const LIMITS = {
  name: 120,
  email: 254,
  phone: 40,
  address: 300,
  controller: 500,
  senderName: 100,
  signature: 500,
  district: 60,
  districts: 60,
  filterWord: 60,
  filterWords: 200,
  city: 80,
  nonConformities: 4000,
  url: 500,
  /** Logo: ~300 kB. Share image: 500 kB. Together with the text they stay under the 1 MB body cap. */
  logoBytes: 300 * 1024,
  shareImageBytes: 500 * 1024,
} as const;

export const LOGO_TYPES = ["image/png", "image/svg+xml"] as const;
export const SHARE_IMAGE_TYPES = ["image/png", "image/jpeg"] as const;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = (max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string({ invalid_type_error: "settings:error.badRequest" })
      .trim()
      .max(max, "settings:error.tooLong")
      .refine((v) => !MARKUP.test(v), "settings:error.invalidChars"),
  );

const email = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ invalid_type_error: "settings:error.badRequest" })
    .trim()
    .max(LIMITS.email, "settings:error.email")
    .refine((v) => v === "" || z.string().email().safeParse(v).success, "settings:error.email"),
);

const httpsUrl = (check?: (u: URL) => boolean, message = "settings:error.url") =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string({ invalid_type_error: "settings:error.badRequest" })
      .trim()
      .max(LIMITS.url, "settings:error.tooLong")
      .refine((v) => {
        if (v === "") return true;
        try {
          const u = new URL(v);
          return u.protocol === "https:" && (check ? check(u) : true);
        } catch {
          return false;
        }
      }, message),
  );

/** One district per line; blank lines dropped, order kept, duplicates refused. */
export function parseDistricts(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

const districts = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ invalid_type_error: "settings:error.badRequest" })
    .max(LIMITS.districts * (LIMITS.district + 2), "settings:error.tooLong")
    .transform((raw, ctx) => {
      const list = parseDistricts(raw);
      if (list.length > LIMITS.districts) ctx.addIssue({ code: "custom", message: "settings:error.districtsTooMany" });
      if (list.some((d) => d.length > LIMITS.district)) ctx.addIssue({ code: "custom", message: "settings:error.districtTooLong" });
      if (list.some((d) => MARKUP.test(d) || d.includes(";"))) ctx.addIssue({ code: "custom", message: "settings:error.invalidChars" });
      const seen = new Set<string>();
      for (const d of list) {
        const key = d.toLocaleLowerCase("nb");
        if (seen.has(key)) {
          ctx.addIssue({ code: "custom", message: `settings:error.districtDuplicate|${d}` });
          break;
        }
        seen.add(key);
      }
      return list;
    }),
);

/** The live word filter's extra words: one per line (a trailing * for a stem), duplicates dropped. */
const liveFilterWords = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ invalid_type_error: "settings:error.badRequest" })
    .max(LIMITS.filterWords * (LIMITS.filterWord + 2), "settings:error.tooLong")
    .transform((raw, ctx) => {
      const seen = new Set<string>();
      const list = parseDistricts(raw).filter((w) => {
        const key = w.toLocaleLowerCase("nb");
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (list.length > LIMITS.filterWords) ctx.addIssue({ code: "custom", message: "settings:error.filterWordsTooMany" });
      if (list.some((w) => w.length > LIMITS.filterWord)) ctx.addIssue({ code: "custom", message: "settings:error.filterWordTooLong" });
      if (list.some((w) => MARKUP.test(w))) ctx.addIssue({ code: "custom", message: "settings:error.invalidChars" });
      return list;
    }),
);

/** "#1a4e8f" or "1A4E8F" → "#1a4e8f"; white text on it must reach 4.5:1 (WCAG 1.4.3). */
const brandColor = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ invalid_type_error: "settings:error.badRequest" })
    .trim()
    .transform((v, ctx) => {
      if (v === "") return "";
      const hex = (v.startsWith("#") ? v : `#${v}`).toLowerCase();
      if (!/^#[0-9a-f]{6}$/.test(hex)) {
        ctx.addIssue({ code: "custom", message: "settings:error.colour" });
        return z.NEVER;
      }
      const ratio = contrastWithWhite(hex);
      if (ratio < MIN_CONTRAST) {
        // The value has a decimal point; the page writes it in the reader's style (4,12 in Norwegian).
        ctx.addIssue({ code: "custom", message: `settings:error.contrast|${formatRatio(ratio, "en")}` });
        return z.NEVER;
      }
      return hex;
    }),
);

const date = z.preprocess(
  blank,
  z
    .string({ invalid_type_error: "settings:error.badRequest" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "settings:error.date")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "settings:error.date")
    .optional(),
);

const phone = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ invalid_type_error: "settings:error.badRequest" })
    .trim()
    .max(LIMITS.phone, "settings:error.phone")
    .transform((v, ctx) => {
      if (v === "") return "";
      const p = normalisePhone(v);
      if (!p) {
        ctx.addIssue({ code: "custom", message: "settings:error.phone" });
        return z.NEVER;
      }
      return p;
    }),
);

/** An upload field: an empty file input sends a nameless empty File, which means "no change". */
const upload = (maxBytes: number, types: readonly string[], typeMessage: string) =>
  z.preprocess(
    (v) => (v instanceof Blob && v.size === 0 ? undefined : v === "" ? undefined : v),
    z
      .custom<File>((v) => typeof Blob !== "undefined" && v instanceof Blob, "settings:error.badRequest")
      .refine((f) => f.size <= maxBytes, "settings:error.imageTooLarge")
      .refine((f) => types.includes(f.type), typeMessage)
      .optional(),
  );

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const settingsSchema = z.object({
  orgNameNb: text(LIMITS.name),
  orgNameNn: text(LIMITS.name),
  orgNameEn: text(LIMITS.name),
  unitNameNb: text(LIMITS.name),
  unitNameNn: text(LIMITS.name),
  unitNameEn: text(LIMITS.name),
  contactEmail: email,
  contactPhone: phone,
  postalAddress: text(LIMITS.address),
  dataController: text(LIMITS.controller),
  privacyEmail: email,
  mailSenderName: text(LIMITS.senderName).refine((v) => !/["<>@,;\\]/.test(v), "settings:error.senderName"),
  mailSignatureNb: text(LIMITS.signature),
  mailSignatureNn: text(LIMITS.signature),
  mailSignatureEn: text(LIMITS.signature),
  districts,
  liveFilterWords,
  defaultVenueCity: text(LIMITS.city),
  brandColor,
  logo: upload(LIMITS.logoBytes, LOGO_TYPES, "settings:error.logoType"),
  removeLogo: checkbox,
  shareImage: upload(LIMITS.shareImageBytes, SHARE_IMAGE_TYPES, "settings:error.shareImageType"),
  removeShareImage: checkbox,
  a11yLastCheckedOn: date,
  a11yNonConformities: text(LIMITS.nonConformities),
  a11yStatementUrl: httpsUrl((u) => u.hostname === "uustatus.no" || u.hostname.endsWith(".uustatus.no"), "settings:error.uustatusUrl"),
  a11yComplaintUrl: httpsUrl().transform((v) => v || DEFAULT_COMPLAINT_URL),
});

export type SettingsInput = z.infer<typeof settingsSchema>;
