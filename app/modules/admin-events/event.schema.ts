// The staff form for an event: one schema for the browser (Conform) and the action.
// Times are Oslo wall-clock values from datetime-local inputs, turned into UTC instants here.
import { z } from "zod";
import { EVENT_KINDS } from "~/modules/events/event-kinds";
import { INVISIBLE, INVISIBLE_MESSAGE } from "~/utils/markup";
import { parseOsloLocal, SLUG_PATTERN } from "./oslo-time";
import { eventTranslationShape } from "./event-translations";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export function requiredText(max: number, message: string) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .min(1, message)
    .max(max, `Teksten kan være høyst ${max} tegn.`)
    .refine((v) => !INVISIBLE.test(v), INVISIBLE_MESSAGE);
}

export function optionalText(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, `Teksten kan være høyst ${max} tegn.`)
      .refine((v) => !INVISIBLE.test(v), INVISIBLE_MESSAGE)
      .optional(),
  );
}

/**
 * An Oslo datetime-local value as a Date, or a field error. The issue is fatal on purpose: a
 * non-fatal one only marks the object "dirty", and zod then still runs the object's
 * refinements with the invalid value in place of a Date (`endsAt.getTime` on z.NEVER was a 500).
 * Fatal, the object is not valid at all, so cross-field checks only ever see real dates.
 */
export function osloDateTime(message: string) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .max(40, message)
    .transform((v, ctx) => {
      const date = parseOsloLocal(v);
      if (!date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message, fatal: true });
        return z.NEVER;
      }
      return date;
    });
}

/** A whole number of days within [min, max]; blank or missing means the default. */
function days(min: number, max: number, fallback: number, message: string) {
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message).default(fallback),
  );
}

export const NEEDS_RETENTION = { min: 1, max: 365, default: 14 } as const;
export const PERSONAL_DATA_RETENTION = { min: 30, max: 3650, default: 365 } as const;

export const optionalOsloDateTime = (message: string) => z.preprocess(blankToUndefined, osloDateTime(message).optional());

function optionalInt(min: number, max: number, message: string) {
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message).optional(),
  );
}

export const KIND_NAMES: Record<(typeof EVENT_KINDS)[number], string> = {
  CONFERENCE: "Konferanse",
  DIALOGUE_MEETING: "Dialogmøte",
  WORKSHOP: "Dialogverksted",
};

export const STATUS_NAMES: Record<string, string> = { DRAFT: "Utkast", PUBLISHED: "Publisert", CANCELLED: "Avlyst" };

export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: "Velg hva slags arrangement det er." }) }),
    title: requiredText(200, "Skriv inn en tittel."),
    slug: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(80, "Nettadressen kan være høyst 80 tegn.")
        .regex(SLUG_PATTERN, "Nettadressen kan bare ha små bokstaver a–z, tall og bindestreker.")
        .optional(),
    ),
    summary: requiredText(500, "Skriv en kort omtale."),
    description: optionalText(10_000),
    district: optionalText(100),
    venueName: requiredText(200, "Skriv inn navnet på stedet."),
    venueAddress: requiredText(200, "Skriv inn adressen."),
    venuePostcode: z
      .string({ required_error: "Skriv inn postnummeret (fire sifre)." })
      .trim()
      .regex(/^\d{4}$/, "Postnummeret må være fire sifre."),
    venueCity: requiredText(100, "Skriv inn poststedet."),
    startsAt: osloDateTime("Oppgi dato og klokkeslett for starten."),
    endsAt: osloDateTime("Oppgi dato og klokkeslett for slutten."),
    capacity: optionalInt(1, 100_000, "Antall plasser må være et helt tall fra 1 og oppover, eller tomt for ubegrenset."),
    registrationOpensAt: optionalOsloDateTime("Oppgi en gyldig dato og et klokkeslett når påmeldingen åpner."),
    registrationClosesAt: optionalOsloDateTime("Oppgi en gyldig dato og et klokkeslett når påmeldingen stenger."),
    livestreamUrl: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(500, "Lenken er for lang.")
        .url("Skriv inn en gyldig lenke (https://…).")
        .refine((v) => /^https?:\/\//.test(v), "Lenken må begynne med https://")
        .optional(),
    ),
    privacyNotice: optionalText(5000),
    reminderHoursBefore: optionalInt(1, 720, "Påminnelsen må sendes fra 1 til 720 timer før, eller la feltet stå tomt."),
    needsRetentionDays: days(
      NEEDS_RETENTION.min,
      NEEDS_RETENTION.max,
      NEEDS_RETENTION.default,
      `Svar om kosthold og tilrettelegging må slettes etter et helt antall dager fra ${NEEDS_RETENTION.min} til ${NEEDS_RETENTION.max}.`,
    ),
    personalDataRetentionDays: days(
      PERSONAL_DATA_RETENTION.min,
      PERSONAL_DATA_RETENTION.max,
      PERSONAL_DATA_RETENTION.default,
      `Påmeldingene må anonymiseres etter et helt antall dager fra ${PERSONAL_DATA_RETENTION.min} til ${PERSONAL_DATA_RETENTION.max}.`,
    ),
    ...eventTranslationShape,
  })
  .superRefine((v, ctx) => {
    if (v.endsAt.getTime() <= v.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Slutten må være etter starten." });
    }
    if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "Påmeldingen må stenge etter at den åpner." });
    }
    // (Only when the answers' days are valid: otherwise that field's own message says enough.)
    if (v.needsRetentionDays <= NEEDS_RETENTION.max && v.personalDataRetentionDays < v.needsRetentionDays) {
      ctx.addIssue({
        code: "custom",
        path: ["personalDataRetentionDays"],
        message: "Påmeldingene kan ikke anonymiseres før svarene om kosthold og tilrettelegging er slettet. Velg minst like mange dager.",
      });
    }
    if (v.registrationClosesAt && v.registrationClosesAt.getTime() > v.endsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "Påmeldingen må stenge før arrangementet er slutt." });
    }
  });

export type EventInput = z.infer<typeof eventSchema>;
