// Present mode over a real http server + Socket.IO: the moderator's `mod:screen` event sets what
// the projector and the stream overlay show; everyone in the room hears it, a reloaded projector
// gets it in its snapshot, and participants and the projector itself are refused.
import { describe, expect, it } from "vitest";
import type { PollView, RoomState } from "~/modules/live/protocol";
import { db } from "~/utils/db.server";
import { call, cookieFor, newRoom, next, ok, useLiveServer } from "../test/live-harness";

const { connect, audience, moderator, screen } = useLiveServer();

type RoomView = RoomState["room"];
const storedScreen = async (roomId: string) =>
  db().liveRoom.findUniqueOrThrow({ where: { id: roomId }, select: { screenMode: true, screenPollId: true, onScreenQuestionId: true } });

describe("mod:screen", () => {
  it("a new room shows the join slide; the moderator's choice reaches everyone and survives a reload", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const phone = await audience(room.code);
    const projector = await screen(room.code);
    expect(projector.state.room).toMatchObject({ screenMode: "JOIN", screenPollId: null });

    const phoneHears = next(phone.client, "room:changed", (r) => r.screenMode === "TOP");
    const projectorHears = next(projector.client, "room:changed", (r) => r.screenMode === "TOP");
    const answer = await ok(call<RoomView>(mod.client, "mod:screen", { mode: "TOP" }));
    expect(answer.screenMode).toBe("TOP");
    await Promise.all([phoneHears, projectorHears]);

    await ok(call<RoomView>(mod.client, "mod:screen", { mode: "PAUSE" }));
    expect((await storedScreen(room.id)).screenMode).toBe("PAUSE");
    const reloaded = await screen(room.code);
    expect(reloaded.state.room.screenMode).toBe("PAUSE");

    // Each choice is in the audit log, with what was shown.
    const entries = await db().auditLog.findMany({ where: { action: "live.screen", targetId: room.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(entries.map((e) => JSON.parse(e.details ?? "{}").mode)).toEqual(["TOP", "PAUSE"]);
    expect(entries[0]!.summary).toContain("de mest populære spørsmålene");
  });

  it("participants and the projector itself are refused, and nothing changes", async () => {
    const room = await newRoom();
    const phone = await audience(room.code);
    const projector = await screen(room.code);
    for (const client of [phone.client, projector.client]) {
      expect(await call(client, "mod:screen", { mode: "PAUSE" })).toMatchObject({ ok: false, code: "forbidden", key: "live:error.moderatorsOnly" });
    }
    const stranger = await connect(await cookieFor());
    expect(await call(stranger, "mod:screen", { mode: "PAUSE" })).toMatchObject({ ok: false, code: "not-joined" });
    expect((await storedScreen(room.id)).screenMode).toBe("JOIN");
    expect(await db().auditLog.count({ where: { action: "live.screen", targetId: room.id } })).toBe(0);
  });

  it("validates the payload: unknown modes, foreign or draft polls, a word cloud that is not one, questions not published", async () => {
    const room = await newRoom();
    const other = await newRoom();
    const mod = await moderator(room.code);
    const otherMod = await moderator(other.code);
    expect(await call(mod.client, "mod:screen", { mode: "DANCE" })).toMatchObject({ ok: false, code: "invalid", values: { field: "mode" } });
    expect(await call(mod.client, "mod:screen", {})).toMatchObject({ ok: false, code: "invalid" });
    expect(await call(mod.client, "mod:screen", { mode: "POLL" })).toMatchObject({ ok: false, code: "conflict", key: "live:error.noPollForScreen" });
    expect(await call(mod.client, "mod:screen", { mode: "QUESTION" })).toMatchObject({ ok: false, code: "conflict", key: "live:error.noQuestionForScreen" });

    const draft = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Utkast", kind: "SINGLE", options: ["A", "B"] }));
    expect(await call(mod.client, "mod:screen", { mode: "POLL", pollId: draft.id })).toMatchObject({ ok: false, code: "conflict", key: "live:error.draftNotOnScreen" });
    await ok(call(mod.client, "mod:poll:state", { pollId: draft.id, status: "OPEN" }));
    expect(await call(mod.client, "mod:screen", { mode: "WORDCLOUD", pollId: draft.id })).toMatchObject({ ok: false, code: "conflict", key: "live:error.notWordcloud" });
    expect(await call(otherMod.client, "mod:screen", { mode: "POLL", pollId: draft.id })).toMatchObject({ ok: false, code: "not-found" });

    const pending = await db().question.create({ data: { roomId: room.id, participantId: "p", text: "Venter", status: "PENDING" } });
    expect(await call(mod.client, "mod:screen", { mode: "QUESTION", questionId: pending.id })).toMatchObject({ ok: false, code: "conflict", key: "live:error.approveBeforeScreen" });
    expect(await call(otherMod.client, "mod:screen", { mode: "QUESTION", questionId: pending.id })).toMatchObject({ ok: false, code: "not-found" });
    expect((await storedScreen(other.id)).screenMode).toBe("JOIN");
  });

  it("opening a poll shows it; POLL and QUESTION without an id take the newest poll and the top question; unscreening goes back to the join slide", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const projector = await screen(room.code);
    const first = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Først", kind: "SINGLE", options: ["A", "B"] }));
    const cloud = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Ordsky", kind: "WORDCLOUD" }));
    const shown = next(projector.client, "room:changed", (r) => r.screenMode === "POLL" && r.screenPollId === first.id);
    await ok(call(mod.client, "mod:poll:state", { pollId: first.id, status: "OPEN" }));
    await shown;
    await ok(call(mod.client, "mod:poll:state", { pollId: cloud.id, status: "OPEN" }));
    expect(await storedScreen(room.id)).toMatchObject({ screenMode: "WORDCLOUD", screenPollId: cloud.id });
    expect(await ok(call<RoomView>(mod.client, "mod:screen", { mode: "POLL", pollId: first.id }))).toMatchObject({ screenMode: "POLL", screenPollId: first.id });
    await ok(call(mod.client, "mod:poll:state", { pollId: cloud.id, status: "CLOSED" }));
    expect(await ok(call<RoomView>(mod.client, "mod:screen", { mode: "WORDCLOUD" }))).toMatchObject({ screenPollId: cloud.id });

    const low = await db().question.create({ data: { roomId: room.id, participantId: "p", text: "Lite populær", status: "APPROVED", upvoteCount: 1 } });
    const top = await db().question.create({ data: { roomId: room.id, participantId: "q", text: "Populær", status: "APPROVED", upvoteCount: 5 } });
    expect(await ok(call<RoomView>(mod.client, "mod:screen", { mode: "QUESTION" }))).toMatchObject({ screenMode: "QUESTION", onScreenQuestionId: top.id });
    await ok(call(mod.client, "mod:screen", { mode: "JOIN" }));
    await ok(call(mod.client, "mod:question", { questionId: low.id, action: "screen" }));
    expect(await storedScreen(room.id)).toMatchObject({ screenMode: "QUESTION", onScreenQuestionId: low.id });
    await ok(call(mod.client, "mod:question", { questionId: low.id, action: "unscreen" }));
    expect(await storedScreen(room.id)).toMatchObject({ screenMode: "JOIN", onScreenQuestionId: null });
  });
});
