// Present mode over a real http server + Socket.IO: the moderator's `mod:screen` event sets what
// the projector and the stream overlay show; everyone in the room hears it, a reloaded projector
// gets it in its snapshot, and participants and the projector itself are refused.
import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { newParticipantId, participantSetCookie } from "~/modules/live/participant.server";
import type { Ack, ClientToServerEvents, PollView, QuestionView, RoomState, ServerToClientEvents } from "~/modules/live/protocol";
import { createSpeakerKey, ensureRoomsForEvent } from "~/modules/live/rooms.server";
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
    questionRateLimit: { count: 3, windowMs: 60_000 },
  });
  await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

afterAll(async () => {
  await live.close();
  await new Promise<void>((ok) => io.close(() => ok()));
});

async function cookieFor(participantId = newParticipantId()) {
  return (await participantSetCookie(participantId)).split(";")[0]!;
}

async function connect(cookie?: string): Promise<Client> {
  const client: Client = connectClient(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
  clients.push(client);
  await new Promise<void>((ok, fail) => {
    client.once("connect", () => ok());
    client.once("connect_error", fail);
  });
  return client;
}

function call<T>(client: Client, event: string, payload?: unknown): Promise<Ack<T>> {
  const c = client as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<Ack<T>> } };
  return payload === undefined ? c.timeout(5000).emitWithAck(event) : c.timeout(5000).emitWithAck(event, payload);
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
  ms = 3000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      (client as unknown as { off(e: string, f: unknown): void }).off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      (client as unknown as { off(e: string, f: unknown): void }).off(event, listener);
      resolve(args);
    };
    (client as unknown as { on(e: string, f: unknown): void }).on(event, listener);
  });
}

/** Collects every event of a kind, to show what did NOT arrive. */
function collect<E extends keyof ServerToClientEvents>(client: Client, event: E) {
  const seen: Parameters<ServerToClientEvents[E]>[] = [];
  (client as unknown as { on(e: string, f: unknown): void }).on(event, (...args: Parameters<ServerToClientEvents[E]>) => seen.push(args));
  return seen;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function newRoom(settings: { preModeration?: boolean; allowAnonymous?: boolean } = {}) {
  const event = await createEvent();
  const [room] = await ensureRoomsForEvent(event.id);
  await db().liveRoom.update({ where: { id: room!.id }, data: settings });
  return room!;
}

async function audience(code: string, participantId = newParticipantId()) {
  const client = await connect(await cookieFor(participantId));
  const state = await ok(call<RoomState>(client, "room:join", { code }));
  return { client, state, participantId };
}

async function moderator(code: string) {
  const staff = await db().staffUser.create({
    data: { email: `mod-${randomBytes(4).toString("hex")}@samhandling.test`, name: "Mona Moderator", role: "MODERATOR" },
  });
  const session = (await createStaffSession(staff.id, "test")).split(";")[0]!;
  const client = await connect(`${session}; ${await cookieFor()}`);
  const state = await ok(call<RoomState>(client, "room:join", { code, as: "moderator" }));
  return { client, state };
}

async function screen(code: string) {
  const client = await connect(await cookieFor());
  const state = await ok(call<RoomState>(client, "room:join", { code, as: "screen" }));
  return { client, state };
}

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
