// The public input form's one schema (browser and action). Messages are keys: shared ones
// (error.*) from the common catalog, the form's own (public:input.error.*) from the public one.
import { z } from "zod";
import { normalisePhone } from "~/utils/format";
import { THEMES } from "./themes";
import { MARKUP } from "~/utils/markup";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const clean = (max: number) =>
  z
    .string({ required_error: "error.required", invalid_type_error: "error.badRequest" })
    .trim()
    .max(max, "error.tooLong")
    .refine((v) => !MARKUP.test(v), "error.invalidChars");

export const INPUT_TEXT_MAX = 4000;

export const inputSchema = z
  .object({
    theme: z.enum(THEMES, { errorMap: () => ({ message: "public:input.error.theme" }) }),
    text: z
      .string({ required_error: "public:input.error.text", invalid_type_error: "error.badRequest" })
      .trim()
      .min(3, "public:input.error.text")
      .max(INPUT_TEXT_MAX, "error.tooLong")
      .refine((v) => !MARKUP.test(v), "error.invalidChars"),
    name: z.preprocess(blankToUndefined, clean(200).optional()),
    email: z.preprocess(
      blankToUndefined,
      z.string({ invalid_type_error: "error.email" }).trim().max(254, "error.email").email("error.email").optional(),
    ),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string({ invalid_type_error: "error.phone" })
        .max(40, "error.phone")
        .transform((v, ctx) => {
          const e164 = normalisePhone(v);
          if (!e164) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: "error.phone" });
            return z.NEVER;
          }
          return e164;
        })
        .optional(),
    ),
    privacyConsent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    // Honeypot, as on the registration form.
    website: z.string({ invalid_type_error: "error.badRequest" }).max(0, "error.badRequest").optional(),
  })
  // Contact details are optional; whoever leaves them must accept the privacy notice.
  .superRefine((v, ctx) => {
    if ((v.email || v.phone) && !v.privacyConsent) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["privacyConsent"], message: "public:input.error.consent" });
    }
  });

export type CitizenInputForm = z.infer<typeof inputSchema>;

/** Staff: move an input to another theme, or hide/unhide it. */
export const staffInputSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("theme"), inputId: z.string().min(1).max(64), theme: z.enum(THEMES, { errorMap: () => ({ message: "staff-tools:input.error.theme" }) }) }),
  z.object({ intent: z.literal("hide"), inputId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("unhide"), inputId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("follow-up"), inputId: z.string().min(1).max(64) }),
]);
