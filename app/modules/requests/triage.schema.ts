// The staff's triage forms for one request. Each form posts its own `intent`; the action picks
// the schema by it. Messages are catalog keys (staff-tools namespace).
import { z } from "zod";
import { optionalText, osloDateTime, requiredText } from "~/modules/admin-events/event.schema";

export const REQUEST_STATUSES = ["RECEIVED", "IN_REVIEW", "ACCEPTED", "ANSWERED", "DECLINED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The catalog key of a status's name, or null for a value the catalog does not know. */
export function requestStatusKey(status: string) {
  return (REQUEST_STATUSES as readonly string[]).includes(status) ? (`staff-tools:requests.status.${status as RequestStatus}` as const) : null;
}

export function requestKindKey(kind: string) {
  return kind === "SLOT" || kind === "MEETING" ? (`staff-tools:requests.kind.${kind}` as const) : null;
}

export const reviewSchema = z.object({
  intent: z.literal("review"),
  message: optionalText(2000),
});

export const acceptSchema = z.object({
  intent: z.literal("accept"),
  eventId: requiredText(40, "staff-tools:requests.error.eventRequired"),
  title: requiredText(200, "staff-tools:requests.error.titleRequired"),
  organisationName: requiredText(200, "staff-tools:requests.error.organisationRequired"),
  startsAt: osloDateTime("staff-tools:requests.error.startsAt"),
  durationMinutes: z.coerce
    .number({ invalid_type_error: "staff-tools:requests.error.durationInt" })
    .int("staff-tools:requests.error.durationInt")
    .min(1, "staff-tools:requests.error.durationMin")
    .max(240, "staff-tools:requests.error.durationMax"),
  room: optionalText(100),
  allowOverlap: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  message: optionalText(2000),
});

export const answerSchema = z.object({
  intent: z.literal("answer"),
  message: requiredText(2000, "staff-tools:requests.error.answerRequired"),
});

export const declineSchema = z.object({
  intent: z.literal("decline"),
  message: requiredText(2000, "staff-tools:requests.error.reasonRequired"),
});

export const TRIAGE_SCHEMAS = { review: reviewSchema, accept: acceptSchema, answer: answerSchema, decline: declineSchema } as const;
export type TriageIntent = keyof typeof TRIAGE_SCHEMAS;

export type AcceptInput = z.infer<typeof acceptSchema>;
