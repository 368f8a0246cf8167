// The message form's one schema: the browser (Conform) and the action validate with it.
// The error messages are catalog keys (staff-tools namespace); the page translates them.
import { z } from "zod";

export const SEGMENTS = ["ALL", "CONFIRMED", "WAITING", "CHECKED_IN"] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The catalog key of a segment's name; `lower` for use inside a sentence. */
export function segmentKey(segment: Segment, lower = false) {
  return lower ? (`staff-tools:messages.segmentLower.${segment}` as const) : (`staff-tools:messages.segment.${segment}` as const);
}

/** Stands in for a recipient's secret token in the preview: staff never see anyone's link. */
export const PREVIEW_TOKEN = "PERSONLIG-LENKE";

export const SUBJECT_MAX = 150;
export const BODY_MAX = 5000;

// Plain text only: control characters (other than line breaks and tabs in the body) would
// break mail headers or show up as garbage in mail clients.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F]/;

/** The one-time key of a previewed message (see messages.server.ts, sendMessage). */
export const SEND_KEY = /^[A-Za-z0-9_-]{22,64}$/;

export const messageSchema = z
  .object({
    intent: z.enum(["preview", "send"], { errorMap: () => ({ message: "staff-tools:error.badForm" }) }),
    segment: z.enum(SEGMENTS, { errorMap: () => ({ message: "staff-tools:messages.error.segment" }) }),
    subject: z
      .string({ required_error: "staff-tools:messages.error.subjectRequired", invalid_type_error: "staff-tools:messages.error.subjectRequired" })
      .trim()
      .min(1, "staff-tools:messages.error.subjectRequired")
      .max(SUBJECT_MAX, "staff-tools:messages.error.subjectMax")
      .refine((v) => !CONTROL_OR_NEWLINE.test(v), "staff-tools:messages.error.subjectLine"),
    body: z
      .string({ required_error: "staff-tools:messages.error.bodyRequired", invalid_type_error: "staff-tools:messages.error.bodyRequired" })
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(
        z
          .string()
          .min(1, "staff-tools:messages.error.bodyRequired")
          .max(BODY_MAX, "staff-tools:messages.error.bodyMax")
          .refine((v) => !CONTROL.test(v), "staff-tools:messages.error.bodyPlain"),
      ),
    sendKey: z.string().regex(SEND_KEY, "staff-tools:messages.error.previewFirst").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "send" && !v.sendKey) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sendKey"], message: "staff-tools:messages.error.previewFirst" });
    }
  });

export type MessageInput = z.infer<typeof messageSchema>;
