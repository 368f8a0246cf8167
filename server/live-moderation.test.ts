// Moderated answers and blocked participants over a real http server + Socket.IO with real clients
// and the test database (SQLite, and PostgreSQL with TEST_DB=postgres): held word-cloud and
// open-text answers, hiding one answer or one word, blocking and unblocking a participant, the
// refusals for participants and for blocked participants, results that count only what is shown,
// the audit log, and room settings from the staff page reaching open sockets.
import { describe, expect, it } from "vitest";
import { updateRoomSettings } from "~/modules/live/live-admin.server";
import { pollsCsv } from "~/modules/live/live-export.server";
import type { AnswerView, BlockView, PollResults, PollView, QuestionView, RoomState } from "~/modules/live/protocol";
import { saveOrgSettings } from "~/modules/settings/settings.server";
import { settingsSchema } from "~/modules/settings/settings.schema";
import { db } from "~/utils/db.server";
import { call, type Client, collect, FLUSH_MS, langCookie as lang, newRoom, next, ok, sleep, useLiveServer } from "../test/live-harness";

const { audience, moderator, screen } = useLiveServer({ questionRateLimit: { count: 5, windowMs: 60_000 }, noErrorsAfterEach: true });

async function openPoll(mod: Client, payload: Record<string, unknown>) {
  const poll = await ok(call<PollView>(mod, "mod:poll:create", payload));
  return ok(call<PollView>(mod, "mod:poll:state", { pollId: poll.id, status: "OPEN" }));
}

const words = (r: PollResults) => (r.kind === "WORDCLOUD" ? r.words.map((w) => `${w.word}:${w.count}`) : []);
const texts = (r: PollResults) => (r.kind === "OPEN_TEXT" ? r.answers : []);

describe("held answers", () => {
  it("a swear word in a word cloud is held: not counted for anyone, the moderator approves or rejects it", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await openPoll(mod.client, { title: "Ett ord om kvelden", kind: "WORDCLOUD" });
    const writer = await audience(room.code);
    const other = await audience(room.code);
    const { client: projector } = await screen(room.code);
    const otherResults = collect(other.client, "poll:results");
    const projectorResults = collect(projector, "poll:results");

    const heldSeen = next(mod.client, "answer:changed", (a) => a.status === "HELD");
    expect(await ok(call(writer.client, "poll:answer", { pollId: poll.id, text: "Faen" }))).toEqual({ pollId: poll.id, held: true });
    const [held] = await heldSeen;
    expect(held).toMatchObject({ pollId: poll.id, text: "faen", status: "HELD", blocked: false });
    const seen1 = next(other.client, "poll:results", (r) => r.results.total === 1);
    expect(await ok(call(other.client, "poll:answer", { pollId: poll.id, text: "Fellesskap" }))).toEqual({ pollId: poll.id });
    await seen1;
    await sleep(FLUSH_MS * 2);
    for (const [{ results }] of [...otherResults, ...projectorResults]) expect(words(results)).not.toContain("faen:1");
    // Nor in a fresh snapshot, for the audience or the projector.
    const again = await ok(call<RoomState>(other.client, "room:join", { code: room.code }));
    expect(words(again.polls[0]!.results!)).toEqual(["fellesskap:1"]);
    // The moderator's snapshot lists it as waiting.
    const modState = await ok(call<RoomState>(mod.client, "room:join", { code: room.code, as: "moderator" }));
    expect(modState.moderation!.answers.filter((a) => a.status === "HELD").map((a) => a.id)).toEqual([held.id]);

    // Participants may not moderate.
    expect(await call(other.client, "mod:answer", { answerId: held.id, action: "approve" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(projector, "mod:answer", { answerId: held.id, action: "approve" })).toMatchObject({ ok: false, code: "forbidden" });

    const rejected = await ok(call<AnswerView>(mod.client, "mod:answer", { answerId: held.id, action: "reject" }));
    expect(rejected.status).toBe("HIDDEN");
    // A held answer can be rejected once; approving a rejected one is a conflict, not a silent change.
    expect(await call(mod.client, "mod:answer", { answerId: held.id, action: "approve" })).toMatchObject({ ok: false, code: "conflict" });
    const shown = next(other.client, "poll:results", (r) => words(r.results).includes("faen:1"));
    await ok(call(mod.client, "mod:answer", { answerId: held.id, action: "unhide" }));
    expect(words((await shown)[0].results)).toEqual(["faen:1", "fellesskap:1"]);
    expect(await db().pollAnswer.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "SHOWN" });
  });

  it("open-text answers go through the filter too, with the organisation's own words", async () => {
    await saveOrgSettings(settingsSchema.parse({ liveFilterWords: "tullebukk\nsnørr*" }), { id: null, email: "test" });
    try {
      const room = await newRoom();
      const mod = await moderator(room.code);
      const poll = await openPoll(mod.client, { title: "Hva vil du si til formannskapet?", kind: "OPEN_TEXT" });
      const writer = await audience(room.code);
      expect(await ok(call(writer.client, "poll:answer", { pollId: poll.id, text: "Dere er noen snørrvalper" }))).toMatchObject({ held: true });
      expect(await ok(call(writer.client, "poll:answer", { pollId: poll.id, text: "Takk for et fint møte" }))).toEqual({ pollId: poll.id });
      // The changed answer replaced the held one and is shown.
      const state = await ok(call<RoomState>(writer.client, "room:join", { code: room.code }));
      expect(texts(state.polls[0]!.results!)).toEqual(["Takk for et fint møte"]);
      expect(await ok(call(writer.client, "poll:answer", { pollId: poll.id, text: "TULLEBUKK" }))).toMatchObject({ held: true });
      const after = await ok(call<RoomState>(writer.client, "room:join", { code: room.code }));
      expect(after.polls[0]!.results).toEqual({ kind: "OPEN_TEXT", total: 0, answers: [] });
    } finally {
      await saveOrgSettings(settingsSchema.parse({}), { id: null, email: "test" });
    }
  });
});

describe("hiding answers and words", () => {
  it("a hidden open-text answer leaves every screen at once and is left out of the CSV; unhide brings it back", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await openPoll(mod.client, { title: "Innspill", kind: "OPEN_TEXT" });
    const a = await audience(room.code);
    const b = await audience(room.code);
    const { client: projector } = await screen(room.code);
    const answerSeen = next(mod.client, "answer:changed", (x) => x.text === "Mer lys i parken");
    const bothCounted = next(b.client, "poll:results", (r) => r.results.total === 2);
    await ok(call(a.client, "poll:answer", { pollId: poll.id, text: "Mer lys i parken" }));
    await ok(call(b.client, "poll:answer", { pollId: poll.id, text: "Flere benker" }));
    const [answer] = await answerSeen;
    await bothCounted;

    const onPhone = next(b.client, "poll:results", (r) => r.results.total === 1);
    const onScreen = next(projector, "poll:results", (r) => r.results.total === 1);
    const hidden = await ok(call<AnswerView>(mod.client, "mod:answer", { answerId: answer.id, action: "hide" }));
    expect(hidden.status).toBe("HIDDEN");
    expect(texts((await onPhone)[0].results)).toEqual(["Flere benker"]);
    expect(texts((await onScreen)[0].results)).toEqual(["Flere benker"]);
    const csv = await pollsCsv(room.eventId, room.code);
    expect(csv).toContain("Flere benker");
    expect(csv).not.toContain("Mer lys i parken");

    expect(await call(a.client, "mod:answer", { answerId: answer.id, action: "unhide" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(mod.client, "mod:answer", { answerId: "nope", action: "hide" })).toMatchObject({ ok: false, code: "not-found", key: "live:error.notFound.answer" });
    const back = next(b.client, "poll:results", (r) => r.results.total === 2);
    await ok(call(mod.client, "mod:answer", { answerId: answer.id, action: "unhide" }));
    expect(texts((await back)[0].results).sort()).toEqual(["Flere benker", "Mer lys i parken"]);
  });

  it("hiding a word hides every answer with that normalised word, and only in word clouds", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await openPoll(mod.client, { title: "Ett ord", kind: "WORDCLOUD" });
    const phones = await Promise.all([audience(room.code), audience(room.code), audience(room.code)]);
    await ok(call(phones[0]!.client, "poll:answer", { pollId: poll.id, text: "Pizza" }));
    await ok(call(phones[1]!.client, "poll:answer", { pollId: poll.id, text: "pizza!" }));
    const three = next(phones[2]!.client, "poll:results", (r) => r.results.total === 3);
    await ok(call(phones[2]!.client, "poll:answer", { pollId: poll.id, text: "Taco" }));
    await three;

    const gone = next(phones[0]!.client, "poll:results", (r) => r.results.total === 1);
    const result = await ok(call<{ word: string; hidden: boolean; answers: AnswerView[] }>(mod.client, "mod:word", { pollId: poll.id, word: "PIZZA", hidden: true }));
    expect(result.word).toBe("pizza");
    expect(result.answers.map((x) => x.status)).toEqual(["HIDDEN", "HIDDEN"]);
    expect(words((await gone)[0].results)).toEqual(["taco:1"]);
    expect(await call(phones[0]!.client, "mod:word", { pollId: poll.id, word: "taco", hidden: true })).toMatchObject({ ok: false, code: "forbidden" });

    // The word stays hidden for answers that arrive later: stored, counted nowhere, shown to moderators as hidden.
    const late = await audience(room.code);
    const lateSeen = next(mod.client, "answer:changed", (a) => a.text === "pizza");
    await ok(call(late.client, "poll:answer", { pollId: poll.id, text: "PIZZA." }));
    expect((await lateSeen)[0].status).toBe("HIDDEN");
    const twoTacos = next(mod.client, "poll:results", (r) => r.results.total === 2);
    await ok(call(late.client, "poll:answer", { pollId: poll.id, text: "Taco" }));
    expect(words((await twoTacos)[0].results)).toEqual(["taco:2"]);
    const backToOne = next(mod.client, "poll:results", (r) => r.results.total === 1);
    await ok(call(late.client, "poll:answer", { pollId: poll.id, text: "pizza" }));
    expect(words((await backToOne)[0].results)).toEqual(["taco:1"]);

    const text = await openPoll(mod.client, { title: "Fritt", kind: "OPEN_TEXT" });
    expect(await call(mod.client, "mod:word", { pollId: text.id, word: "x", hidden: true })).toMatchObject({ ok: false, code: "invalid", key: "live:error.wordCloudOnly" });

    // Shown again: the two early ones and the late one.
    const back = next(phones[0]!.client, "poll:results", (r) => r.results.total === 4);
    await ok(call(mod.client, "mod:word", { pollId: poll.id, word: "pizza", hidden: false }));
    expect(words((await back)[0].results)).toEqual(["pizza:3", "taco:1"]);
    expect(await db().auditLog.count({ where: { action: { in: ["live.word.hide", "live.word.unhide"] }, targetId: poll.id } })).toBe(2);
  });
});

describe("blocking a participant", () => {
  it("their questions and answers leave every screen; what they send later is refused in their language; unblocking restores it", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await openPoll(mod.client, { title: "Hvor?", kind: "SINGLE", options: ["Nord", "Sør"] });
    const troll = await audience(room.code, { cookie: lang("en") });
    const other = await audience(room.code);
    const { client: projector } = await screen(room.code);
    const question = await ok(call<QuestionView>(troll.client, "question:ask", { text: "Hvorfor er dere så treige?" }));
    const otherQuestion = await ok(call<QuestionView>(other.client, "question:ask", { text: "Når kommer bussen?" }));
    await ok(call(mod.client, "mod:question", { questionId: question.id, action: "screen" }));
    await ok(call(troll.client, "poll:answer", { pollId: poll.id, optionIds: [poll.options[0]!.id] }));
    const seen2 = next(other.client, "poll:results", (r) => r.results.total === 2);
    await ok(call(other.client, "poll:answer", { pollId: poll.id, optionIds: [poll.options[1]!.id] }));
    await seen2;

    // Participants may not block or unblock.
    expect(await call(other.client, "mod:block", { questionId: question.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(mod.client, "mod:block", {})).toMatchObject({ ok: false, code: "invalid" });

    const leavesPhone = next(other.client, "question:changed", (q) => q.id === question.id && q.status === "HIDDEN");
    const leavesScreen = next(projector, "question:changed", (q) => q.id === question.id && q.status === "HIDDEN");
    const offScreen = next(projector, "room:changed", (r) => r.onScreenQuestionId === null);
    const recount = next(projector, "poll:results", (r) => r.results.total === 1);
    const modHears = next(mod.client, "block:changed", (b) => b.active);
    const block = await ok(call<BlockView>(mod.client, "mod:block", { questionId: question.id }));
    expect(block.label).toBe("Hvorfor er dere så treige?");
    expect((await leavesPhone)[0].text).toBe("");
    await leavesScreen;
    await offScreen;
    expect((await recount)[0].results).toMatchObject({ total: 1, options: [{ count: 0 }, { count: 1 }] });
    expect((await modHears)[0]).toMatchObject({ id: block.id, active: true });
    const snapshot = await ok(call<RoomState>(other.client, "room:join", { code: room.code }));
    expect(snapshot.questions.map((q) => q.id)).toEqual([otherQuestion.id]);

    // Everything they send now is refused, with the sentence in the connection's language.
    const blocked = { ok: false, code: "blocked", key: "live:error.blocked", message: "A moderator has blocked you in this room. You cannot send questions, answers or votes here." };
    expect(await call(troll.client, "question:ask", { text: "Nytt forsøk" })).toEqual(blocked);
    expect(await call(troll.client, "question:upvote", { questionId: otherQuestion.id, up: true })).toEqual(blocked);
    expect(await call(troll.client, "poll:answer", { pollId: poll.id, optionIds: [poll.options[1]!.id] })).toEqual(blocked);
    expect(await call(troll.client, "question:edit", { questionId: question.id, text: "Endret" })).toEqual(blocked);
    expect(await db().question.count({ where: { roomId: room.id, participantId: troll.participantId } })).toBe(1);
    // One block per participant per room, enforced by the database's unique constraint.
    expect(await call(mod.client, "mod:block", { questionId: question.id })).toMatchObject({ ok: false, code: "conflict", key: "live:error.alreadyBlocked" });
    expect(await db().liveBlock.count({ where: { roomId: room.id } })).toBe(1);
    // A blocked participant's hidden answer cannot be shown one by one.
    const modState = await ok(call<RoomState>(mod.client, "room:join", { code: room.code, as: "moderator" }));
    expect(modState.moderation!.blocks).toEqual([block]);

    expect(await call(other.client, "mod:unblock", { blockId: block.id })).toMatchObject({ ok: false, code: "forbidden" });
    const returns = next(other.client, "question:changed", (q) => q.id === question.id && q.status === "APPROVED");
    const recountBack = next(projector, "poll:results", (r) => r.results.total === 2);
    await ok(call(mod.client, "mod:unblock", { blockId: block.id }));
    expect((await returns)[0].text).toBe("Hvorfor er dere så treige?");
    await recountBack;
    expect(await call(mod.client, "mod:unblock", { blockId: block.id })).toMatchObject({ ok: false, code: "not-found" });
    expect(await ok(call(troll.client, "question:upvote", { questionId: otherQuestion.id, up: true }))).toMatchObject({ upvotes: 1 });

    const actions = (await db().auditLog.findMany({ where: { actorId: mod.staff.id }, orderBy: { at: "asc" }, select: { action: true } })).map((r) => r.action);
    expect(actions).toEqual(["live.poll.create", "live.poll.open", "live.question.screen", "live.participant.block", "live.participant.unblock"]);
  });

  it("blocking through a word-cloud answer hides it with the rest; its answer stays hidden until unblocked", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await openPoll(mod.client, { title: "Ett ord", kind: "WORDCLOUD" });
    const troll = await audience(room.code);
    const answerSeen = next(mod.client, "answer:changed");
    await ok(call(troll.client, "poll:answer", { pollId: poll.id, text: "kjedelig" }));
    const [answer] = await answerSeen;
    const blockedAnswer = next(mod.client, "answer:changed", (a) => a.id === answer.id && a.blocked);
    const block = await ok(call<BlockView>(mod.client, "mod:block", { answerId: answer.id }));
    expect((await blockedAnswer)[0].status).toBe("HIDDEN");
    expect(await call(mod.client, "mod:answer", { answerId: answer.id, action: "unhide" })).toMatchObject({ ok: false, code: "conflict", key: "live:error.unblockFirst" });
    await ok(call(mod.client, "mod:unblock", { blockId: block.id }));
    expect(await db().pollAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ status: "SHOWN", statusBeforeBlock: null });
  });
});

describe("audit and room settings", () => {
  it("moderator actions on questions, polls and the room are audited", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Kommer det fortau?" }));
    await ok(call(mod.client, "mod:question", { questionId: q.id, action: "answer" }));
    await ok(call(mod.client, "mod:room", { preModeration: true }));
    const entries = await db().auditLog.findMany({ where: { actorId: mod.staff.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["live.question.answer", "live.room.update"]);
    expect(entries[0]!.actorEmail).toBe(mod.staff.email);
    expect(entries[0]!.summary).toContain("Kommer det fortau?");
  });

  it("room settings saved on the staff page reach open sockets at once, audited", async () => {
    const room = await newRoom();
    const phone = await audience(room.code);
    const mod = await moderator(room.code);
    const onPhone = next(phone.client, "room:changed", (r) => r.preModeration && r.status === "CLOSED");
    const onMod = next(mod.client, "room:changed", (r) => r.preModeration);
    const outcome = await updateRoomSettings(room.eventId, room.id, { preModeration: true, allowAnonymous: true, status: "CLOSED" }, { id: null, email: "organiser@samhandling.test" });
    expect(outcome?.fields.sort()).toEqual(["preModeration", "status"]);
    await onPhone;
    await onMod;
    expect(await call(phone.client, "question:ask", { text: "Er rommet stengt?" })).toMatchObject({ ok: false, code: "closed" });
    expect(await db().auditLog.count({ where: { action: "live.room.update", targetId: room.id, actorEmail: "organiser@samhandling.test" } })).toBe(1);
    // Another event's room is not this event's to change.
    expect(await updateRoomSettings("other-event", room.id, { preModeration: false, allowAnonymous: true, status: "OPEN" }, { id: null, email: "x" })).toBeNull();
  });
});
