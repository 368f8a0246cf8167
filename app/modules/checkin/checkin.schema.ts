// The check-in page's forms: a scanned or typed code, or a person found by the manual search.
// Messages are catalog keys (staff-tools namespace).
import { z } from "zod";

const id = z.string({ required_error: "staff-tools:checkin.error.idRequired" }).trim().min(1).max(64);

export const checkInFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("code"),
    code: z
      .string({ required_error: "staff-tools:checkin.error.codeRequired" })
      .trim()
      .min(1, "staff-tools:checkin.error.codeRequired")
      .max(200, "staff-tools:checkin.error.codeLong"),
  }),
  z.object({ intent: z.literal("checkin"), registrationId: id }),
  z.object({ intent: z.literal("undo"), registrationId: id }),
]);

export type CheckInForm = z.infer<typeof checkInFormSchema>;
