import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { LiveError } from "./errors.server";
import {
  answerPoll,
  createPoll,
  deletePoll,
  duplicatePoll,
  movePoll,
  myAnswers,
  normaliseWord,
  pollResults,
  setPollStatus,
  updatePoll,
  type NewPoll,
} from "./polls.server";
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

  it("reopens a closed poll with its answers kept", async () => {
    const roomId = await room();
    const poll = await createPoll(roomId, { title: "T", kind: "SINGLE", options: ["A", "B"] });
    expect((await setPollStatus(roomId, poll.id, "OPEN")).changed).toBe(true);
    expect((await setPollStatus(roomId, poll.id, "OPEN")).changed).toBe(false);
    await answerPoll(roomId, "p1", poll.id, { optionIds: [poll.options[0]!.id] });
    await setPollStatus(roomId, poll.id, "CLOSED");
    expect(await refusal(answerPoll(roomId, "p2", poll.id, { optionIds: [poll.options[1]!.id] }))).toBe("closed");
    const reopened = await setPollStatus(roomId, poll.id, "OPEN");
    expect(reopened).toMatchObject({ changed: true, poll: { status: "OPEN" } });
    await answerPoll(roomId, "p2", poll.id, { optionIds: [poll.options[1]!.id] });
    expect(await pollResults(poll.id)).toMatchObject({ total: 2, options: [{ count: 1 }, { count: 1 }] });
    const row = await db().poll.findUniqueOrThrow({ where: { id: poll.id } });
    expect(row.closedAt).toBeNull();
    expect(row.openedAt).not.toBeNull();
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

// ---- poll library
async function eventWithItems() {
  const event = await createEvent();
  const at = (h: number) => new Date(Date.UTC(2030, 0, 1, h));
  const item = await db().programmeItem.create({ data: { eventId: event.id, title: "Innledning", kind: "TALK", startsAt: at(17), endsAt: at(18) } });
  const other = await createEvent();
  const foreign = await db().programmeItem.create({ data: { eventId: other.id, title: "Annet", kind: "TALK", startsAt: at(17), endsAt: at(18) } });
  const [eventRoom] = await ensureRoomsForEvent(event.id);
  return { roomId: eventRoom!.id, item: item.id, foreign: foreign.id };
}

describe("the poll library", () => {
  it("creates drafts for a programme item of the event only", async () => {
    const { roomId, item, foreign } = await eventWithItems();
    const poll = await createPoll(roomId, { title: "Tema", kind: "SINGLE", options: ["A", "B"], programmeItemId: item });
    expect(poll).toMatchObject({ status: "DRAFT", programmeItemId: item });
    expect(await refusal(createPoll(roomId, { title: "Tema", kind: "SINGLE", options: ["A", "B"], programmeItemId: foreign }))).toBe("invalid");
    expect((await createPoll(roomId, { title: "Når som helst", kind: "OPEN_TEXT" })).programmeItemId).toBeNull();
  });

  it("edits a draft (options replaced), refuses once opened", async () => {
    const { roomId, item } = await eventWithItems();
    const poll = await createPoll(roomId, { title: "Tema", kind: "SINGLE", options: ["A", "B"] });
    const edited = await updatePoll(roomId, poll.id, { title: "Ranger temaene", kind: "RANKING", options: ["Skole", "Vei", "Park"], programmeItemId: item, resultsVisibility: "AFTER_CLOSE" });
    expect(edited).toMatchObject({ title: "Ranger temaene", kind: "RANKING", programmeItemId: item, resultsVisibility: "AFTER_CLOSE", status: "DRAFT" });
    expect(edited.options.map((o) => o.label)).toEqual(["Skole", "Vei", "Park"]);
    expect(await db().pollOption.count({ where: { pollId: poll.id } })).toBe(3);
    expect(await refusal(updatePoll(roomId, poll.id, { title: "X", kind: "SINGLE", options: ["A"] }))).toBe("invalid");
    await setPollStatus(roomId, poll.id, "OPEN");
    expect(await refusal(updatePoll(roomId, poll.id, { title: "Nytt", kind: "SINGLE", options: ["A", "B"] }))).toBe("conflict");
    expect((await db().poll.findUniqueOrThrow({ where: { id: poll.id } })).title).toBe("Ranger temaene");
    expect(await refusal(updatePoll(roomId, "nope", { title: "Nytt", kind: "OPEN_TEXT" }))).toBe("not-found");
  });

  it("duplicates any poll as a new draft without answers; deletes drafts and closed polls, not open ones", async () => {
    const { roomId, item } = await eventWithItems();
    const poll = await createPoll(roomId, { title: "Tema", kind: "MULTIPLE", options: ["A", "B", "C"], maxChoices: 2, programmeItemId: item });
    await setPollStatus(roomId, poll.id, "OPEN");
    await answerPoll(roomId, "p1", poll.id, { optionIds: [poll.options[0]!.id] });
    const copy = await duplicatePoll(roomId, poll.id);
    expect(copy).toMatchObject({ title: "Tema", kind: "MULTIPLE", maxChoices: 2, status: "DRAFT", programmeItemId: item });
    expect(copy.id).not.toBe(poll.id);
    expect(copy.options.map((o) => o.label)).toEqual(["A", "B", "C"]);
    expect(copy.options.map((o) => o.id)).not.toContain(poll.options[0]!.id);
    expect(await pollResults(copy.id)).toMatchObject({ total: 0 });

    expect(await refusal(deletePoll(roomId, poll.id))).toBe("conflict");
    await setPollStatus(roomId, poll.id, "CLOSED");
    await db().liveRoom.update({ where: { id: roomId }, data: { screenMode: "POLL", screenPollId: poll.id } });
    expect((await deletePoll(roomId, poll.id)).screenCleared).toBe(true);
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await db().liveRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ screenMode: "JOIN", screenPollId: null });
    expect((await deletePoll(roomId, copy.id)).screenCleared).toBe(false);
    expect(await refusal(deletePoll(roomId, copy.id))).toBe("not-found");
  });

  it("orders polls by position within a programme item", async () => {
    const { roomId, item } = await eventWithItems();
    const a = await createPoll(roomId, { title: "A", kind: "OPEN_TEXT", programmeItemId: item });
    const any = await createPoll(roomId, { title: "Når som helst", kind: "OPEN_TEXT" });
    const b = await createPoll(roomId, { title: "B", kind: "OPEN_TEXT", programmeItemId: item });
    expect(await movePoll(roomId, a.id, "up")).toBe(false);
    expect(await movePoll(roomId, b.id, "up")).toBe(true);
    const order = await db().poll.findMany({ where: { roomId }, orderBy: { position: "asc" }, select: { title: true } });
    expect(order.map((p) => p.title)).toEqual(["B", "Når som helst", "A"]);
    expect(await movePoll(roomId, any.id, "down")).toBe(false);
  });
});

describe("ranking polls", () => {
  it("takes 2–20 options", async () => {
    const roomId = await room();
    expect(await refusal(createPoll(roomId, { title: "R", kind: "RANKING", options: ["A"] }))).toBe("invalid");
    expect(await refusal(createPoll(roomId, { title: "R", kind: "RANKING", options: Array.from({ length: 21 }, (_, i) => `T${i}`) }))).toBe("invalid");
    expect((await createPoll(roomId, { title: "R", kind: "RANKING", options: Array.from({ length: 20 }, (_, i) => `T${i}`) })).options).toHaveLength(20);
  });

  it("an answer is the full order; results are average ranks by the database, ties by first places", async () => {
    const roomId = await room();
    const poll = await createPoll(roomId, { title: "Ranger", kind: "RANKING", options: ["Skole", "Vei", "Park"] });
    const [skole, vei, park] = poll.options.map((o) => o.id) as [string, string, string];
    await setPollStatus(roomId, poll.id, "OPEN");
    for (const bad of [[skole, vei], [skole, vei, vei], [skole, vei, park, skole], [skole, vei, "other"], []]) {
      expect(await refusal(answerPoll(roomId, "p1", poll.id, { optionIds: bad }))).toBe("invalid");
    }
    await answerPoll(roomId, "p1", poll.id, { optionIds: [park, skole, vei] });
    await answerPoll(roomId, "p1", poll.id, { optionIds: [skole, vei, park] }); // changed mind: replaces
    await answerPoll(roomId, "p2", poll.id, { optionIds: [vei, skole, park] });
    await answerPoll(roomId, "p3", poll.id, { optionIds: [skole, park, vei] });
    await answerPoll(roomId, "p4", poll.id, { optionIds: [vei, park, skole] });
    // skole 1,2,1,3 = 1.75 (2 firsts); vei 2,1,3,1 = 1.75 (2 firsts); park 3,3,2,2 = 2.5
    expect(await pollResults(poll.id)).toEqual({
      kind: "RANKING",
      total: 4,
      options: [
        { id: skole, label: "Skole", averageRank: 1.75, firsts: 2 },
        { id: vei, label: "Vei", averageRank: 1.75, firsts: 2 },
        { id: park, label: "Park", averageRank: 2.5, firsts: 0 },
      ],
    });
    expect(await db().pollAnswerChoice.count({ where: { pollId: poll.id } })).toBe(12);
    expect((await myAnswers([poll.id], "p4")).get(poll.id)?.optionIds).toEqual([vei, park, skole]);
    // A hidden answer (a blocked participant's) does not count.
    await db().pollAnswer.updateMany({ where: { pollId: poll.id, participantId: "p4" }, data: { status: "HIDDEN" } });
    expect(await pollResults(poll.id)).toMatchObject({
      total: 3,
      options: [
        { id: skole, averageRank: 1.33, firsts: 2 },
        { id: vei, averageRank: 2, firsts: 1 },
        { id: park, averageRank: 2.67, firsts: 0 },
      ],
    });
  });

  it("without answers every option has no average rank, in the poll's order", async () => {
    const roomId = await room();
    const poll = await createPoll(roomId, { title: "Ranger", kind: "RANKING", options: ["A", "B"] });
    expect(await pollResults(poll.id)).toEqual({
      kind: "RANKING",
      total: 0,
      options: poll.options.map((o) => ({ id: o.id, label: o.label, averageRank: null, firsts: 0 })),
    });
  });
});
