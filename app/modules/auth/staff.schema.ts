// Messages are catalog keys (staff-tools namespace); the forms translate them.
import { z } from "zod";
import { MARKUP } from "~/utils/markup";
import { ROLES } from "./roles";

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  name: z
    .string({ required_error: "staff-tools:staff.error.nameRequired" })
    .trim()
    .min(1, "staff-tools:staff.error.nameRequired")
    .max(200, "staff-tools:staff.error.nameLong")
    .refine((v) => !/[<>]/.test(v), "staff-tools:staff.error.nameBrackets")
    .refine((v) => !MARKUP.test(v), "staff-tools:staff.error.nameInvisible"),
  email: z
    .string({ required_error: "staff-tools:staff.error.emailRequired" })
    .trim()
    .max(254, "staff-tools:staff.error.email")
    .email("staff-tools:staff.error.email"),
  role: z.enum(ROLES, { errorMap: () => ({ message: "staff-tools:staff.error.role" }) }),
});

export const roleSchema = z.object({
  intent: z.literal("role"),
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES, { errorMap: () => ({ message: "staff-tools:staff.error.role" }) }),
});

export const removeSchema = z.object({
  intent: z.literal("remove"),
  userId: z.string().min(1).max(100),
});

export const staffActionSchema = z.discriminatedUnion("intent", [inviteSchema, roleSchema, removeSchema]);

export const passwordSchema = z
  .object({
    password: z
      .string({ required_error: "staff-tools:invitation.error.passwordRequired" })
      .min(12, "staff-tools:invitation.error.passwordShort")
      .max(200, "staff-tools:invitation.error.passwordLong"),
    confirm: z.string({ required_error: "staff-tools:invitation.error.confirmRequired" }),
  })
  .refine((v) => v.password === v.confirm, { message: "staff-tools:invitation.error.mismatch", path: ["confirm"] });
