// The message form's one schema: the browser (Conform) and the action validate with it.
// Staff pages are bokmål only, so the error messages are plain Norwegian text.
import { z } from "zod";

export const SEGMENTS = ["ALL", "CONFIRMED", "WAITING", "CHECKED_IN"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_NAMES: Record<Segment, string> = {
  ALL: "Alle påmeldte (bekreftet og venteliste)",
  CONFIRMED: "Bekreftet plass",
  WAITING: "På venteliste",
  CHECKED_IN: "Sjekket inn",
};

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
    intent: z.enum(["preview", "send"], { errorMap: () => ({ message: "Vi kunne ikke lese skjemaet." }) }),
    segment: z.enum(SEGMENTS, { errorMap: () => ({ message: "Velg hvem meldingen skal til." }) }),
    subject: z
      .string({ required_error: "Skriv et emne.", invalid_type_error: "Skriv et emne." })
      .trim()
      .min(1, "Skriv et emne.")
      .max(SUBJECT_MAX, `Emnet kan ha høyst ${SUBJECT_MAX} tegn.`)
      .refine((v) => !CONTROL_OR_NEWLINE.test(v), "Emnet kan bare ha vanlig tekst på én linje."),
    body: z
      .string({ required_error: "Skriv selve meldingen.", invalid_type_error: "Skriv selve meldingen." })
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(
        z
          .string()
          .min(1, "Skriv selve meldingen.")
          .max(BODY_MAX, `Meldingen kan ha høyst ${BODY_MAX} tegn.`)
          .refine((v) => !CONTROL.test(v), "Meldingen kan bare ha vanlig tekst."),
      ),
    sendKey: z.string().regex(SEND_KEY, "Forhåndsvis meldingen før du sender den.").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "send" && !v.sendKey) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sendKey"], message: "Forhåndsvis meldingen før du sender den." });
    }
  });

export type MessageInput = z.infer<typeof messageSchema>;
