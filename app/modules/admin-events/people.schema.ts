// Forms for speakers and organisations (shared by the browser and the action).
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { msg, optionalText, requiredText } from "./event.schema";

export const ORGANISATION_KINDS = {
  VELFORENING: "staff-events:orgKind.VELFORENING",
  DISTRICT_COUNCIL: "staff-events:orgKind.DISTRICT_COUNCIL",
  SPORTS_CLUB: "staff-events:orgKind.SPORTS_CLUB",
  CHURCH: "staff-events:orgKind.CHURCH",
  BUSINESS: "staff-events:orgKind.BUSINESS",
  VOLUNTARY: "staff-events:orgKind.VOLUNTARY",
  SCHOOL: "staff-events:orgKind.SCHOOL",
  MUNICIPALITY: "staff-events:orgKind.MUNICIPALITY",
  OTHER: "staff-events:orgKind.OTHER",
} as const satisfies Record<string, MessageKey>;

export const speakerSchema = z.object({
  name: requiredText(200, msg("staff-events:people.error.name")),
  role: optionalText(200),
  organisationId: optionalText(40),
  bio: optionalText(5000),
});

export const organisationSchema = z.object({
  name: requiredText(200, msg("staff-events:people.error.organisationName")),
  kind: z.enum(Object.keys(ORGANISATION_KINDS) as [keyof typeof ORGANISATION_KINDS], {
    errorMap: () => ({ message: msg("staff-events:people.error.organisationKind") }),
  }),
  description: optionalText(2000),
  websiteUrl: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(500, msg("staff-events:error.linkTooLong")).url(msg("staff-events:error.linkInvalid")).refine((v) => /^https?:\/\//.test(v), msg("staff-events:error.linkHttps")).optional(),
  ),
});

export type SpeakerInput = z.infer<typeof speakerSchema>;
export type OrganisationInput = z.infer<typeof organisationSchema>;
