// The staff's triage forms for one request (bokmål, like the rest of /admin). Each form posts
// its own `intent`; the action picks the schema by it.
import { z } from "zod";
import { optionalText, osloDateTime, requiredText } from "~/modules/admin-events/event.schema";

export const STATUS_NAMES: Record<string, string> = {
  RECEIVED: "Mottatt",
  IN_REVIEW: "Under behandling",
  ACCEPTED: "Godtatt",
  ANSWERED: "Besvart",
  DECLINED: "Avslått",
};

export const REQUEST_STATUSES = ["RECEIVED", "IN_REVIEW", "ACCEPTED", "ANSWERED", "DECLINED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const KIND_NAMES: Record<string, string> = {
  SLOT: "Innlegg på et dialogmøte",
  MEETING: "Dialogmøte i bydelen",
};

export const reviewSchema = z.object({
  intent: z.literal("review"),
  message: optionalText(2000),
});

export const acceptSchema = z.object({
  intent: z.literal("accept"),
  eventId: requiredText(40, "Velg arrangementet innlegget skal inn i."),
  title: requiredText(200, "Skriv inn en tittel på programposten."),
  organisationName: requiredText(200, "Skriv inn navnet på organisasjonen."),
  startsAt: osloDateTime("Oppgi dato og klokkeslett for starten."),
  durationMinutes: z.coerce
    .number({ invalid_type_error: "Varigheten må være et helt antall minutter." })
    .int("Varigheten må være et helt antall minutter.")
    .min(1, "Varigheten må være minst ett minutt.")
    .max(240, "Varigheten kan være høyst 240 minutter."),
  room: optionalText(100),
  allowOverlap: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  message: optionalText(2000),
});

export const answerSchema = z.object({
  intent: z.literal("answer"),
  message: requiredText(2000, "Skriv svaret til avsenderen."),
});

export const declineSchema = z.object({
  intent: z.literal("decline"),
  message: requiredText(2000, "Skriv en begrunnelse for avslaget."),
});

export const TRIAGE_SCHEMAS = { review: reviewSchema, accept: acceptSchema, answer: answerSchema, decline: declineSchema } as const;
export type TriageIntent = keyof typeof TRIAGE_SCHEMAS;

export type AcceptInput = z.infer<typeof acceptSchema>;
