// Adding someone by hand: the public form's schema without the attendee's own consent tick
// and honeypot; instead staff confirm that the person has agreed.
import { z } from "zod";
import { LOCALES } from "~/i18n/locales";
import { registrationSchema } from "~/modules/registration/registration.schema";

export const staffRegistrationSchema = registrationSchema.omit({ privacyConsent: true, website: true }).extend({
  consentConfirmed: z.literal("on", {
    errorMap: () => ({ message: "Bekreft at personen har samtykket til at vi lagrer opplysningene." }),
  }),
  locale: z.enum(LOCALES).default("nb"),
});

export type StaffRegistrationInput = z.infer<typeof staffRegistrationSchema>;

export const registrationFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(["CONFIRMED", "WAITING", "CANCELLED"]).optional().catch(undefined),
  checkedIn: z.enum(["yes", "no"]).optional().catch(undefined),
});

export type RegistrationFilters = z.infer<typeof registrationFiltersSchema>;

export function filtersFromSearchParams(params: URLSearchParams): RegistrationFilters {
  return registrationFiltersSchema.parse({
    q: params.get("q") || undefined,
    status: params.get("status") || undefined,
    checkedIn: params.get("checkedIn") || undefined,
  });
}

const registrationId = z.string({ required_error: "Mangler hvilken påmelding det gjelder." }).trim().min(1).max(64);

/** The row actions on the list: confirm from the waiting list (optionally raising capacity) or cancel. */
export const registrationActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm"),
    registrationId,
    raiseCapacity: z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean()),
  }),
  z.object({ intent: z.literal("cancel"), registrationId }),
]);
