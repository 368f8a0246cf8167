// The after-session report against the test database (SQLite, and PostgreSQL with TEST_DB=postgres):
// figures per room, per programme item and for the whole event, counted by the database.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { answerPoll, createPoll, setPollStatus } from "./polls.server";
import { askQuestion, moderateQuestion, upvoteQuestion, withdrawQuestion } from "./questions.server";
import { createItemRoom, ensureRoomsForEvent } from "./rooms.server";
import { sessionReport } from "./session-report.server";

const HOUR = 3600_000;
const rate = { count: 100, windowMs: 60_000 };

async function eventWithProgramme() {
  const event = await createEvent({ title: "Dialogkveld – rapport" });
  const start = event.startsAt.getTime();
  const item = (title: string, h: number) =>
    db().programmeItem.create({ data: { eventId: event.id, title, kind: "TALK", startsAt: new Date(start + h * HOUR), endsAt: new Date(start + (h + 1) * HOUR) } });
  const first = await item("Innledning", 0);
  const second = await item("Spørsmål fra salen", 1);
  const rooms = await ensureRoomsForEvent(event.id);
  const eventRoom = rooms.find((r) => r.programmeItemId === null)!;
  // A separate room for the first item, as staff add for a parallel session (decision 014).
  const firstRoom = (await createItemRoom(event.id, first.id))!;
  return { event, first, second, eventRoom, firstRoom };
}

describe("session report", () => {
  it("counts questions by what happened to them, upvotes, active participants and poll participation, per room and item", async () => {
    const { event, first, second, eventRoom, firstRoom } = await eventWithProgramme();
    await db().liveRoom.update({ where: { id: eventRoom.id }, data: { peakParticipants: 8, peakAt: new Date("2026-12-03T18:15:00Z") } });
    await db().liveRoom.update({ where: { id: firstRoom.id }, data: { peakParticipants: 3 } });
    const ask = async (roomId: string, participant: string, text: string, programmeItemId: string | null = null) => {
      const q = await askQuestion(roomId, participant, { text }, rate);
      if (programmeItemId) await db().question.update({ where: { id: q.id }, data: { programmeItemId } });
      return q;
    };

    // The event's room: three questions in the first item, two in the second, one outside the programme.
    const shown = await ask(eventRoom.id, "p1", "Hvem har ansvaret?", first.id);
    const answered = await ask(eventRoom.id, "p2", "Når starter arbeidet?", first.id);
    const hidden = await ask(eventRoom.id, "p3", "Upassende", first.id);
    const withdrawn = await ask(eventRoom.id, "p1", "Glem det", second.id);
    const blockedAnswered = await ask(eventRoom.id, "p4", "Svar før blokkering", second.id);
    await ask(eventRoom.id, "p5", "Uten programpunkt");
    await moderateQuestion(eventRoom.id, answered.id, "answer");
    await moderateQuestion(eventRoom.id, hidden.id, "hide");
    await withdrawQuestion(eventRoom.id, "p1", withdrawn.id);
    await moderateQuestion(eventRoom.id, blockedAnswered.id, "answer");
    // A block hides an answered question but keeps what it was (it was shown and answered).
    await db().question.update({ where: { id: blockedAnswered.id }, data: { status: "HIDDEN", statusBeforeBlock: "ANSWERED" } });
    await db().liveRoom.update({ where: { id: eventRoom.id }, data: { preModeration: true } });
    await ask(eventRoom.id, "p6", "Venter", second.id);
    for (const voter of ["p1", "p7", "p8"]) await upvoteQuestion(eventRoom.id, voter, shown.id, true);
    await upvoteQuestion(eventRoom.id, "p7", answered.id, true);

    // Polls: a single choice in the first item answered by 4, a ranking in the second by 2, a draft that never counts.
    const single = await createPoll(eventRoom.id, { title: "Viktigst?", kind: "SINGLE", options: ["Skole", "Vei"] });
    await db().poll.update({ where: { id: single.id }, data: { programmeItemId: first.id } });
    await setPollStatus(eventRoom.id, single.id, "OPEN");
    for (const p of ["p1", "p2", "p9", "p10"]) await answerPoll(eventRoom.id, p, single.id, { optionIds: [single.options[0]!.id] });
    await setPollStatus(eventRoom.id, single.id, "CLOSED");
    const ranking = await db().poll.create({
      data: { roomId: eventRoom.id, title: "Rangér temaene", kind: "RANKING", status: "OPEN", programmeItemId: second.id, options: { create: [{ label: "A" }, { label: "B" }] } },
      include: { options: true },
    });
    for (const p of ["p2", "p11"]) {
      await db().pollAnswer.create({
        data: { pollId: ranking.id, participantId: p, choices: { create: ranking.options.map((o, i) => ({ optionId: o.id, pollId: ranking.id, rank: i + 1 })) } },
      });
    }
    await createPoll(eventRoom.id, { title: "Utkast", kind: "WORDCLOUD" });

    // The first item's own room: one question (no item on it: it is the room's item) and one upvote.
    const own = await ask(firstRoom.id, "p1", "I rommet til innledningen");
    await upvoteQuestion(firstRoom.id, "p12", own.id, true);

    const report = (await sessionReport(event.id))!;
    const room = report.rooms.find((r) => r.id === eventRoom.id)!;
    expect(room).toMatchObject({
      code: eventRoom.code,
      peakParticipants: 8,
      peakAt: new Date("2026-12-03T18:15:00Z"),
      // p1–p11 asked, upvoted or answered in this room
      activeParticipants: 11,
      questions: { asked: 7, approved: 4, answered: 2, hiddenOrWithdrawn: 3, pending: 1, upvotes: 4 },
    });
    expect(room.polls).toEqual([
      { id: single.id, title: "Viktigst?", kind: "SINGLE", status: "CLOSED", programmeItemId: first.id, answered: 4, shareOfPeak: 50 },
      { id: ranking.id, title: "Rangér temaene", kind: "RANKING", status: "OPEN", programmeItemId: second.id, answered: 2, shareOfPeak: 25 },
    ]);
    expect(room.items).toEqual([
      { programmeItemId: first.id, title: "Innledning", questions: { asked: 3, approved: 2, answered: 1, hiddenOrWithdrawn: 1, pending: 0, upvotes: 4 }, polls: 1, pollAnswers: 4 },
      { programmeItemId: second.id, title: "Spørsmål fra salen", questions: { asked: 3, approved: 1, answered: 1, hiddenOrWithdrawn: 2, pending: 1, upvotes: 0 }, polls: 1, pollAnswers: 2 },
      { programmeItemId: null, title: null, questions: { asked: 1, approved: 1, answered: 0, hiddenOrWithdrawn: 0, pending: 0, upvotes: 0 }, polls: 0, pollAnswers: 0 },
    ]);

    const itemRoom = report.rooms.find((r) => r.id === firstRoom.id)!;
    expect(itemRoom).toMatchObject({ peakParticipants: 3, activeParticipants: 2, questions: { asked: 1, approved: 1, upvotes: 1 }, polls: [], items: [] });

    // The whole event: the largest room peak, participants active anywhere counted once (p1 is in both rooms).
    expect(report.event).toMatchObject({
      peakParticipants: 8,
      activeParticipants: 12,
      questions: { asked: 8, approved: 5, answered: 2, hiddenOrWithdrawn: 3, pending: 1, upvotes: 5 },
      polls: 2,
      pollAnswers: 6,
    });

    // One room by its code.
    const one = (await sessionReport(event.id, firstRoom.code))!;
    expect(one.rooms.map((r) => r.code)).toEqual([firstRoom.code]);
    expect(one.event.activeParticipants).toBe(2);
  });

  it("an event without activity reports zeros, and a share of the peak only once a peak is known", async () => {
    const { event, eventRoom } = await eventWithProgramme();
    const poll = await createPoll(eventRoom.id, { title: "Tidlig", kind: "SINGLE", options: ["Ja", "Nei"] });
    await setPollStatus(eventRoom.id, poll.id, "OPEN");
    await answerPoll(eventRoom.id, "p1", poll.id, { optionIds: [poll.options[0]!.id] });
    const report = (await sessionReport(event.id))!;
    const room = report.rooms.find((r) => r.id === eventRoom.id)!;
    expect(room.peakParticipants).toBe(0);
    expect(room.peakAt).toBeNull();
    expect(room.polls[0]).toMatchObject({ answered: 1, shareOfPeak: null });
    expect(report.rooms.filter((r) => r.id !== eventRoom.id).every((r) => r.activeParticipants === 0 && r.questions.asked === 0)).toBe(true);
    expect(await sessionReport("no-such-event")).toBeNull();
  });
});
