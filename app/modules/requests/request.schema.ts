// The public request form's one schema (browser and action). Messages are keys of
// public:request.error.<key> in the public catalog, so the page shows them in the reader's language.
import { z } from "zod";
import { normalisePhone } from "~/utils/format";
import { MARKUP } from "~/utils/markup";

export const REQUEST_KINDS = ["SLOT", "MEETING"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export type RequestErrorKey =
  | "kind"
  | "event"
  | "eventGone"
  | "district"
  | "organisationName"
  | "organisationNumber"
  | "contactName"
  | "email"
  | "phone"
  | "topic"
  | "description"
  | "tooLong"
  | "invalidChars"
  | "consent"
  | "badRequest"
  | "tooMany";

const k = (key: RequestErrorKey) => key;
const blankToUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : v;

const text = (max: number, required: RequestErrorKey) =>
  z
    .string({
      required_error: k(required),
      invalid_type_error: k("badRequest"),
    })
    .trim()
    .min(1, k(required))
    .max(max, k("tooLong"))
    .refine((v) => !MARKUP.test(v), k("invalidChars"));

const optional = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ invalid_type_error: k("badRequest") })
      .trim()
      .max(max, k("tooLong"))
      .refine((v) => !MARKUP.test(v), k("invalidChars"))
      .optional()
  );

/**
 * Brønnøysund's check on a Norwegian organisation number: weights 3 2 7 6 5 4 3 2 on the first
 * eight digits; 11 minus the sum modulo 11 is the ninth digit (11 means 0, 10 is never valid).
 */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(value[8]);
}

/**
 * The schema for the organisation's districts (settings, in their order): a meeting must name one
 * of them. With no districts configured, a meeting may name any district, or none.
 */
export function requestSchemaFor(districts: readonly string[]) {
  return z
    .object({
      kind: z.enum(REQUEST_KINDS, { errorMap: () => ({ message: k("kind") }) }),
      eventId: optional(40),
      district: optional(60),
      organisationName: text(200, "organisationName"),
      organisationNumber: z.preprocess(
        (v) =>
          typeof v === "string"
            ? v.replace(/\s/g, "") === ""
              ? undefined
              : v.replace(/\s/g, "")
            : v,
        z
          .string({ invalid_type_error: k("badRequest") })
          .refine(isValidOrganisationNumber, k("organisationNumber"))
          .optional()
      ),
      contactName: text(200, "contactName"),
      contactEmail: z
        .string({
          required_error: k("email"),
          invalid_type_error: k("badRequest"),
        })
        .trim()
        .max(254, k("email"))
        .email(k("email")),
      contactPhone: z.preprocess(
        blankToUndefined,
        z
          .string({ invalid_type_error: k("badRequest") })
          .max(40, k("phone"))
          .transform((v, ctx) => {
            const phone = normalisePhone(v);
            if (!phone) {
              ctx.addIssue({
                code: z.ZodIssueCode.custom,
                message: k("phone"),
              });
              return z.NEVER;
            }
            return phone;
          })
          .optional()
      ),
      topic: text(200, "topic"),
      description: text(4000, "description"),
      preferredTime: optional(200),
      privacyConsent: z.literal("on", {
        errorMap: () => ({ message: k("consent") }),
      }),
      // Honeypot: people leave it empty, simple bots fill it.
      website: z
        .string({ invalid_type_error: k("badRequest") })
        .max(0, k("badRequest"))
        .optional(),
    })
    .superRefine((v, ctx) => {
      if (v.kind === "SLOT" && !v.eventId)
        ctx.addIssue({
          code: "custom",
          path: ["eventId"],
          message: k("event"),
        });
      if (
        v.kind === "MEETING" &&
        districts.length > 0 &&
        !districts.includes(v.district ?? "")
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["district"],
          message: k("district"),
        });
      }
    })
    .transform((v) => ({
      ...v,
      // Only what the kind asks for is kept: a slot names a meeting, a meeting a district.
      eventId: v.kind === "SLOT" ? v.eventId : undefined,
      district: v.kind === "MEETING" ? v.district : undefined,
    }));
}

export type RequestInput = z.infer<ReturnType<typeof requestSchemaFor>>;
