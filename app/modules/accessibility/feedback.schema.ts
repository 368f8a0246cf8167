// The accessibility feedback form's one schema (client and action). Messages are i18n keys.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { MARKUP } from "~/utils/markup";

const k = (key: MessageKey) => key;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const clean = (max: number) =>
  z
    .string({ required_error: k("error.required"), invalid_type_error: k("error.badRequest") })
    .trim()
    .max(max, k("error.tooLong"))
    .refine((v) => !MARKUP.test(v), k("error.invalidChars"));

export const feedbackSchema = z.object({
  message: clean(4000).refine((v) => v.length > 0, k("error.required")),
  pageUrl: z.preprocess(blankToUndefined, clean(500).optional()),
  contactName: z.preprocess(blankToUndefined, clean(200).optional()),
  contactEmail: z.preprocess(
    blankToUndefined,
    z.string({ invalid_type_error: k("error.email") }).trim().max(254, k("error.email")).email(k("error.email")).optional(),
  ),
  // Honeypot, as on the registration form.
  website: z.string({ invalid_type_error: k("error.badRequest") }).max(0, k("error.badRequest")).optional(),
});

export type FeedbackInput = z.infer<typeof feedbackSchema>;
