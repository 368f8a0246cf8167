// Adding someone by hand: the public form's schema without the attendee's own consent tick
// and honeypot; instead staff confirm that the person has agreed.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { LOCALES } from "~/i18n/locales";
import { msg } from "~/modules/admin-events/event.schema";
import { registrationSchema } from "~/modules/registration/registration.schema";

export const staffRegistrationSchema = registrationSchema.omit({ privacyConsent: true, website: true }).extend({
  consentConfirmed: z.literal("on", {
    errorMap: () => ({ message: msg("staff-events:reg.error.consent") }),
  }),
  locale: z.enum(LOCALES).default("nb"),
});

export const REGISTRATION_STATUS_KEYS: Record<string, MessageKey> = {
  CONFIRMED: "staff-events:regStatus.CONFIRMED",
  WAITING: "staff-events:regStatus.WAITING",
  CANCELLED: "staff-events:regStatus.CANCELLED",
};

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

const registrationId = z.string({ required_error: msg("staff-events:reg.error.registrationId") }).trim().min(1).max(64);

/** The row actions on the list: confirm from the waiting list (optionally raising capacity) or cancel. */
export const registrationActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm"),
    registrationId,
    raiseCapacity: z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean()),
  }),
  z.object({ intent: z.literal("cancel"), registrationId }),
]);
