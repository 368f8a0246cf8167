// The staff form for an event: one schema for the browser (Conform) and the action.
// Times are Oslo wall-clock values from datetime-local inputs, turned into UTC instants here.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { EVENT_KINDS } from "~/modules/events/event-kinds";
import { INVISIBLE } from "~/utils/markup";
import { parseOsloLocal, SLUG_PATTERN } from "./oslo-time";
import { eventTranslationShape } from "./event-translations";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Messages are catalog keys (app/locales/*/staff-events.json); the forms translate them.
const TOO_LONG: MessageKey = "staff-events:error.tooLong";
const INVISIBLE_CHARS: MessageKey = "staff-events:error.invisible";
/** A message key for a schema, typed so a missing key fails the typecheck. */
export const msg = (key: MessageKey): string => key;

export function requiredText(max: number, message: string) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .min(1, message)
    .max(max, TOO_LONG)
    .refine((v) => !INVISIBLE.test(v), INVISIBLE_CHARS);
}

export function optionalText(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, TOO_LONG)
      .refine((v) => !INVISIBLE.test(v), INVISIBLE_CHARS)
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

export const KIND_KEYS: Record<(typeof EVENT_KINDS)[number], MessageKey> = {
  CONFERENCE: "staff-events:kind.CONFERENCE",
  DIALOGUE_MEETING: "staff-events:kind.DIALOGUE_MEETING",
  WORKSHOP: "staff-events:kind.WORKSHOP",
};

export const STATUS_KEYS: Record<string, MessageKey> = {
  DRAFT: "staff-events:status.DRAFT",
  PUBLISHED: "staff-events:status.PUBLISHED",
  CANCELLED: "staff-events:status.CANCELLED",
};

export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: msg("staff-events:event.error.kind") }) }),
    title: requiredText(200, msg("staff-events:event.error.title")),
    slug: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(80, msg("staff-events:event.error.slugTooLong"))
        .regex(SLUG_PATTERN, msg("staff-events:event.error.slugPattern"))
        .optional(),
    ),
    summary: requiredText(500, msg("staff-events:event.error.summary")),
    description: optionalText(10_000),
    district: optionalText(100),
    venueName: requiredText(200, msg("staff-events:event.error.venueName")),
    venueAddress: requiredText(200, msg("staff-events:event.error.venueAddress")),
    venuePostcode: z
      .string({ required_error: msg("staff-events:event.error.postcodeRequired") })
      .trim()
      .regex(/^\d{4}$/, msg("staff-events:event.error.postcode")),
    venueCity: requiredText(100, msg("staff-events:event.error.venueCity")),
    startsAt: osloDateTime(msg("staff-events:event.error.startsAt")),
    endsAt: osloDateTime(msg("staff-events:event.error.endsAt")),
    capacity: optionalInt(1, 100_000, msg("staff-events:event.error.capacity")),
    registrationOpensAt: optionalOsloDateTime(msg("staff-events:event.error.opensAt")),
    registrationClosesAt: optionalOsloDateTime(msg("staff-events:event.error.closesAt")),
    livestreamUrl: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(500, msg("staff-events:error.linkTooLong"))
        .url(msg("staff-events:error.linkInvalid"))
        .refine((v) => /^https?:\/\//.test(v), msg("staff-events:error.linkHttps"))
        .optional(),
    ),
    privacyNotice: optionalText(5000),
    reminderHoursBefore: optionalInt(1, 720, msg("staff-events:event.error.reminder")),
    needsRetentionDays: days(
      NEEDS_RETENTION.min,
      NEEDS_RETENTION.max,
      NEEDS_RETENTION.default,
      msg("staff-events:event.error.needsDays"),
    ),
    personalDataRetentionDays: days(
      PERSONAL_DATA_RETENTION.min,
      PERSONAL_DATA_RETENTION.max,
      PERSONAL_DATA_RETENTION.default,
      msg("staff-events:event.error.personalDays"),
    ),
    ...eventTranslationShape,
  })
  .superRefine((v, ctx) => {
    if (v.endsAt.getTime() <= v.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: msg("staff-events:event.error.endBeforeStart") });
    }
    if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: msg("staff-events:event.error.closesBeforeOpens") });
    }
    // (Only when the answers' days are valid: otherwise that field's own message says enough.)
    if (v.needsRetentionDays <= NEEDS_RETENTION.max && v.personalDataRetentionDays < v.needsRetentionDays) {
      ctx.addIssue({
        code: "custom",
        path: ["personalDataRetentionDays"],
        message: msg("staff-events:event.error.anonymiseBeforeNeeds"),
      });
    }
    if (v.registrationClosesAt && v.registrationClosesAt.getTime() > v.endsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: msg("staff-events:event.error.closesAfterEnd") });
    }
  });

export type EventInput = z.infer<typeof eventSchema>;
