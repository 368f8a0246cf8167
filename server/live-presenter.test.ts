// The presenter role over a real http server + Socket.IO with real clients and the test database
// (SQLite, and PostgreSQL with TEST_DB=postgres): who may join as presenter (the speaker's key or
// a moderator's staff session), what the presenter sees (only what the hall sees of questions,
// poll results whatever their visibility), the one thing it may do (mark a question answered),
// the refusals of everything else, the revoked key, and the participants at peak.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import type { PollView, QuestionView, RoomState } from "~/modules/live/protocol";
import { createSpeakerKey } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { call, collect, cookieFor, FLUSH_MS, newRoom, next, ok, sleep, useLiveServer } from "../test/live-harness";

const PEAK_WRITE_MS = 100;
const { audience, moderator, connect } = useLiveServer({ questionRateLimit: { count: 10, windowMs: 60_000 }, noErrorsAfterEach: true, live: { peakWriteMs: PEAK_WRITE_MS } });

async function speakerPresenter(code: string, key: string) {
  const client = await connect(await cookieFor());
  const state = await ok(call<RoomState>(client, "room:join", { code, as: "presenter", speakerKey: key }));
  return { client, state };
}

async function staffCookie(role: string) {
  const staff = await db().staffUser.create({ data: { email: `p-${randomBytes(4).toString("hex")}@samhandling.test`, name: "Pia Presenter", role } });
  return (await createStaffSession(staff.id, "test")).split(";")[0]!;
}

describe("joining as presenter", () => {
  it("needs the speaker's key or a moderator's staff session; anyone else is refused", async () => {
    const room = await newRoom();
    const key = await createSpeakerKey(room.id);

    const nobody = await connect(await cookieFor());
    expect(await call(nobody, "room:join", { code: room.code, as: "presenter" })).toMatchObject({ ok: false, code: "forbidden", key: "live:error.noModeratorAccess" });
    expect(await call(nobody, "room:join", { code: room.code, as: "presenter", speakerKey: "wrong" })).toMatchObject({ ok: false, code: "forbidden" });

    const speaker = await speakerPresenter(room.code, key);
    expect(speaker.state.role).toBe("presenter");
    const staff = await connect(`${await staffCookie("MODERATOR")}; ${await cookieFor()}`);
    const staffState = await ok(call<RoomState>(staff, "room:join", { code: room.code, as: "presenter" }));
    expect(staffState.role).toBe("presenter");
    expect(staffState.moderation).toBeUndefined();
  });

  it("sees what the hall sees of questions (never a pending or hidden text) and every poll's results", async () => {
    const room = await newRoom({ preModeration: true });
    const key = await createSpeakerKey(room.id);
    const mod = await moderator(room.code);
    const asker = await audience(room.code);
    const shown = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Når blir veien trygg?" }));
    const pending = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Ikke godkjent ennå" }));
    await ok(call(mod.client, "mod:question", { questionId: shown.id, action: "approve" }));
    const secret = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Skjult til slutt", kind: "SINGLE", options: ["Ja", "Nei"], resultsVisibility: "AFTER_CLOSE" }));
    await ok(call(mod.client, "mod:poll:state", { pollId: secret.id, status: "OPEN" }));

    const presenter = await speakerPresenter(room.code, key);
    expect(presenter.state.questions.map((q) => q.text)).toEqual(["Når blir veien trygg?"]);
    expect(JSON.stringify(presenter.state)).not.toContain("Ikke godkjent");
    expect(presenter.state.polls[0]!.results).toMatchObject({ kind: "SINGLE", total: 0 });

    // A new pending question never reaches the presenter; the approved one does, with its text.
    const heard = collect(presenter.client, "question:changed");
    await ok(call(asker.client, "question:ask", { text: "Enda en som venter" }));
    const approved = next(presenter.client, "question:changed", (q) => q.id === pending.id);
    await ok(call(mod.client, "mod:question", { questionId: pending.id, action: "approve" }));
    expect((await approved)[0]).toMatchObject({ status: "APPROVED", text: "Ikke godkjent ennå" });
    expect(heard.map(([q]) => q.text)).not.toContain("Enda en som venter");

    // Results of a poll the hall sees only after closing reach the presenter live; the audience hears nothing.
    const audienceResults = collect(asker.client, "poll:results");
    const results = next(presenter.client, "poll:results", (r) => r.pollId === secret.id && r.results.total === 1);
    const voter = await audience(room.code);
    const yes = secret.options[0]!.id;
    await ok(call(voter.client, "poll:answer", { pollId: secret.id, optionIds: [yes] }));
    expect((await results)[0].results).toMatchObject({ total: 1, options: [{ id: yes, count: 1 }, { count: 0 }] });
    await sleep(FLUSH_MS * 2);
    expect(audienceResults).toEqual([]);
  });
});

describe("what a presenter may do", () => {
  it("marks a visible question answered (the hall hears it, the audit log names the speaker link); nothing else", async () => {
    const room = await newRoom();
    const key = await createSpeakerKey(room.id);
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Hva koster det?" }));
    const presenter = await speakerPresenter(room.code, key);

    const answered = next(asker.client, "question:changed", (x) => x.id === q.id && x.status === "ANSWERED");
    expect(await ok(call<QuestionView>(presenter.client, "mod:question", { questionId: q.id, action: "answer" }))).toMatchObject({ id: q.id, status: "ANSWERED" });
    await answered;
    const entry = await db().auditLog.findFirst({ where: { action: "live.question.answer", targetId: q.id } });
    expect(entry?.actorEmail).toBe("speaker-link");

    const other = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Og når?" }));
    const refused = { ok: false, code: "forbidden", key: "live:error.presenterAnswerOnly" };
    for (const action of ["approve", "hide", "screen", "unscreen", "pin", "unpin"]) {
      expect(await call(presenter.client, "mod:question", { questionId: other.id, action })).toMatchObject(refused);
    }
    expect(await call(presenter.client, "mod:poll:create", { title: "Nei", kind: "SINGLE", options: ["A", "B"] })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:screen", { mode: "PAUSE" })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:room", { status: "CLOSED" })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:block", { questionId: other.id })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:poll:state", { pollId: "x", status: "OPEN" })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:answer", { answerId: "x", action: "approve" })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:word", { pollId: "x", word: "ord", hidden: true })).toMatchObject(refused);
    expect(await call(presenter.client, "mod:unblock", { blockId: "x" })).toMatchObject(refused);
    // The sentence comes in the connection's language too.
    expect(((await call(presenter.client, "mod:screen", { mode: "TOP" })) as { message: string }).message).toBe("Foredragsholdervisningen kan bare merke spørsmål som besvart.");

    const after = await db().question.findUniqueOrThrow({ where: { id: other.id } });
    expect(after).toMatchObject({ status: "APPROVED", pinned: false });
    expect(await db().liveBlock.count({ where: { roomId: room.id } })).toBe(0);
    expect(await db().poll.count({ where: { roomId: room.id } })).toBe(0);
    expect((await db().liveRoom.findUniqueOrThrow({ where: { id: room.id } })).status).toBe("OPEN");
  });

  it("cannot answer a question the hall does not see (pending), so it never learns of it", async () => {
    const room = await newRoom({ preModeration: true });
    const key = await createSpeakerKey(room.id);
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Venter på moderator" }));
    const presenter = await speakerPresenter(room.code, key);
    expect(await call(presenter.client, "mod:question", { questionId: q.id, action: "answer" })).toMatchObject({ ok: false, code: "not-found" });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("PENDING");
  });

  it("a new speaker key cuts the presenter that joined with the old one, and the old key no longer joins", async () => {
    const room = await newRoom();
    const key = await createSpeakerKey(room.id);
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Rekker du dette?" }));
    const presenter = await speakerPresenter(room.code, key);
    const gone = new Promise<void>((resolve) => presenter.client.once("disconnect", () => resolve()));
    await createSpeakerKey(room.id);
    await gone;

    const again = await connect(await cookieFor());
    expect(await call(again, "room:join", { code: room.code, as: "presenter", speakerKey: key })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("APPROVED");
  });

  it("a key changed behind the live channel's back (no hook) is caught by the re-check on the next event", async () => {
    const room = await newRoom();
    const key = await createSpeakerKey(room.id);
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Gjelder nøkkelen fortsatt?" }));
    const presenter = await speakerPresenter(room.code, key);
    await db().liveRoom.update({ where: { id: room.id }, data: { speakerKeyHash: "changed-elsewhere" } });
    await sleep(2100); // past the re-check interval
    expect(await call(presenter.client, "mod:question", { questionId: q.id, action: "answer" })).toMatchObject({ ok: false, code: "forbidden", key: "live:error.moderatorsOnly" });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("APPROVED");
  });
});

describe("participants at peak", () => {
  const peakOf = async (roomId: string) => db().liveRoom.findUniqueOrThrow({ where: { id: roomId }, select: { peakParticipants: true, peakAt: true } });
  /** The peak once the timer wrote it (polled, so a busy machine does not make it flaky). */
  async function peakReaches(roomId: string, n: number) {
    for (let waited = 0; waited < 10_000; waited += PEAK_WRITE_MS) {
      const peak = await peakOf(roomId);
      if (peak.peakParticipants >= n) return peak;
      await sleep(PEAK_WRITE_MS);
    }
    return peakOf(roomId);
  }

  it("counts distinct audience participants on this node and keeps the maximum in the database", async () => {
    const room = await newRoom();
    const key = await createSpeakerKey(room.id);
    await moderator(room.code);
    await speakerPresenter(room.code, key);
    const phones = [await audience(room.code), await audience(room.code), await audience(room.code)];
    // The same phone in a second tab counts once.
    await audience(room.code, { participantId: phones[0]!.participantId });
    const first = await peakReaches(room.id, 3);
    expect(first.peakParticipants).toBe(3);
    expect(first.peakAt).toBeInstanceOf(Date);

    // Leaving does not lower the peak; coming back to fewer does not either.
    for (const p of phones) p.client.disconnect();
    await sleep(PEAK_WRITE_MS * 3);
    await audience(room.code);
    await sleep(PEAK_WRITE_MS * 4);
    expect(await peakOf(room.id)).toEqual(first);

    // A larger peak written elsewhere (another node) is never overwritten by a smaller one.
    await db().liveRoom.update({ where: { id: room.id }, data: { peakParticipants: 10 } });
    await audience(room.code);
    await audience(room.code);
    await sleep(PEAK_WRITE_MS * 4);
    expect((await peakOf(room.id)).peakParticipants).toBe(10);
  });
});
