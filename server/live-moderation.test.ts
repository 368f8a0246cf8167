// Moderated answers and blocked participants over a real http server + Socket.IO with real clients
// and the test database (SQLite, and PostgreSQL with TEST_DB=postgres): held word-cloud and
// open-text answers, hiding one answer or one word, blocking and unblocking a participant, the
// refusals for participants and for blocked participants, results that count only what is shown,
// the audit log, and room settings from the staff page reaching open sockets.
import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { updateRoomSettings } from "~/modules/live/live-admin.server";
import { pollsCsv } from "~/modules/live/live-export.server";
import { newParticipantId, participantSetCookie } from "~/modules/live/participant.server";
import type { Ack, AnswerView, BlockView, ClientToServerEvents, PollResults, PollView, QuestionView, RoomState, ServerToClientEvents } from "~/modules/live/protocol";
import { ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { saveOrgSettings } from "~/modules/settings/settings.server";
import { settingsSchema } from "~/modules/settings/settings.schema";
import { db } from "~/utils/db.server";
import { createEvent } from "../test/factories";
import { attachLive } from "./live";

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

const FLUSH_MS = 150;
let http: HttpServer;
let io: Server<ClientToServerEvents, ServerToClientEvents>;
let live: { close(): Promise<void> };
let url: string;
const errors: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http, { serveClient: false });
  live = attachLive(io, {
    log: { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) },
    flushMs: FLUSH_MS,
    questionRateLimit: { count: 5, windowMs: 60_000 },
  });
  await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await live.close();
  await new Promise<void>((ok) => io.close(() => ok()));
});

const lang = (l: string) => `lang=${encodeURIComponent(Buffer.from(JSON.stringify(l)).toString("base64"))}`;

async function cookieFor(participantId = newParticipantId()) {
  return (await participantSetCookie(participantId)).split(";")[0]!;
}

async function connect(cookie?: string): Promise<Client> {
  const client: Client = connectClient(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  clients.push(client);
  await new Promise<void>((ok, fail) => {
    client.once("connect", () => ok());
    client.once("connect_error", fail);
  });
  return client;
}

function call<T>(client: Client, event: string, payload?: unknown): Promise<Ack<T>> {
  const c = client as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<Ack<T>> } };
  return c.timeout(5000).emitWithAck(event, payload);
}

async function ok<T>(promise: Promise<Ack<T>>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(`refused: ${answer.code} ${answer.message}`);
  return answer.data;
}

function next<E extends keyof ServerToClientEvents>(
  client: Client,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  ms = 15_000, // a bound on waiting, not a timing assertion: a loaded machine needs the room
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const c = client as unknown as { on(e: string, f: unknown): void; off(e: string, f: unknown): void };
    const timer = setTimeout(() => {
      c.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      c.off(event, listener);
      resolve(args);
    };
    c.on(event, listener);
  });
}

function collect<E extends keyof ServerToClientEvents>(client: Client, event: E) {
  const seen: Parameters<ServerToClientEvents[E]>[] = [];
  (client as unknown as { on(e: string, f: unknown): void }).on(event, (...args: Parameters<ServerToClientEvents[E]>) => seen.push(args));
  return seen;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function newRoom() {
  const event = await createEvent();
  const [room] = await ensureRoomsForEvent(event.id);
  return { ...room!, eventId: event.id };
}

async function audience(code: string, extraCookie = "") {
  const participantId = newParticipantId();
  const client = await connect(`${await cookieFor(participantId)}${extraCookie ? `; ${extraCookie}` : ""}`);
  const state = await ok(call<RoomState>(client, "room:join", { code }));
  return { client, state, participantId };
}

async function screen(code: string) {
  const client = await connect(await cookieFor());
  await ok(call<RoomState>(client, "room:join", { code, as: "screen" }));
  return client;
}

async function moderator(code: string) {
  const staff = await db().staffUser.create({
    data: { email: `mod-${randomBytes(4).toString("hex")}@samhandling.test`, name: "Mona Moderator", role: "MODERATOR" },
  });
  const session = (await createStaffSession(staff.id, "test")).split(";")[0]!;
  const client = await connect(`${session}; ${await cookieFor()}`);
  const state = await ok(call<RoomState>(client, "room:join", { code, as: "moderator" }));
  return { client, state, staff };
}

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
    const projector = await screen(room.code);
    const otherResults = collect(other.client, "poll:results");
    const projectorResults = collect(projector, "poll:results");

    const heldSeen = next(mod.client, "answer:changed", (a) => a.status === "HELD");
    expect(await ok(call(writer.client, "poll:answer", { pollId: poll.id, text: "Faen" }))).toEqual({ pollId: poll.id, held: true });
    const [held] = await heldSeen;
    expect(held).toMatchObject({ pollId: poll.id, text: "faen", status: "HELD", blocked: false });
    expect(await ok(call(other.client, "poll:answer", { pollId: poll.id, text: "Fellesskap" }))).toEqual({ pollId: poll.id });
    await next(other.client, "poll:results", (r) => r.results.total === 1);
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
    const projector = await screen(room.code);
    const answerSeen = next(mod.client, "answer:changed", (x) => x.text === "Mer lys i parken");
    await ok(call(a.client, "poll:answer", { pollId: poll.id, text: "Mer lys i parken" }));
    await ok(call(b.client, "poll:answer", { pollId: poll.id, text: "Flere benker" }));
    const [answer] = await answerSeen;
    await next(b.client, "poll:results", (r) => r.results.total === 2);

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
    await ok(call(phones[2]!.client, "poll:answer", { pollId: poll.id, text: "Taco" }));
    await next(phones[2]!.client, "poll:results", (r) => r.results.total === 3);

    const gone = next(phones[0]!.client, "poll:results", (r) => r.results.total === 1);
    const result = await ok(call<{ word: string; hidden: boolean; answers: AnswerView[] }>(mod.client, "mod:word", { pollId: poll.id, word: "PIZZA", hidden: true }));
    expect(result.word).toBe("pizza");
    expect(result.answers.map((x) => x.status)).toEqual(["HIDDEN", "HIDDEN"]);
    expect(words((await gone)[0].results)).toEqual(["taco:1"]);
    expect(await call(phones[0]!.client, "mod:word", { pollId: poll.id, word: "taco", hidden: true })).toMatchObject({ ok: false, code: "forbidden" });

    const text = await openPoll(mod.client, { title: "Fritt", kind: "OPEN_TEXT" });
    expect(await call(mod.client, "mod:word", { pollId: text.id, word: "x", hidden: true })).toMatchObject({ ok: false, code: "invalid", key: "live:error.wordCloudOnly" });

    const back = next(phones[0]!.client, "poll:results", (r) => r.results.total === 3);
    await ok(call(mod.client, "mod:word", { pollId: poll.id, word: "pizza", hidden: false }));
    expect(words((await back)[0].results)).toEqual(["pizza:2", "taco:1"]);
    expect(await db().auditLog.count({ where: { action: { in: ["live.word.hide", "live.word.unhide"] }, targetId: poll.id } })).toBe(2);
  });
});

describe("blocking a participant", () => {
  it("their questions and answers leave every screen; what they send later is refused in their language; unblocking restores it", async () => {
    const room = await newRoom();
    const mod = await moderator(room.code);
    const poll = await openPoll(mod.client, { title: "Hvor?", kind: "SINGLE", options: ["Nord", "Sør"] });
    const troll = await audience(room.code, lang("en"));
    const other = await audience(room.code);
    const projector = await screen(room.code);
    const question = await ok(call<QuestionView>(troll.client, "question:ask", { text: "Hvorfor er dere så treige?" }));
    const otherQuestion = await ok(call<QuestionView>(other.client, "question:ask", { text: "Når kommer bussen?" }));
    await ok(call(mod.client, "mod:question", { questionId: question.id, action: "screen" }));
    await ok(call(troll.client, "poll:answer", { pollId: poll.id, optionIds: [poll.options[0]!.id] }));
    await ok(call(other.client, "poll:answer", { pollId: poll.id, optionIds: [poll.options[1]!.id] }));
    await next(other.client, "poll:results", (r) => r.results.total === 2);

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
