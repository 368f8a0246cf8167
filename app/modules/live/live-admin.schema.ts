import { z } from "zod";

// Messages are catalog keys (live namespace).

export const speakerLinkSchema = z.object({
  intent: z.literal("speaker-key", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  roomId: z.string({ required_error: "live:admin.chooseRoom" }).min(1, "live:admin.chooseRoom").max(64, "live:admin.unknownRoom"),
});

export const liveExportSchema = z.object({
  type: z.enum(["questions", "polls", "report"], { errorMap: () => ({ message: "live:admin.chooseExport" }) }).default("questions"),
  room: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{6}$/, "live:admin.unknownRoomCode")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** The room settings form on the staff page: unchecked boxes are absent from the form data. */
export const roomSettingsSchema = z.object({
  intent: z.literal("room-settings", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  roomId: z.string({ required_error: "live:admin.chooseRoom" }).min(1, "live:admin.chooseRoom").max(64, "live:admin.unknownRoom"),
  preModeration: z.preprocess((v) => v === "on", z.boolean()),
  allowAnonymous: z.preprocess((v) => v === "on", z.boolean()),
  status: z.enum(["OPEN", "CLOSED"], { errorMap: () => ({ message: "live:admin.badForm" }) }),
});

// ---- evening: a separate room for one programme item (parallel sessions)
export const itemRoomSchema = z.object({
  intent: z.literal("item-room", { errorMap: () => ({ message: "live:admin.unknownAction" }) }),
  programmeItemId: z.string({ required_error: "live:evening.admin.itemNotFound" }).min(1, "live:evening.admin.itemNotFound").max(64, "live:evening.admin.itemNotFound"),
});
