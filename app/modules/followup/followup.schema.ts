// Staff forms for minutes and follow-up items. Messages are catalog keys (staff-tools namespace),
// except the live room's one-click form at the end, which the live page shows as it is.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { MARKUP } from "~/utils/markup";

export const FOLLOW_UP_STATUSES = ["REGISTERED", "IN_PROGRESS", "DONE", "WONT_DO"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const UNASSIGNED_UNIT = "Ikke fordelt ennå";

export const VISIBILITIES = ["DRAFT", "PUBLISHED"] as const;
export const visibilityKey = (v: (typeof VISIBILITIES)[number]) => `staff-tools:followup.visibility.${v}` as const;

type TextKeys = { long: MessageKey; required?: MessageKey };
const text = (max: number, keys: TextKeys) => {
  const s = z
    .string({ required_error: keys.required ?? "staff-tools:followup.error.badForm", invalid_type_error: "staff-tools:followup.error.badForm" })
    .trim()
    .max(max, keys.long)
    .refine((v) => !MARKUP.test(v.replace(/\r?\n|\t/g, " ")), "staff-tools:followup.error.markup");
  return keys.required ? s.refine((v) => v.length > 0, keys.required) : s;
};
// Conform sends an empty field as undefined: an optional text is then "".
const optional = (max: number, long: MessageKey) => text(max, { long }).default("");

export const minutesSchema = z.object({
  intent: z.enum(["save-minutes", "publish-minutes", "unpublish-minutes"], {
    errorMap: () => ({ message: "staff-tools:followup.error.unknownAction" }),
  }),
  minutes: optional(50_000, "staff-tools:followup.error.minutesLong"),
});

export const followUpItemSchema = z
  .object({
    title: text(200, { long: "staff-tools:followup.error.titleLong", required: "staff-tools:followup.error.titleRequired" }),
    summary: optional(4000, "staff-tools:followup.error.summaryLong"),
    responsibleUnit: text(200, { long: "staff-tools:followup.error.unitLong", required: "staff-tools:followup.error.unitRequired" }),
    status: z.enum(FOLLOW_UP_STATUSES, { errorMap: () => ({ message: "staff-tools:followup.error.status" }) }),
    statusReason: optional(2000, "staff-tools:followup.error.reasonLong"),
    publicAnswer: optional(4000, "staff-tools:followup.error.answerLong"),
    note: optional(1000, "staff-tools:followup.error.noteLong"),
    /** DRAFT: only staff see the item; PUBLISHED: on the event page, with its own URL. */
    visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: "staff-tools:followup.error.visibility" }) }).default("PUBLISHED"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "WONT_DO" && v.statusReason.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["statusReason"], message: "staff-tools:followup.error.reasonRequired" });
    }
  });

export type FollowUpItemInput = z.infer<typeof followUpItemSchema>;

/** The catalog key of a status's name on the staff pages. */
export function followUpStatusKey(status: string): MessageKey | null {
  return (FOLLOW_UP_STATUSES as readonly string[]).includes(status) ? (`staff-tools:followup.status.${status as FollowUpStatus}` as const) : null;
}

/** Bokmål names, for the audit log's summaries (stored as written). */
export const STATUS_NAMES_NB: Record<FollowUpStatus, string> = {
  REGISTERED: "Registrert",
  IN_PROGRESS: "Under arbeid",
  DONE: "Gjennomført",
  WONT_DO: "Blir ikke gjennomført",
};

/** One click on the staff pages: a follow-up item from a live question. */
export const questionFollowUpSchema = z.object({
  intent: z.literal("follow-up"),
  questionId: z.string({ required_error: "Velg et spørsmål." }).min(1, "Velg et spørsmål.").max(64, "Ukjent spørsmål."),
});

/** Deleting an item from its page: the confirmation box must be ticked. */
export const deleteItemSchema = z.object({
  intent: z.literal("delete"),
  confirm: z.literal("on", { errorMap: () => ({ message: "staff-tools:followup.error.deleteConfirm" }) }),
});

/** Moving an item one place up or down in the public list. */
export const moveItemSchema = z.object({
  intent: z.literal("move"),
  itemId: z.string().min(1, "staff-tools:followup.error.unknownItem").max(64, "staff-tools:followup.error.unknownItem"),
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: "staff-tools:followup.error.unknownDirection" }) }),
});
