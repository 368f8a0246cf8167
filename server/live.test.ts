// Live Q&A and polls over a real http server + Socket.IO with real clients and the test database.
import { describe, expect, it } from "vitest";
import { newParticipantId } from "~/modules/live/participant.server";
import type { PollView, QuestionView, RoomState } from "~/modules/live/protocol";
import { createSpeakerKey } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { call, collect, cookieFor, FLUSH_MS, newRoom, next, ok, sleep, useLiveServer } from "../test/live-harness";

const { errors, connect, audience, moderator } = useLiveServer();

describe("joining a room", () => {
  it("gives the complete state: visible questions, my pending one, published polls, my upvotes and answers", async () => {
    const room = await newRoom();
    const me = newParticipantId();
    await db().question.createMany({
      data: [
        { roomId: room.id, participantId: "someone", text: "Godkjent", status: "APPROVED" },
        { roomId: room.id, participantId: "someone", text: "Venter", status: "PENDING" },
        { roomId: room.id, participantId: me, text: "Mitt ventende", status: "PENDING" },
        { roomId: room.id, participantId: "someone", text: "Skjult", status: "HIDDEN" },
      ],
    });
    await db().poll.create({ data: { roomId: room.id, title: "Utkast", kind: "WORDCLOUD" } });
    const open = await db().poll.create({
      data: { roomId: room.id, title: "Åpen", kind: "SINGLE", status: "OPEN", options: { create: [{ label: "Ja" }, { label: "Nei" }] } },
      include: { options: true },
    });
    const { client, state } = await audience(room.code, { participantId: me });
    expect(state.room).toMatchObject({ id: room.id, code: room.code, status: "OPEN", eventSlug: room.event.slug });
    expect(state.participantId).toBe(me);
    expect(state.role).toBe("audience");
    expect(state.questions.map((q) => q.text).sort()).toEqual(["Godkjent", "Mitt ventende"]);
    expect(state.questions.find((q) => q.text === "Mitt ventende")?.mine).toBe(true);
    expect(state.questions.every((q) => q.flagged === undefined)).toBe(true);
    expect(state.polls.map((p) => p.title)).toEqual(["Åpen"]);
    expect(state.polls[0]?.myAnswer).toBeNull();

    await ok(call(client, "poll:answer", { pollId: open.id, optionIds: [open.options[0]!.id] }));
    const again = await ok(call<RoomState>(client, "room:join", { code: room.code.toLowerCase() }));
    expect(again.polls[0]?.myAnswer).toEqual({ optionIds: [open.options[0]!.id], rating: null, text: null });

    const mod = await moderator(room.code);
    expect(mod.state.questions.map((q) => q.text).sort()).toEqual(["Godkjent", "Mitt ventende", "Skjult", "Venter"]);
    expect(mod.state.polls.map((p) => p.title).sort()).toEqual(["Utkast", "Åpen"]);
  });

  it("refuses an unknown code and events before joining", async () => {
    const client = await connect(await cookieFor());
    expect(await call(client, "room:join", { code: "ZZZZZZ" })).toMatchObject({ ok: false, code: "not-found" });
    expect(await call(client, "question:ask", { text: "Hei?" })).toMatchObject({ ok: false, code: "not-joined" });
  });

  it("hands out an ephemeral participant id when the cookie is missing", async () => {
    const room = await newRoom();
    const client = await connect();
    const state = await ok(call<RoomState>(client, "room:join", { code: room.code }));
    expect(state.participantId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("a second tab with the same cookie is the same participant", async () => {
    const room = await newRoom();
    const me = newParticipantId();
    const a = await audience(room.code, { participantId: me });
    const b = await audience(room.code, { participantId: me });
    const seen = next(b.client, "question:changed", (v) => v.text === "Fra fane én");
    const q = await ok(call<QuestionView>(a.client, "question:ask", { text: "Fra fane én" }));
    expect(q.mine).toBe(true);
    expect((await seen)[0]).toMatchObject({ id: q.id, mine: true });
  });
});

describe("questions", () => {
  it("a question asked by one client reaches the others", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const other = await audience(room.code);
    const received = next(other.client, "question:changed");
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Når kommer den nye bussruten?", displayName: "Ola" }));
    expect(q).toMatchObject({ status: "APPROVED", mine: true, upvotes: 0, displayName: "Ola" });
    const [view] = await received;
    expect(view).toMatchObject({ id: q.id, text: "Når kommer den nye bussruten?", status: "APPROVED" });
    expect(view.mine).toBeUndefined();
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(1);
  });

  it("with pre-moderation the audience sees a question only once a moderator approves it", async () => {
    const room = await newRoom({ preModeration: true });
    const asker = await audience(room.code);
    const other = await audience(room.code);
    const mod = await moderator(room.code);
    const audienceSaw = collect(other.client, "question:changed");
    const modSees = next(mod.client, "question:changed");
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Hva med gatelysene?" }));
    expect(q.status).toBe("PENDING");
    const [pending] = await modSees;
    expect(pending).toMatchObject({ id: q.id, status: "PENDING", flagged: false, text: "Hva med gatelysene?" });
    await sleep(200);
    expect(audienceSaw).toHaveLength(0);
    expect((await ok(call<RoomState>(other.client, "room:join", { code: room.code }))).questions).toHaveLength(0);

    const approved = next(other.client, "question:changed");
    expect(await ok(call<QuestionView>(mod.client, "mod:question", { questionId: q.id, action: "approve" }))).toMatchObject({
      status: "APPROVED",
    });
    expect((await approved)[0]).toMatchObject({ id: q.id, status: "APPROVED", text: "Hva med gatelysene?" });
  });

  it("the word filter holds a question back as flagged even without pre-moderation", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const mod = await moderator(room.code);
    const modSees = next(mod.client, "question:changed");
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Hvorfor er dere så j4vla trege?" }));
    expect(q.status).toBe("PENDING");
    expect((await modSees)[0]).toMatchObject({ id: q.id, flagged: true });
  });

  it("hiding a visible question tells the audience without repeating its text", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const other = await audience(room.code);
    const mod = await moderator(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Synlig først" }));
    const hidden = next(other.client, "question:changed", (v) => v.status === "HIDDEN");
    await ok(call(mod.client, "mod:question", { questionId: q.id, action: "hide" }));
    expect((await hidden)[0]).toMatchObject({ id: q.id, status: "HIDDEN", text: "" });
  });

  it("anonymous questions only where the room allows them; a rate limit per participant", async () => {
    const room = await newRoom({ allowAnonymous: false });
    const asker = await audience(room.code);
    expect(await call(asker.client, "question:ask", { text: "Uten navn?" })).toMatchObject({ ok: false, code: "invalid" });
    for (let i = 0; i < 3; i++) await ok(call(asker.client, "question:ask", { text: `Spørsmål ${i}`, displayName: "Kari" }));
    const limited = await call(asker.client, "question:ask", { text: "Ett til", displayName: "Kari" });
    expect(limited).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(3);
  });

  it("the asker may edit and withdraw until the question is answered", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const stranger = await audience(room.code);
    const mod = await moderator(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Førsteutkast" }));
    expect(await call(stranger.client, "question:edit", { questionId: q.id, text: "Kapret" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await ok(call<QuestionView>(asker.client, "question:edit", { questionId: q.id, text: "Bedre formulert" }))).toMatchObject({
      text: "Bedre formulert",
    });
    await ok(call(mod.client, "mod:question", { questionId: q.id, action: "answer" }));
    expect(await call(asker.client, "question:edit", { questionId: q.id, text: "For sent" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await call(asker.client, "question:withdraw", { questionId: q.id })).toMatchObject({ ok: false, code: "conflict" });
    const stored = await db().question.findUniqueOrThrow({ where: { id: q.id } });
    expect(stored).toMatchObject({ text: "Bedre formulert", status: "ANSWERED" });
    expect(stored.answeredAt).toBeInstanceOf(Date);

    const q2 = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Trekkes" }));
    expect(await ok(call<QuestionView>(asker.client, "question:withdraw", { questionId: q2.id }))).toMatchObject({ status: "WITHDRAWN" });
  });

  it("moderators put a question on screen, pin it and take it off", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const mod = await moderator(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "På skjermen?" }));
    const changed = next(asker.client, "room:changed");
    await ok(call(mod.client, "mod:question", { questionId: q.id, action: "screen" }));
    expect((await changed)[0].onScreenQuestionId).toBe(q.id);
    expect(await ok(call<QuestionView>(mod.client, "mod:question", { questionId: q.id, action: "pin" }))).toMatchObject({ pinned: true });
    await ok(call(mod.client, "mod:question", { questionId: q.id, action: "unscreen" }));
    expect((await db().liveRoom.findUniqueOrThrow({ where: { id: room.id } })).onScreenQuestionId).toBeNull();
  });
});

describe("upvotes", () => {
  it("count once per participant; taking one back works; repeats change nothing", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const voter = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Stem på meg" }));
    expect(await ok(call(voter.client, "question:upvote", { questionId: q.id, up: true }))).toEqual({ questionId: q.id, up: true, upvotes: 1 });
    expect(await ok(call(voter.client, "question:upvote", { questionId: q.id, up: true }))).toMatchObject({ upvotes: 1 });
    expect(await ok(call(voter.client, "question:upvote", { questionId: q.id, up: false }))).toMatchObject({ upvotes: 0 });
    expect(await ok(call(voter.client, "question:upvote", { questionId: q.id, up: false }))).toMatchObject({ upvotes: 0 });
    expect(await ok(call(voter.client, "question:upvote", { questionId: q.id, up: true }))).toMatchObject({ upvotes: 1 });
    const rejoined = await ok(call<RoomState>(voter.client, "room:join", { code: room.code }));
    expect(rejoined.myUpvotes).toEqual([q.id]);
    expect(await db().questionUpvote.count({ where: { questionId: q.id } })).toBe(1);
  });

  it("are refused on questions the audience cannot see", async () => {
    const room = await newRoom({ preModeration: true });
    const asker = await audience(room.code);
    const voter = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Venter" }));
    expect(await call(voter.client, "question:upvote", { questionId: q.id, up: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(voter.client, "question:upvote", { questionId: "nope", up: true })).toMatchObject({ ok: false, code: "not-found" });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).upvoteCount).toBe(0);
  });

  it("50 participants upvoting at once count exactly 50, broadcast as coalesced counts", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Populært spørsmål" }));
    const voters = await Promise.all(Array.from({ length: 50 }, () => audience(room.code)));
    const counts = collect(asker.client, "question:counts");
    const fifty = next(asker.client, "question:counts", (c) => c[q.id] === 50, 10_000);
    const acks = await Promise.all(voters.map((v) => call(v.client, "question:upvote", { questionId: q.id, up: true })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await fifty;
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).upvoteCount).toBe(50);
    expect(await db().questionUpvote.count({ where: { questionId: q.id } })).toBe(50);
    // Coalesced: a handful of broadcasts, not one per vote, and each one a single map.
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(counts.length).toBeLessThan(10);
    expect(counts.at(-1)![0]).toEqual({ [q.id]: 50 });
  });
});

describe("polls", () => {
  async function openPoll(mod: Awaited<ReturnType<typeof moderator>>, payload: Record<string, unknown>) {
    const poll = await ok(call<PollView>(mod.client, "mod:poll:create", payload));
    expect(poll.status).toBe("DRAFT");
    return ok(call<PollView>(mod.client, "mod:poll:state", { pollId: poll.id, status: "OPEN" }));
  }

  it("open → answers → a changed answer replaces the first → closed polls refuse", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const voter = await audience(room.code);
    const other = await audience(room.code);
    const draftSeen = collect(voter.client, "poll:changed");
    const draft = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Hvor skal parken ligge?", kind: "SINGLE", options: ["Nord", "Sør"] }));
    await sleep(100);
    expect(draftSeen).toHaveLength(0);
    expect(await call(voter.client, "poll:answer", { pollId: draft.id, optionIds: [draft.options[0]!.id] })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    const opened = next(voter.client, "poll:changed", (p) => p.id === draft.id && p.status === "OPEN");
    await ok(call(mod.client, "mod:poll:state", { pollId: draft.id, status: "OPEN" }));
    await opened;
    const north = draft.options[0]!;
    const south = draft.options[1]!;

    await ok(call(voter.client, "poll:answer", { pollId: draft.id, optionIds: [north.id] }));
    await ok(call(other.client, "poll:answer", { pollId: draft.id, optionIds: [north.id] }));
    const results = next(other.client, "poll:results", (r) => r.pollId === draft.id && r.results.total === 2 && (r.results as { options: { count: number }[] }).options[1]!.count === 1);
    await ok(call(voter.client, "poll:answer", { pollId: draft.id, optionIds: [south.id] }));
    const [payload] = await results;
    expect(payload.results).toEqual({
      kind: "SINGLE",
      total: 2,
      options: [
        { id: north.id, label: "Nord", count: 1 },
        { id: south.id, label: "Sør", count: 1 },
      ],
    });
    expect(await db().pollAnswer.count({ where: { pollId: draft.id } })).toBe(2);
    expect(await db().pollAnswerChoice.count({ where: { pollId: draft.id } })).toBe(2);

    expect(await call(voter.client, "poll:answer", { pollId: draft.id, optionIds: [north.id, south.id] })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    await ok(call(mod.client, "mod:poll:state", { pollId: draft.id, status: "CLOSED" }));
    expect(await call(voter.client, "poll:answer", { pollId: draft.id, optionIds: [north.id] })).toMatchObject({ ok: false, code: "closed" });
    // ---- poll library: a closed poll may be reopened; its answers are kept.
    expect(await call(mod.client, "mod:poll:state", { pollId: draft.id, status: "OPEN" })).toMatchObject({ ok: true, data: { status: "OPEN", results: { total: 2 } } });
    expect(await db().pollAnswerChoice.count({ where: { pollId: draft.id, optionId: south.id } })).toBe(1);
  });

  it("results follow the poll's visibility: after close, or on the screen only", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const voter = await audience(room.code);
    const screen = await connect(await cookieFor());
    await ok(call(screen, "room:join", { code: room.code, as: "screen" }));

    const after = await openPoll(mod, { title: "Vurder møtet", kind: "RATING", scaleMax: 5, resultsVisibility: "AFTER_CLOSE" });
    const hidden = await openPoll(mod, { title: "Ordsky", kind: "WORDCLOUD", resultsVisibility: "SCREEN_ONLY" });
    const voterResults = collect(voter.client, "poll:results");
    const screenResults = next(screen, "poll:results", (r) => r.pollId === hidden.id);
    const modResults = next(mod.client, "poll:results", (r) => r.pollId === after.id);
    await ok(call(voter.client, "poll:answer", { pollId: after.id, rating: 4 }));
    await ok(call(voter.client, "poll:answer", { pollId: hidden.id, text: "  Trygg Skolevei! " }));
    expect((await modResults)[0].results).toEqual({ kind: "RATING", total: 1, average: 4, distribution: [0, 0, 0, 1, 0] });
    expect((await screenResults)[0].results).toEqual({ kind: "WORDCLOUD", total: 1, words: [{ word: "trygg skolevei", count: 1 }] });
    await sleep(FLUSH_MS * 2);
    expect(voterResults).toHaveLength(0);
    const state = await ok(call<RoomState>(voter.client, "room:join", { code: room.code }));
    expect(state.polls.every((p) => p.results === undefined)).toBe(true);

    const closed = next(voter.client, "poll:changed", (p) => p.id === after.id && p.status === "CLOSED");
    await ok(call(mod.client, "mod:poll:state", { pollId: after.id, status: "CLOSED" }));
    expect((await closed)[0].results).toMatchObject({ kind: "RATING", total: 1 });
  });
});

describe("refusals leave the process and the data intact", () => {
  it("malformed payloads, huge strings, unknown events and missing acks", async () => {
    const room = await newRoom();
    const { client } = await audience(room.code);
    const before = await db().question.count({ where: { roomId: room.id } });
    const bad: Array<[string, unknown]> = [
      ["question:ask", { text: 42 }],
      ["question:ask", {}],
      ["question:ask", "just a string"],
      ["question:ask", null],
      ["question:ask", { text: "x".repeat(10_000) }], // larger messages close the connection (abuse-live.test.ts)
      ["question:upvote", { questionId: "a", up: "yes" }],
      ["poll:answer", { pollId: "p", rating: 1.5 }],
      ["room:join", { code: "'; DROP TABLE--" }],
      ["mod:poll:create", { title: "x", kind: "NOPE" }],
    ];
    for (const [event, payload] of bad) {
      const answer = await call(client, event, payload);
      expect(answer, event).toMatchObject({ ok: false, code: "invalid" });
      expect((answer as { message: string }).message.length).toBeGreaterThan(3);
    }
    expect(await call(client, "question:ask", { text: "x".repeat(501) })).toMatchObject({
      ok: false,
      message: "Teksten kan ha høyst 500 tegn.",
      key: "live:error.field.tooLong",
      values: { field: "text", max: 500 },
    });
    expect(await call(client, "question:ask")).toMatchObject({ ok: false, code: "invalid" });
    (client as unknown as { emit(e: string, ...a: unknown[]): void }).emit("no:such:event", { x: 1 }, () => {});
    (client as unknown as { emit(e: string, ...a: unknown[]): void }).emit("question:ask", { text: "uten ack" });
    await sleep(100);
    // still connected and serving
    expect(client.connected).toBe(true);
    await ok(call(client, "question:ask", { text: "Fortsatt i live?" }));
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it("an audience member may not moderate; a speaker with the secret key may", async () => {
    const room = await newRoom();
    const asker = await audience(room.code);
    const q = await ok(call<QuestionView>(asker.client, "question:ask", { text: "Moderer meg" }));
    expect(await call(asker.client, "mod:question", { questionId: q.id, action: "hide" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(asker.client, "mod:poll:create", { title: "Nei", kind: "WORDCLOUD" })).toMatchObject({ ok: false, code: "forbidden" });
    const pretender = await connect(await cookieFor());
    expect(await call(pretender, "room:join", { code: room.code, as: "moderator" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(pretender, "room:join", { code: room.code, as: "moderator", speakerKey: "wrong" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("APPROVED");

    const key = await createSpeakerKey(room.id);
    const speaker = await connect(await cookieFor());
    const state = await ok(call<RoomState>(speaker, "room:join", { code: room.code, as: "moderator", speakerKey: key }));
    expect(state.role).toBe("moderator");
    expect(await ok(call<QuestionView>(speaker, "mod:question", { questionId: q.id, action: "hide" }))).toMatchObject({ status: "HIDDEN" });
  });

  it("a closed room is read-only", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const voter = await audience(room.code);
    const closed = next(voter.client, "room:changed");
    await ok(call(mod.client, "mod:room", { status: "CLOSED" }));
    expect((await closed)[0].status).toBe("CLOSED");
    expect(await call(voter.client, "question:ask", { text: "For sent?" })).toMatchObject({ ok: false, code: "closed" });
  });
});

describe("reconnecting", () => {
  it("a client that was away gets everything it missed in its next snapshot", async () => {
    const room = await newRoom();
    const me = newParticipantId();
    const first = await audience(room.code, { participantId: me });
    const mine = await ok(call<QuestionView>(first.client, "question:ask", { text: "Før jeg mistet nettet" }));
    first.client.disconnect();

    const other = await audience(room.code);
    const mod = await moderator(room.code);
    const theirs = await ok(call<QuestionView>(other.client, "question:ask", { text: "Mens du var borte" }));
    await ok(call(other.client, "question:upvote", { questionId: mine.id, up: true }));
    await ok(call(mod.client, "mod:question", { questionId: mine.id, action: "answer" }));
    const poll = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Kom du fram?", kind: "SINGLE", options: ["Ja", "Nei"] }));
    await ok(call(mod.client, "mod:poll:state", { pollId: poll.id, status: "OPEN" }));

    const back = await audience(room.code, { participantId: me });
    const byId = new Map(back.state.questions.map((q) => [q.id, q]));
    expect(byId.get(mine.id)).toMatchObject({ status: "ANSWERED", upvotes: 1, mine: true });
    expect(byId.get(theirs.id)).toMatchObject({ status: "APPROVED", text: "Mens du var borte" });
    expect(back.state.polls).toEqual([expect.objectContaining({ id: poll.id, status: "OPEN", myAnswer: null })]);
  });
});

describe("refusals in the reader's language", () => {
  it("carry a catalog key and values, and the sentence in the connection's language (lang cookie, then Accept-Language)", async () => {
    const room = await newRoom({ allowAnonymous: false });
    const lang = (l: string) => `lang=${encodeURIComponent(Buffer.from(JSON.stringify(l)).toString("base64"))}`;
    const expected = {
      nb: "I dette rommet må du skrive navnet ditt for å stille spørsmål.",
      nn: "I dette rommet må du skrive namnet ditt for å stille spørsmål.",
      en: "In this room you must enter your name to ask a question.",
    };
    for (const [locale, message] of Object.entries(expected)) {
      const client = await connect(`${await cookieFor()}; ${lang(locale)}`);
      await ok(call(client, "room:join", { code: room.code }));
      expect(await call(client, "question:ask", { text: "Hvem har ansvaret?" })).toEqual({
        ok: false,
        code: "invalid",
        key: "live:error.nameRequired",
        message,
      });
      // A payload that is too long names its field in the same language.
      const tooLong = await call(client, "question:ask", { text: "x".repeat(501), displayName: "Åse" });
      expect(tooLong).toMatchObject({ key: "live:error.field.tooLong", values: { field: "text", max: 500 } });
      expect((tooLong as { message: string }).message).toMatch({ nb: /^Teksten kan ha høyst 500 tegn/, nn: /^Teksten kan ha høgst 500 teikn/, en: /^The text can have at most 500 characters/ }[locale]!);
    }
    // Without a cookie, Accept-Language decides.
    const english = await connect(await cookieFor(), { "accept-language": "en-GB,en;q=0.9" });
    await ok(call(english, "room:join", { code: room.code }));
    expect(await call(english, "question:ask", { text: "Hvem?" })).toMatchObject({ message: expected.en });
  });
});
