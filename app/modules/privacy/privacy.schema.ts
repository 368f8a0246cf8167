// The forms on /admin/privacy (bokmål, staff only): look up one address, and erase it with the
// address typed a second time as confirmation. One schema each, for Conform and the action.
import { z } from "zod";

const EMAIL_MESSAGE = "Skriv inn en gyldig e-postadresse, for eksempel kari@example.no.";

const email = z
  .string({ required_error: "Skriv inn e-postadressen.", invalid_type_error: EMAIL_MESSAGE })
  .trim()
  .min(1, "Skriv inn e-postadressen.")
  .max(254, EMAIL_MESSAGE)
  .email(EMAIL_MESSAGE);

export const personLookupSchema = z.object({ email });

export const personEraseSchema = z
  .object({
    email,
    confirmEmail: z
      .string({ required_error: "Skriv inn e-postadressen en gang til for å bekrefte.", invalid_type_error: EMAIL_MESSAGE })
      .trim()
      .min(1, "Skriv inn e-postadressen en gang til for å bekrefte."),
  })
  .refine((v) => v.email.toLowerCase() === v.confirmEmail.toLowerCase(), {
    path: ["confirmEmail"],
    message: "Adressen du skrev for å bekrefte, er ikke den samme. Ingenting er slettet.",
  });

export type PersonLookupInput = z.infer<typeof personLookupSchema>;
export type PersonEraseInput = z.infer<typeof personEraseSchema>;
