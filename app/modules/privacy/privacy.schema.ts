// The forms on /admin/privacy (staff only): look up one address, and erase it with the address
// typed a second time as confirmation. One schema each, for Conform and the action; messages are
// catalog keys (staff-tools namespace).
import { z } from "zod";

const EMAIL_MESSAGE = "staff-tools:privacy.error.email";

const email = z
  .string({ required_error: "staff-tools:privacy.error.emailRequired", invalid_type_error: EMAIL_MESSAGE })
  .trim()
  .min(1, "staff-tools:privacy.error.emailRequired")
  .max(254, EMAIL_MESSAGE)
  .email(EMAIL_MESSAGE);

export const personLookupSchema = z.object({ email });

export const personEraseSchema = z
  .object({
    email,
    confirmEmail: z
      .string({ required_error: "staff-tools:privacy.error.confirmRequired", invalid_type_error: EMAIL_MESSAGE })
      .trim()
      .min(1, "staff-tools:privacy.error.confirmRequired"),
  })
  .refine((v) => v.email.toLowerCase() === v.confirmEmail.toLowerCase(), {
    path: ["confirmEmail"],
    message: "staff-tools:privacy.error.mismatch",
  });

export type PersonLookupInput = z.infer<typeof personLookupSchema>;
export type PersonEraseInput = z.infer<typeof personEraseSchema>;
