// The form that creates a meeting series from a rule (shared by the browser and the action).
import { z } from "zod";
import { msg, optionalText, requiredText } from "~/modules/admin-events/event.schema";
import { keyed } from "~/modules/admin-events/keyed-message";
import { parseVenueLines } from "./series-rule";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const seriesSchema = z
  .object({
    intent: z.enum(["preview", "save"]).default("preview"),
    title: requiredText(200, msg("staff-events:series.error.title")),
    description: optionalText(5000),
    weekday: z.coerce
      .number({ invalid_type_error: msg("staff-events:series.error.weekday") })
      .int(msg("staff-events:series.error.weekday"))
      .min(1, msg("staff-events:series.error.weekday"))
      .max(7, msg("staff-events:series.error.weekday")),
    ordinal: z.enum(["1", "2", "3", "4", "last"], { errorMap: () => ({ message: msg("staff-events:series.error.ordinal") }) }),
    startMonth: z
      .string({ required_error: msg("staff-events:series.error.startMonthRequired") })
      .regex(/^2[01]\d\d-(0[1-9]|1[0-2])$/, msg("staff-events:series.error.startMonth")),
    count: z.coerce
      .number({ invalid_type_error: msg("staff-events:series.error.count") })
      .int(msg("staff-events:series.error.countInt"))
      .min(1, msg("staff-events:series.error.count"))
      .max(24, msg("staff-events:series.error.count")),
    startTime: z.string({ required_error: msg("staff-events:series.error.startTimeRequired") }).regex(TIME, msg("staff-events:series.error.startTime")),
    endTime: z.string({ required_error: msg("staff-events:series.error.endTimeRequired") }).regex(TIME, msg("staff-events:series.error.endTime")),
    capacity: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce
        .number({ invalid_type_error: msg("staff-events:series.error.capacity") })
        .int(msg("staff-events:series.error.capacityInt"))
        .min(1, msg("staff-events:series.error.capacityMin"))
        .max(100_000, msg("staff-events:series.error.capacityMax"))
        .optional(),
    ),
    venues: z.string({ required_error: msg("staff-events:series.error.venuesRequired") }).max(20_000, msg("staff-events:series.error.venuesTooLong")),
    /** Fingerprint of the inputs the organiser last saw a preview of (see previewKey). */
    previewKey: z.string().max(100).optional(),
  })
  .superRefine((v, ctx) => {
    if (toMinutes(v.endTime) - toMinutes(v.startTime) < 60) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: msg("staff-events:series.error.tooShort") });
    }
    const parsed = parseVenueLines(v.venues);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", path: ["venues"], message: parsed.error });
    } else if (parsed.venues.length !== v.count) {
      ctx.addIssue({
        code: "custom",
        path: ["venues"],
        message: keyed("staff-events:series.error.lineCount", { count: v.count, lines: parsed.venues.length }),
      });
    }
  });

export type SeriesInput = z.infer<typeof seriesSchema>;

/** A fingerprint of everything that decides the meetings, so a save can prove it was previewed. */
export function previewKey(v: Omit<SeriesInput, "intent" | "previewKey">): string {
  const text = JSON.stringify([v.title, v.weekday, v.ordinal, v.startMonth, v.count, v.startTime, v.endTime, v.capacity ?? null, v.venues.trim()]);
  // FNV-1a, 32 bit: not a secret, only a change detector that works the same in the browser.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
