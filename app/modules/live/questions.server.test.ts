import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { askQuestion, upvoteQuestion } from "./questions.server";
import { ensureRoomsForEvent } from "./rooms.server";

describe("upvotes under concurrency", () => {
  it("the same participant clicking twenty times at once counts once; twenty un-clicks leave zero", async () => {
    const [room] = await ensureRoomsForEvent((await createEvent()).id);
    const q = await askQuestion(room!.id, "asker", { text: "Samtidige klikk" });
    const ups = await Promise.all(Array.from({ length: 20 }, () => upvoteQuestion(room!.id, "voter", q.id, true)));
    expect(ups.filter((u) => u.changed)).toHaveLength(1);
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).upvoteCount).toBe(1);
    const downs = await Promise.all(Array.from({ length: 20 }, () => upvoteQuestion(room!.id, "voter", q.id, false)));
    expect(downs.filter((u) => u.changed)).toHaveLength(1);
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).upvoteCount).toBe(0);
  });

  it("a flagged question waits for a moderator even without pre-moderation", async () => {
    const [room] = await ensureRoomsForEvent((await createEvent()).id);
    const q = await askQuestion(room!.id, "asker", { text: "Dette er sh1t" });
    expect(q).toMatchObject({ status: "PENDING", flagged: true });
  });
});
