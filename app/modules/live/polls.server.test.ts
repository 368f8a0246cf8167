import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { LiveError } from "./errors.server";
import { answerPoll, createPoll, normaliseWord, pollResults, setPollStatus, type NewPoll } from "./polls.server";
import { ensureRoomsForEvent } from "./rooms.server";

async function room() {
  const [r] = await ensureRoomsForEvent((await createEvent()).id);
  return r!.id;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LiveError) return err.code;
    throw err;
  }
  return "accepted";
}

describe("creating polls", () => {
  it.each<[string, NewPoll]>([
    ["one option", { title: "T", kind: "SINGLE", options: ["Ja"] }],
    ["21 options", { title: "T", kind: "SINGLE", options: Array.from({ length: 21 }, (_, i) => `Valg ${i}`) }],
    ["duplicate options", { title: "T", kind: "SINGLE", options: ["Ja", "ja"] }],
    ["maxChoices above options", { title: "T", kind: "MULTIPLE", options: ["A", "B"], maxChoices: 3 }],
    ["scale of 1", { title: "T", kind: "RATING", scaleMax: 1 }],
    ["scale of 11", { title: "T", kind: "RATING", scaleMax: 11 }],
    ["options on a word cloud", { title: "T", kind: "WORDCLOUD", options: ["A", "B"] }],
    ["blank title", { title: "  ", kind: "OPEN_TEXT" }],
  ])("refuses %s", async (_name, input) => {
    const roomId = await room();
    expect(await refusal(createPoll(roomId, input))).toBe("invalid");
    expect(await db().poll.count({ where: { roomId } })).toBe(0);
  });

  it("never reopens a closed poll", async () => {
    const roomId = await room();
    const poll = await createPoll(roomId, { title: "T", kind: "WORDCLOUD" });
    expect((await setPollStatus(roomId, poll.id, "OPEN")).changed).toBe(true);
    expect((await setPollStatus(roomId, poll.id, "OPEN")).changed).toBe(false);
    await setPollStatus(roomId, poll.id, "CLOSED");
    expect(await refusal(setPollStatus(roomId, poll.id, "OPEN"))).toBe("conflict");
  });
});

describe("answers and results", () => {
  it("multiple choice: validated against the poll, replaced on change, counted by the database", async () => {
    const roomId = await room();
    const poll = await createPoll(roomId, { title: "Hva er viktigst?", kind: "MULTIPLE", options: ["Skole", "Vei", "Park"], maxChoices: 2 });
    const other = await createPoll(roomId, { title: "Annen", kind: "SINGLE", options: ["X", "Y"] });
    const [skole, vei, park] = poll.options.map((o) => o.id) as [string, string, string];
    expect(await refusal(answerPoll(roomId, "p1", poll.id, { optionIds: [skole] }))).toBe("not-found"); // still a draft
    await setPollStatus(roomId, poll.id, "OPEN");
    expect(await refusal(answerPoll(roomId, "p1", poll.id, { optionIds: [skole, vei, park] }))).toBe("invalid");
    expect(await refusal(answerPoll(roomId, "p1", poll.id, { optionIds: [other.options[0]!.id] }))).toBe("invalid");
    expect(await refusal(answerPoll(roomId, "p1", poll.id, { optionIds: [] }))).toBe("invalid");
    await answerPoll(roomId, "p1", poll.id, { optionIds: [skole, vei] });
    await answerPoll(roomId, "p2", poll.id, { optionIds: [skole] });
    await answerPoll(roomId, "p1", poll.id, { optionIds: [park] });
    expect(await pollResults(poll.id)).toEqual({
      kind: "MULTIPLE",
      total: 2,
      options: [
        { id: skole, label: "Skole", count: 1 },
        { id: vei, label: "Vei", count: 0 },
        { id: park, label: "Park", count: 1 },
      ],
    });
  });

  it("rating, word cloud and open text", async () => {
    const roomId = await room();
    const rating = await createPoll(roomId, { title: "Hvor fornøyd?", kind: "RATING", scaleMax: 4 });
    const cloud = await createPoll(roomId, { title: "Ett ord", kind: "WORDCLOUD" });
    const open = await createPoll(roomId, { title: "Innspill", kind: "OPEN_TEXT" });
    for (const p of [rating, cloud, open]) await setPollStatus(roomId, p.id, "OPEN");
    expect(await refusal(answerPoll(roomId, "p1", rating.id, { rating: 5 }))).toBe("invalid");
    await answerPoll(roomId, "p1", rating.id, { rating: 4 });
    await answerPoll(roomId, "p2", rating.id, { rating: 1 });
    await answerPoll(roomId, "p3", rating.id, { rating: 2 });
    expect(await pollResults(rating.id)).toEqual({ kind: "RATING", total: 3, average: 2.33, distribution: [1, 1, 0, 1] });

    expect(await refusal(answerPoll(roomId, "p1", cloud.id, { text: "x".repeat(41) }))).toBe("invalid");
    expect(await refusal(answerPoll(roomId, "p1", cloud.id, { text: "!!!" }))).toBe("invalid");
    await answerPoll(roomId, "p1", cloud.id, { text: "Trygghet!" });
    await answerPoll(roomId, "p2", cloud.id, { text: "  trygghet " });
    await answerPoll(roomId, "p3", cloud.id, { text: "Grønne   lunger" });
    expect(await pollResults(cloud.id)).toEqual({
      kind: "WORDCLOUD",
      total: 3,
      words: [
        { word: "trygghet", count: 2 },
        { word: "grønne lunger", count: 1 },
      ],
    });

    await answerPoll(roomId, "p1", open.id, { text: "Flere benker" });
    await answerPoll(roomId, "p2", open.id, { text: "Bedre lys" });
    expect(await pollResults(open.id)).toMatchObject({ kind: "OPEN_TEXT", total: 2 });
    expect((await pollResults(open.id) as { answers: string[] }).answers.sort()).toEqual(["Bedre lys", "Flere benker"]);
  });

  it("normaliseWord trims, lowercases, strips punctuation and collapses spaces", () => {
    expect(normaliseWord("  Ærlig,   TALT! ")).toBe("ærlig talt");
  });
});
