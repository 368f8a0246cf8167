import { z } from "zod";

/** The join code a person types: case and spaces do not matter; look-alikes (0/O, 1/I/L) do not exist. Messages are catalog keys. */
export const joinCodeSchema = z.object({
  code: z
    .string({ required_error: "live:join.codeRequired" })
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().regex(/^[A-Z2-9]{6}$/, "live:join.codeFormat")),
});
