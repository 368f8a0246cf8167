// The staff page's poll library forms (/admin/events/:id/live): one schema per form. Messages are
// catalog keys (live namespace). What a poll of each kind may ask (option counts, scales) is
// checked by the domain (polls.server.ts), the same rules as on the moderator page.
import { z } from "zod";
import { POLL_KINDS, POLL_OPTION_MAX, POLL_TITLE_MAX, RESULTS_VISIBILITY } from "./protocol";

const pollId = z.string({ required_error: "live:pollLibrary.error.noPoll" }).min(1, "live:pollLibrary.error.noPoll").max(64, "live:pollLibrary.error.noPoll");

/** New poll and editing a draft: one form; options are one per line. */
export const libraryPollSchema = z.object({
  intent: z.literal("poll-save", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  pollId: pollId.optional(),
  title: z
    .string({ required_error: "live:pollLibrary.error.title" })
    .trim()
    .min(1, "live:pollLibrary.error.title")
    .max(POLL_TITLE_MAX, "live:pollLibrary.error.title"),
  kind: z.enum(POLL_KINDS, { errorMap: () => ({ message: "live:pollLibrary.error.kind" }) }),
  options: z
    .string()
    .max(20 * (POLL_OPTION_MAX + 2), "live:pollLibrary.error.options")
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  maxChoices: z.coerce.number({ invalid_type_error: "live:pollLibrary.error.maxChoices" }).int("live:pollLibrary.error.maxChoices").min(1, "live:pollLibrary.error.maxChoices").max(20, "live:pollLibrary.error.maxChoices").optional(),
  scaleMax: z.coerce.number({ invalid_type_error: "live:pollLibrary.error.scaleMax" }).int("live:pollLibrary.error.scaleMax").min(2, "live:pollLibrary.error.scaleMax").max(10, "live:pollLibrary.error.scaleMax").optional(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY, { errorMap: () => ({ message: "live:pollLibrary.error.visibility" }) }).default("LIVE"),
  /** Empty: any time */
  programmeItemId: z.string().max(64, "live:pollLibrary.error.item").optional(),
});

export const libraryDuplicateSchema = z.object({
  intent: z.literal("poll-duplicate", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  pollId,
});

/** Deleting asks once more: the first submit (no `confirm`) shows a "yes, delete" button. */
export const libraryDeleteSchema = z.object({
  intent: z.literal("poll-delete", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  pollId,
  confirm: z.literal("yes").optional(),
});

export const libraryMoveSchema = z.object({
  intent: z.literal("poll-move", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  pollId,
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: "live:admin.badForm" }) }),
});
