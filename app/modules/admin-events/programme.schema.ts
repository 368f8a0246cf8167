// The staff form for one programme item (shared by the browser and the action).
import { z } from "zod";
import { PROGRAMME_ITEM_KINDS } from "~/modules/events/event-kinds";
import type { MessageKey } from "~/i18n";
import { msg, optionalOsloDateTime, optionalText, osloDateTime, requiredText } from "./event.schema";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ITEM_KIND_KEYS: Record<(typeof PROGRAMME_ITEM_KINDS)[number], MessageKey> = {
  TALK: "staff-events:itemKind.TALK",
  PANEL: "staff-events:itemKind.PANEL",
  BREAK: "staff-events:itemKind.BREAK",
  ORGANISATION_SLOT: "staff-events:itemKind.ORGANISATION_SLOT",
  PUPILS: "staff-events:itemKind.PUPILS",
  OPEN_FLOOR: "staff-events:itemKind.OPEN_FLOOR",
  OTHER: "staff-events:itemKind.OTHER",
};

export const programmeItemSchema = z
  .object({
    title: requiredText(200, msg("staff-events:item.error.title")),
    description: optionalText(2000),
    kind: z.enum(PROGRAMME_ITEM_KINDS, { errorMap: () => ({ message: msg("staff-events:item.error.kind") }) }),
    startsAt: osloDateTime(msg("staff-events:event.error.startsAt")),
    durationMinutes: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ invalid_type_error: msg("staff-events:item.error.duration") })
        .int(msg("staff-events:item.error.duration"))
        .min(1, msg("staff-events:item.error.durationMin"))
        .max(24 * 60, msg("staff-events:item.error.durationMax"))
        .optional(),
    ),
    endsAt: optionalOsloDateTime(msg("staff-events:item.error.endsAt")),
    room: optionalText(100),
    organisationId: optionalText(40),
    organisationName: optionalText(200),
    speakerIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().max(40)).max(30, msg("staff-events:item.error.tooManySpeakers")),
    ),
    allowOverlap: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.durationMinutes === undefined && v.endsAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: msg("staff-events:item.error.durationOrEnd") });
    }
    if (v.durationMinutes !== undefined && v.endsAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: msg("staff-events:item.error.notBoth") });
    }
    if (v.endsAt && v.endsAt.getTime() <= v.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: msg("staff-events:item.error.endBeforeStart") });
    }
    if (v.organisationId && v.organisationName) {
      ctx.addIssue({ code: "custom", path: ["organisationName"], message: msg("staff-events:item.error.organisationBoth") });
    }
  })
  .transform((v) => ({
    ...v,
    endsAt: v.endsAt ?? new Date(v.startsAt.getTime() + (v.durationMinutes ?? 0) * 60_000),
  }));

export type ProgrammeItemInput = z.infer<typeof programmeItemSchema>;
