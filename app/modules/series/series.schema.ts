// The form that creates a meeting series from a rule (shared by the browser and the action).
import { z } from "zod";
import { optionalText, requiredText } from "~/modules/admin-events/event.schema";
import { parseVenueLines } from "./series-rule";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const seriesSchema = z
  .object({
    intent: z.enum(["preview", "save"]).default("preview"),
    title: requiredText(200, "Skriv inn en tittel på serien."),
    description: optionalText(5000),
    weekday: z.coerce
      .number({ invalid_type_error: "Velg ukedag." })
      .int()
      .min(1, "Velg ukedag.")
      .max(7, "Velg ukedag."),
    ordinal: z.enum(["1", "2", "3", "4", "last"], { errorMap: () => ({ message: "Velg hvilken uke i måneden." }) }),
    startMonth: z
      .string({ required_error: "Velg måneden serien starter." })
      .regex(/^2[01]\d\d-(0[1-9]|1[0-2])$/, "Velg måneden serien starter (år 2000–2199)."),
    count: z.coerce
      .number({ invalid_type_error: "Antall møter må være et tall fra 1 til 24." })
      .int("Antall møter må være et helt tall.")
      .min(1, "Antall møter må være et tall fra 1 til 24.")
      .max(24, "Antall møter må være et tall fra 1 til 24."),
    startTime: z.string({ required_error: "Oppgi når møtene starter." }).regex(TIME, "Oppgi starttid som tt:mm."),
    endTime: z.string({ required_error: "Oppgi når møtene slutter." }).regex(TIME, "Oppgi sluttid som tt:mm."),
    capacity: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce
        .number({ invalid_type_error: "Antall plasser må være et helt tall, eller tomt for ubegrenset." })
        .int("Antall plasser må være et helt tall.")
        .min(1, "Antall plasser må være minst 1.")
        .max(100_000, "Antall plasser er for høyt.")
        .optional(),
    ),
    venues: z.string({ required_error: "Skriv én linje per møte med bydel og sted." }).max(20_000, "Listen er for lang."),
    /** Fingerprint of the inputs the organiser last saw a preview of (see previewKey). */
    previewKey: z.string().max(100).optional(),
  })
  .superRefine((v, ctx) => {
    if (toMinutes(v.endTime) - toMinutes(v.startTime) < 60) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Møtene må slutte minst en time etter at de starter, samme dag." });
    }
    const parsed = parseVenueLines(v.venues);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", path: ["venues"], message: parsed.error });
    } else if (parsed.venues.length !== v.count) {
      ctx.addIssue({
        code: "custom",
        path: ["venues"],
        message: `Skriv like mange linjer som det er møter: ${v.count} møter, men ${parsed.venues.length} linjer.`,
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
