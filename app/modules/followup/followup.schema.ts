// Staff forms for minutes and follow-up items (bokmål, like the other staff pages).
import { z } from "zod";
import { MARKUP } from "~/utils/markup";

export const FOLLOW_UP_STATUSES = ["REGISTERED", "IN_PROGRESS", "DONE", "WONT_DO"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const UNASSIGNED_UNIT = "Ikke fordelt ennå";

export const VISIBILITIES = ["DRAFT", "PUBLISHED"] as const;
export const VISIBILITY_NAMES: Record<(typeof VISIBILITIES)[number], string> = {
  DRAFT: "Utkast – bare ansatte ser punktet",
  PUBLISHED: "Publisert på arrangementssiden",
};

const text = (max: number, label: string, required = false) => {
  const s = z
    .string({ required_error: `Fyll ut ${label}.`, invalid_type_error: "Vi kunne ikke lese skjemaet." })
    .trim()
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} kan ha høyst ${max} tegn.`)
    .refine((v) => !MARKUP.test(v.replace(/\r?\n|\t/g, " ")), "Teksten inneholder tegn vi ikke kan ta imot (for eksempel HTML).");
  return required ? s.refine((v) => v.length > 0, `Fyll ut ${label}.`) : s;
};
// Conform sends an empty field as undefined: an optional text is then "".
const optional = (max: number, label: string) => text(max, label).default("");

export const minutesSchema = z.object({
  intent: z.enum(["save-minutes", "publish-minutes", "unpublish-minutes"], { errorMap: () => ({ message: "Ukjent handling." }) }),
  minutes: optional(50_000, "referatet"),
});

export const followUpItemSchema = z
  .object({
    title: text(200, "tittelen", true),
    summary: optional(4000, "sammendraget"),
    responsibleUnit: text(200, "ansvarlig enhet", true),
    status: z.enum(FOLLOW_UP_STATUSES, { errorMap: () => ({ message: "Velg en status fra listen." }) }),
    statusReason: optional(2000, "begrunnelsen"),
    publicAnswer: optional(4000, "svaret"),
    note: optional(1000, "merknaden"),
    /** DRAFT: only staff see the item; PUBLISHED: on the event page, with its own URL. */
    visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: "Velg om punktet skal vises på arrangementssiden." }) }).default("PUBLISHED"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "WONT_DO" && v.statusReason.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["statusReason"], message: "Skriv en begrunnelse når punktet ikke blir gjennomført." });
    }
  });

export type FollowUpItemInput = z.infer<typeof followUpItemSchema>;

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
  confirm: z.literal("on", { errorMap: () => ({ message: "Kryss av for at du vil slette punktet." }) }),
});

/** Moving an item one place up or down in the public list. */
export const moveItemSchema = z.object({
  intent: z.literal("move"),
  itemId: z.string().min(1, "Ukjent oppfølgingspunkt.").max(64, "Ukjent oppfølgingspunkt."),
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: "Ukjent retning." }) }),
});
