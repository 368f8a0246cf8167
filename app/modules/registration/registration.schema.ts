// The registration form's one schema: used by the browser (Conform) and by the action.
// Error messages are i18n keys; the page translates them.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { normalisePhone } from "~/utils/format";
import { MARKUP } from "~/utils/markup";

const msg = (key: MessageKey) => key;


function text(max: number, requiredKey?: MessageKey) {
  let s = z
    .string({ required_error: msg(requiredKey ?? "error.required"), invalid_type_error: msg("error.badRequest") })
    .trim();
  if (requiredKey) s = s.min(1, msg(requiredKey));
  return s.max(max, msg("error.tooLong")).refine((v) => !MARKUP.test(v), msg("error.invalidChars"));
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text(max).optional());

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const FREE_TEXT_MAX = 1000;

/** Fields an attendee can change later on the personal page. */
export const registrationDetailsSchema = z.object({
  name: text(NAME_MAX, "error.name").refine((v) => !/[<>]/.test(v), msg("error.invalidChars")),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ invalid_type_error: msg("error.phone") })
      .max(40, msg("error.phone"))
      .transform((v, ctx) => {
        const e164 = normalisePhone(v);
        if (!e164) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg("error.phone") });
          return z.NEVER;
        }
        return e164;
      })
      .optional(),
  ),
  organisation: optionalText(NAME_MAX),
  diet: optionalText(FREE_TEXT_MAX),
  accessibility: optionalText(FREE_TEXT_MAX),
  newsletter: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const registrationSchema = registrationDetailsSchema.extend({
  email: z
    .string({ required_error: msg("error.email"), invalid_type_error: msg("error.email") })
    .trim()
    .max(EMAIL_MAX, msg("error.email"))
    .email(msg("error.email")),
  privacyConsent: z.literal("on", {
    errorMap: () => ({ message: msg("error.consent") }),
  }),
  // Honeypot: hidden from people by CSS (its label says to leave it empty); bots fill it in.
  website: z.string({ invalid_type_error: msg("error.badRequest") }).max(0, msg("error.badRequest")).optional(),
});

export type RegistrationInput = z.infer<typeof registrationSchema>;
export type RegistrationDetailsInput = z.infer<typeof registrationDetailsSchema>;
