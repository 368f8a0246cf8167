// Forms for speakers and organisations (shared by the browser and the action).
import { z } from "zod";
import { optionalText, requiredText } from "./event.schema";

export const ORGANISATION_KINDS = {
  VELFORENING: "Velforening",
  DISTRICT_COUNCIL: "Bydelsråd",
  SPORTS_CLUB: "Idrettslag",
  CHURCH: "Menighet",
  BUSINESS: "Næringsliv",
  VOLUNTARY: "Frivillig organisasjon",
  SCHOOL: "Skole",
  MUNICIPALITY: "Kommunen",
  OTHER: "Annet",
} as const;

export const speakerSchema = z.object({
  name: requiredText(200, "Skriv inn navnet."),
  role: optionalText(200),
  organisationId: optionalText(40),
  bio: optionalText(5000),
});

export const organisationSchema = z.object({
  name: requiredText(200, "Skriv inn navnet på organisasjonen."),
  kind: z.enum(Object.keys(ORGANISATION_KINDS) as [keyof typeof ORGANISATION_KINDS], {
    errorMap: () => ({ message: "Velg hva slags organisasjon det er." }),
  }),
  description: optionalText(2000),
  websiteUrl: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(500, "Lenken er for lang.").url("Skriv inn en gyldig lenke (https://…).").refine((v) => /^https?:\/\//.test(v), "Lenken må begynne med https://").optional(),
  ),
});

export type SpeakerInput = z.infer<typeof speakerSchema>;
export type OrganisationInput = z.infer<typeof organisationSchema>;
