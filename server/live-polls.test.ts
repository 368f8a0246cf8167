// ---- poll library: the ranking poll and the moderator's poll library events over a real http
// server + Socket.IO: ranking answers (full orders only), average ranks with several phones, a
// blocked participant's ranking not counted; editing, copying, deleting and reopening polls, who
// may do it, and a deleted poll leaving every screen (the projector back on the join slide).
import { describe, expect, it } from "vitest";
import type { PollResults, PollView, QuestionView } from "~/modules/live/protocol";
import { db } from "~/utils/db.server";
import { call, collect, newRoom, next, ok, sleep, useLiveServer, FLUSH_MS } from "../test/live-harness";

const { audience, moderator, screen } = useLiveServer();

type Ranking = Extract<PollResults, { kind: "RANKING" }>;

async function rankingRoom(options = ["Skole", "Vei", "Park"]) {
  const room = await newRoom();
  const mod = await moderator(room.code);
  const poll = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Ranger temaene", kind: "RANKING", options }));
  await ok(call<PollView>(mod.client, "mod:poll:state", { pollId: poll.id, status: "OPEN" }));
  return { room, mod, poll, ids: poll.options.map((o) => o.id) };
}

describe("ranking polls", () => {
  it("refuses anything but the full order, each option once", async () => {
    const { room, poll, ids } = await rankingRoom();
    const phone = await audience(room.code);
    const [a, b, c] = ids as [string, string, string];
    for (const optionIds of [[a, b], [a, b, b], [a, b, c, a], [a, b, "other"], undefined]) {
      expect(await call(phone.client, "poll:answer", { pollId: poll.id, optionIds })).toMatchObject({
        ok: false,
        code: "invalid",
        key: "live:error.rankAll",
        values: { count: 3, field: "optionIds" },
      });
    }
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await call(phone.client, "poll:answer", { pollId: poll.id, optionIds: [c, a, b] })).toMatchObject({ ok: true });
    const choices = await db().pollAnswerChoice.findMany({ where: { pollId: poll.id }, select: { optionId: true, rank: true }, orderBy: { rank: "asc" } });
    expect(choices).toEqual([
      { optionId: c, rank: 1 },
      { optionId: a, rank: 2 },
      { optionId: b, rank: 3 },
    ]);
    // A reconnecting phone gets its order back.
    const again = await audience(room.code, { participantId: phone.participantId });
    expect(again.state.polls.find((p) => p.id === poll.id)?.myAnswer?.optionIds).toEqual([c, a, b]);
  });

  it("results are exact average ranks over several phones; a changed order replaces the old one", async () => {
    const { room, mod, poll, ids } = await rankingRoom();
    const [skole, vei, park] = ids as [string, string, string];
    const orders = [
      [skole, vei, park],
      [vei, skole, park],
      [skole, park, vei],
    ];
    const phones = await Promise.all(orders.map(() => audience(room.code)));
    await ok(call(phones[0]!.client, "poll:answer", { pollId: poll.id, optionIds: [park, vei, skole] }));
    const settled = next(mod.client, "poll:results", (p) => p.pollId === poll.id && p.results.total === 3 && (p.results as Ranking).options[0]!.firsts === 2);
    for (const [i, optionIds] of orders.entries()) await ok(call(phones[i]!.client, "poll:answer", { pollId: poll.id, optionIds }));
    const [{ results }] = await settled;
    // skole 1,2,1 = 1.33; vei 2,1,3 = 2; park 3,3,2 = 2.67
    expect(results).toEqual({
      kind: "RANKING",
      total: 3,
      options: [
        { id: skole, label: "Skole", averageRank: 1.33, firsts: 2 },
        { id: vei, label: "Vei", averageRank: 2, firsts: 1 },
        { id: park, label: "Park", averageRank: 2.67, firsts: 0 },
      ],
    });
    const projector = await screen(room.code);
    expect(projector.state.polls.find((p) => p.id === poll.id)?.results).toEqual(results);
  });

  it("a blocked participant's ranking is not counted", async () => {
    const { room, mod, poll, ids } = await rankingRoom();
    const [skole, vei, park] = ids as [string, string, string];
    const good = await audience(room.code);
    const troll = await audience(room.code);
    await ok(call(good.client, "poll:answer", { pollId: poll.id, optionIds: [skole, vei, park] }));
    await ok(call(troll.client, "poll:answer", { pollId: poll.id, optionIds: [park, vei, skole] }));
    const question = await ok(call<QuestionView>(troll.client, "question:ask", { text: "Dette er et dumt møte" }));
    const cleared = next(mod.client, "poll:results", (p) => p.pollId === poll.id && p.results.total === 1);
    await ok(call(mod.client, "mod:block", { questionId: question.id }));
    const [{ results }] = await cleared;
    expect((results as Ranking).options.map((o) => [o.label, o.averageRank, o.firsts])).toEqual([
      ["Skole", 1, 1],
      ["Vei", 2, 0],
      ["Park", 3, 0],
    ]);
  });
});

describe("the poll library events", () => {
  it("mod:poll:update edits a draft; an open poll is refused with conflict", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const phone = await audience(room.code);
    const phoneHears = collect(phone.client, "poll:changed");
    const draft = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Utkast", kind: "SINGLE", options: ["A", "B"] }));
    const edited = await ok(call<PollView>(mod.client, "mod:poll:update", { pollId: draft.id, title: "Ranger", kind: "RANKING", options: ["X", "Y", "Z"] }));
    expect(edited).toMatchObject({ id: draft.id, title: "Ranger", kind: "RANKING", status: "DRAFT" });
    expect(edited.options.map((o) => o.label)).toEqual(["X", "Y", "Z"]);
    expect(await call(mod.client, "mod:poll:update", { pollId: draft.id, title: "Ranger", kind: "RANKING", options: ["X"] })).toMatchObject({ ok: false, code: "invalid" });
    await ok(call(mod.client, "mod:poll:state", { pollId: draft.id, status: "OPEN" }));
    expect(await call(mod.client, "mod:poll:update", { pollId: draft.id, title: "Nytt", kind: "OPEN_TEXT" })).toMatchObject({
      ok: false,
      code: "conflict",
      key: "live:error.pollNotDraft",
    });
    expect((await db().poll.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("Ranger");
    await sleep(FLUSH_MS * 2);
    // The phone never heard of the draft, only of the opened poll.
    expect(phoneHears.map(([p]) => p.status)).toEqual(["OPEN"]);
  });

  it("mod:poll:duplicate makes a draft copy; mod:poll:delete refuses an open poll and removes a closed one from every screen", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Tema", kind: "SINGLE", options: ["A", "B"] }));
    await ok(call(mod.client, "mod:poll:state", { pollId: poll.id, status: "OPEN" }));
    const phone = await audience(room.code);
    await ok(call(phone.client, "poll:answer", { pollId: poll.id, optionIds: [poll.options[0]!.id] }));
    const copy = await ok(call<PollView>(mod.client, "mod:poll:duplicate", { pollId: poll.id }));
    expect(copy).toMatchObject({ title: "Tema", kind: "SINGLE", status: "DRAFT" });
    expect(copy.id).not.toBe(poll.id);

    expect(await call(mod.client, "mod:poll:delete", { pollId: poll.id })).toMatchObject({ ok: false, code: "conflict", key: "live:error.pollDeleteOpen" });
    await ok(call(mod.client, "mod:poll:state", { pollId: poll.id, status: "CLOSED" }));
    await ok(call(mod.client, "mod:screen", { mode: "POLL", pollId: poll.id }));
    const projector = await screen(room.code);
    expect(projector.state.room).toMatchObject({ screenMode: "POLL", screenPollId: poll.id });

    const heard = Promise.all([
      next(phone.client, "poll:removed", (p) => p.pollId === poll.id),
      next(projector.client, "poll:removed", (p) => p.pollId === poll.id),
      next(mod.client, "poll:removed", (p) => p.pollId === poll.id),
      next(projector.client, "room:changed", (r) => r.screenMode === "JOIN" && r.screenPollId === null),
    ]);
    expect(await ok(call(mod.client, "mod:poll:delete", { pollId: poll.id }))).toEqual({ pollId: poll.id });
    await heard;
    expect(await db().poll.count({ where: { id: poll.id } })).toBe(0);
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBe(0);
    const reloaded = await screen(room.code);
    expect(reloaded.state.room.screenMode).toBe("JOIN");
    expect(reloaded.state.polls.map((p) => p.id)).not.toContain(poll.id);
    expect(await call(mod.client, "mod:poll:delete", { pollId: poll.id })).toMatchObject({ ok: false, code: "not-found" });
  });

  it("mod:poll:state reopens a closed poll with its answers kept", async () => {
    const { room, mod, poll, ids } = await rankingRoom(["A", "B"]);
    const phone = await audience(room.code);
    await ok(call(phone.client, "poll:answer", { pollId: poll.id, optionIds: [ids[1], ids[0]] }));
    await ok(call(mod.client, "mod:poll:state", { pollId: poll.id, status: "CLOSED" }));
    expect(await call(phone.client, "poll:answer", { pollId: poll.id, optionIds: ids })).toMatchObject({ ok: false, code: "closed" });
    const phoneHears = next(phone.client, "poll:changed", (p) => p.id === poll.id && p.status === "OPEN");
    const reopened = await ok(call<PollView>(mod.client, "mod:poll:state", { pollId: poll.id, status: "OPEN" }));
    expect(reopened.status).toBe("OPEN");
    expect(reopened.results).toMatchObject({ kind: "RANKING", total: 1 });
    await phoneHears;
    const other = await audience(room.code);
    await ok(call(other.client, "poll:answer", { pollId: poll.id, optionIds: ids }));
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBe(2);
  });

  it("the audience and the screen are refused (forbidden); another room's poll is not found", async () => {
    const room = await newRoom();
    const other = await newRoom();
    const mod = await moderator(room.code);
    const otherMod = await moderator(other.code);
    const poll = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Tema", kind: "SINGLE", options: ["A", "B"] }));
    const phone = await audience(room.code);
    const projector = await screen(room.code);
    const edit = { pollId: poll.id, title: "Kapret", kind: "OPEN_TEXT" };
    for (const client of [phone.client, projector.client]) {
      expect(await call(client, "mod:poll:update", edit)).toMatchObject({ ok: false, code: "forbidden", key: "live:error.moderatorsOnly" });
      expect(await call(client, "mod:poll:duplicate", { pollId: poll.id })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await call(client, "mod:poll:delete", { pollId: poll.id })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await call(otherMod.client, "mod:poll:update", edit)).toMatchObject({ ok: false, code: "not-found" });
    expect(await call(otherMod.client, "mod:poll:duplicate", { pollId: poll.id })).toMatchObject({ ok: false, code: "not-found" });
    expect(await call(otherMod.client, "mod:poll:delete", { pollId: poll.id })).toMatchObject({ ok: false, code: "not-found" });
    expect(await call(mod.client, "mod:poll:delete", {})).toMatchObject({ ok: false, code: "invalid" });
    expect(await db().poll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ title: "Tema", kind: "SINGLE" });
    expect(await db().poll.count({ where: { roomId: { in: [room.id, other.id] } } })).toBe(1);
  });
});
