// The staff form for one programme item (shared by the browser and the action).
import { z } from "zod";
import { PROGRAMME_ITEM_KINDS } from "~/modules/events/event-kinds";
import { optionalOsloDateTime, optionalText, osloDateTime, requiredText } from "./event.schema";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ITEM_KIND_NAMES: Record<(typeof PROGRAMME_ITEM_KINDS)[number], string> = {
  TALK: "Innlegg",
  PANEL: "Panel",
  BREAK: "Pause",
  ORGANISATION_SLOT: "Innlegg fra organisasjon",
  PUPILS: "Elever har ordet",
  OPEN_FLOOR: "Åpen post",
  OTHER: "Annet",
};

export const programmeItemSchema = z
  .object({
    title: requiredText(200, "Skriv inn en tittel på programposten."),
    description: optionalText(2000),
    kind: z.enum(PROGRAMME_ITEM_KINDS, { errorMap: () => ({ message: "Velg type programpost." }) }),
    startsAt: osloDateTime("Oppgi dato og klokkeslett for starten."),
    durationMinutes: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ invalid_type_error: "Varigheten må være et helt antall minutter." })
        .int("Varigheten må være et helt antall minutter.")
        .min(1, "Varigheten må være minst ett minutt.")
        .max(24 * 60, "Varigheten kan være høyst ett døgn.")
        .optional(),
    ),
    endsAt: optionalOsloDateTime("Oppgi en gyldig sluttid."),
    room: optionalText(100),
    organisationId: optionalText(40),
    organisationName: optionalText(200),
    speakerIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().max(40)).max(30, "Velg høyst 30 innledere."),
    ),
    allowOverlap: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.durationMinutes === undefined && v.endsAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: "Oppgi enten varighet i minutter eller sluttid." });
    }
    if (v.durationMinutes !== undefined && v.endsAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: "Oppgi enten varighet eller sluttid, ikke begge." });
    }
    if (v.endsAt && v.endsAt.getTime() <= v.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Sluttiden må være etter starten." });
    }
    if (v.organisationId && v.organisationName) {
      ctx.addIssue({ code: "custom", path: ["organisationName"], message: "Velg en organisasjon eller skriv inn en ny, ikke begge." });
    }
  })
  .transform((v) => ({
    ...v,
    endsAt: v.endsAt ?? new Date(v.startsAt.getTime() + (v.durationMinutes ?? 0) * 60_000),
  }));

export type ProgrammeItemInput = z.infer<typeof programmeItemSchema>;
