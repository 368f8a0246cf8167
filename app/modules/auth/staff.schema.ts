import { z } from "zod";
import { MARKUP } from "~/utils/markup";
import { ROLES } from "./roles";

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  name: z
    .string({ required_error: "Skriv inn navnet." })
    .trim()
    .min(1, "Skriv inn navnet.")
    .max(200, "Navnet er for langt (høyst 200 tegn).")
    .refine((v) => !/[<>]/.test(v), "Navnet kan ikke inneholde < eller >.")
    .refine((v) => !MARKUP.test(v), "Navnet inneholder usynlige tegn eller kontrolltegn."),
  email: z
    .string({ required_error: "Skriv inn e-postadressen." })
    .trim()
    .max(254)
    .email("Skriv inn en gyldig e-postadresse."),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Velg en rolle." }) }),
});

export const roleSchema = z.object({
  intent: z.literal("role"),
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Velg en rolle." }) }),
});

export const removeSchema = z.object({
  intent: z.literal("remove"),
  userId: z.string().min(1).max(100),
});

export const staffActionSchema = z.discriminatedUnion("intent", [inviteSchema, roleSchema, removeSchema]);

export const passwordSchema = z
  .object({
    password: z
      .string({ required_error: "Velg et passord." })
      .min(12, "Passordet må ha minst 12 tegn.")
      .max(200, "Passordet er for langt."),
    confirm: z.string({ required_error: "Skriv passordet en gang til." }),
  })
  .refine((v) => v.password === v.confirm, { message: "Passordene er ikke like.", path: ["confirm"] });
