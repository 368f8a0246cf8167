import { z } from "zod";

export const speakerLinkSchema = z.object({
  intent: z.literal("speaker-key", { errorMap: () => ({ message: "Ukjent handling." }) }),
  roomId: z.string({ required_error: "Velg et rom." }).min(1, "Velg et rom.").max(64, "Ukjent rom."),
});

export const liveExportSchema = z.object({
  type: z.enum(["questions", "polls"], { errorMap: () => ({ message: "Velg spørsmål eller avstemninger." }) }).default("questions"),
  room: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{6}$/, "Ukjent romkode.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
