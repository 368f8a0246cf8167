// The live channel over a real http server + Socket.IO with real clients and the test database,
// shared by the protocol tests (server/live*.test.ts). `useLiveServer()` starts one server for the
// test file, disconnects every client after each test and stops the server after the file.
import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { newParticipantId, participantSetCookie } from "~/modules/live/participant.server";
import type { Ack, ClientToServerEvents, RoomState, ServerToClientEvents } from "~/modules/live/protocol";
import { ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { attachLive, type LiveOptions } from "../server/live";
import { createEvent } from "./factories";

export type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;
type Listener = { on(e: string, f: unknown): void; off(e: string, f: unknown): void };

export const FLUSH_MS = 150;
export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
/** The `lang` cookie the language switch sets (a Remix cookie: base64 of the JSON value). */
export const langCookie = (l: string) => `lang=${encodeURIComponent(Buffer.from(JSON.stringify(l)).toString("base64"))}`;

export async function cookieFor(participantId = newParticipantId()) {
  return (await participantSetCookie(participantId)).split(";")[0]!;
}

export function call<T>(client: Client, event: string, payload?: unknown): Promise<Ack<T>> {
  const c = client as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<Ack<T>> } };
  return payload === undefined ? c.timeout(5000).emitWithAck(event) : c.timeout(5000).emitWithAck(event, payload);
}

export async function ok<T>(promise: Promise<Ack<T>>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(`refused: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** The next event of a kind that matches. `ms` bounds the wait; it is not a timing assertion. */
export function next<E extends keyof ServerToClientEvents>(
  client: Client,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  ms = 15_000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  const c = client as unknown as Listener;
  return new Promise((resolve, reject) => {
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

/** Collects every event of a kind, to show what did NOT arrive. */
export function collect<E extends keyof ServerToClientEvents>(client: Client, event: E) {
  const seen: Parameters<ServerToClientEvents[E]>[] = [];
  (client as unknown as Listener).on(event, (...args: Parameters<ServerToClientEvents[E]>) => seen.push(args));
  return seen;
}

export async function newRoom(settings: { preModeration?: boolean; allowAnonymous?: boolean } = {}) {
  const event = await createEvent();
  const [room] = await ensureRoomsForEvent(event.id);
  if (Object.keys(settings).length) await db().liveRoom.update({ where: { id: room!.id }, data: settings });
  return { ...room!, eventId: event.id };
}

export function useLiveServer(
  options: { questionRateLimit?: { count: number; windowMs: number }; noErrorsAfterEach?: boolean; programmeMs?: number; live?: Partial<LiveOptions> } = {},
) {
  let http: HttpServer;
  let io: Server<ClientToServerEvents, ServerToClientEvents>;
  let live: { close(): Promise<void> };
  let url = "";
  const errors: string[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    http = createServer();
    io = new Server(http, { serveClient: false });
    live = attachLive(io, {
      log: { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) },
      flushMs: FLUSH_MS,
      questionRateLimit: options.questionRateLimit ?? { count: 3, windowMs: 60_000 },
      ...(options.programmeMs ? { programmeMs: options.programmeMs } : {}),
      ...options.live,
    });
    await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
    if (options.noErrorsAfterEach) expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await live.close();
    await new Promise<void>((ok) => io.close(() => ok()));
  });

  async function connect(cookie?: string, headers: Record<string, string> = {}): Promise<Client> {
    const client: Client = connectClient(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { ...headers, ...(cookie ? { cookie } : {}) } });
    clients.push(client);
    await new Promise<void>((ok, fail) => {
      client.once("connect", () => ok());
      client.once("connect_error", fail);
    });
    return client;
  }

  /** A phone in the room: its own participant (or the one given), plus any other cookie (a language). */
  async function audience(code: string, opts: { participantId?: string; cookie?: string } = {}) {
    const participantId = opts.participantId ?? newParticipantId();
    const participant = await cookieFor(participantId);
    const client = await connect(opts.cookie ? `${participant}; ${opts.cookie}` : participant);
    const state = await ok(call<RoomState>(client, "room:join", { code }));
    return { client, state, participantId };
  }

  /** A signed-in staff member with the moderator role, joined as moderator. */
  async function moderator(code: string) {
    const staff = await db().staffUser.create({
      data: { email: `mod-${randomBytes(4).toString("hex")}@samhandling.test`, name: "Mona Moderator", role: "MODERATOR" },
    });
    const session = (await createStaffSession(staff.id, "test")).split(";")[0]!;
    const client = await connect(`${session}; ${await cookieFor()}`);
    const state = await ok(call<RoomState>(client, "room:join", { code, as: "moderator" }));
    return { client, state, staff };
  }

  /** The projector. */
  async function screen(code: string) {
    const client = await connect(await cookieFor());
    const state = await ok(call<RoomState>(client, "room:join", { code, as: "screen" }));
    return { client, state };
  }

  return { errors, connect, audience, moderator, screen };
}
