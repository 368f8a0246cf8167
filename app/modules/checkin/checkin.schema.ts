// The check-in page's forms: a scanned or typed code, or a person found by the manual search.
import { z } from "zod";

const id = z.string({ required_error: "Mangler hvem som skal sjekkes inn." }).trim().min(1).max(64);

export const checkInFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("code"),
    code: z
      .string({ required_error: "Skriv inn eller skann en kode." })
      .trim()
      .min(1, "Skriv inn eller skann en kode.")
      .max(200, "Koden er for lang til å være en innsjekkingskode."),
  }),
  z.object({ intent: z.literal("checkin"), registrationId: id }),
  z.object({ intent: z.literal("undo"), registrationId: id }),
]);

export type CheckInForm = z.infer<typeof checkInFormSchema>;
