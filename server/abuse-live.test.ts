// The live channel as an attacker sends it: raw socket.io-client, no page, no cookie or forged
// ones, many connections, floods. Each test asserts the refusal code, that nothing was stored,
// and that the server still serves an honest client. Addresses are simulated with
// X-Forwarded-For (the server trusts it here, as behind our proxy) so the tests keep apart.
import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStaffSession, destroyStaffSession } from "~/modules/auth/session.server";
import { removeStaff } from "~/modules/auth/staff.server";
import { requireRoom } from "~/modules/live/live-page.server";
import { newParticipantId, participantSetCookie } from "~/modules/live/participant.server";
import type { Ack, ClientToServerEvents, PollView, RoomState, ServerToClientEvents } from "~/modules/live/protocol";
import { createSpeakerKey, ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { createEvent } from "../test/factories";
import { attachLive, type LiveOptions } from "./live";

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;
type Node = { url: string; close(): Promise<void> };

const errors: string[] = [];
const log = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };
const nodes: Node[] = [];
const clients: Client[] = [];

async function startNode(opts: Partial<LiveOptions> = {}): Promise<Node> {
  const http: HttpServer = createServer();
  const io = new Server(http, { serveClient: false });
  const live = attachLive(io, { log, flushMs: 100, trustProxy: true, redisUrl: "", ...opts });
  await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
  const node = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async close() {
      await live.close();
      await new Promise<void>((ok) => io.close(() => ok()));
    },
  };
  nodes.push(node);
  return node;
}

let main: Node;
const NEW_PARTICIPANTS_PER_MINUTE = 20;
beforeAll(async () => {
  main = await startNode({ limits: { addressNewParticipantsPerMinute: NEW_PARTICIPANTS_PER_MINUTE } });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  for (const n of nodes.splice(0).reverse()) await n.close();
});

const randomAddress = () => `10.${randomBytes(3).join(".")}`;
const cookieFor = async (participantId = newParticipantId()) => (await participantSetCookie(participantId)).split(";")[0]!;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function connect(options: { cookie?: string; address?: string; url?: string } = {}): Promise<Client> {
  const headers: Record<string, string> = { "x-forwarded-for": options.address ?? randomAddress() };
  if (options.cookie) headers.cookie = options.cookie;
  const client: Client = connectClient(options.url ?? main.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: headers });
  clients.push(client);
  await new Promise<void>((ok, fail) => {
    client.once("connect", () => ok());
    client.once("connect_error", fail);
  });
  return client;
}

function call<T = unknown>(client: Client, event: string, payload?: unknown): Promise<Ack<T>> {
  const c = client as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<Ack<T>> } };
  return c.timeout(5000).emitWithAck(event, payload);
}

async function ok<T>(promise: Promise<Ack<T>>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(`refused: ${answer.code} ${answer.message}`);
  return answer.data;
}

async function newRoom(eventStatus = "PUBLISHED") {
  const event = await createEvent({ status: eventStatus });
  const [room] = await ensureRoomsForEvent(event.id);
  return room!;
}

async function openPoll(roomId: string) {
  return db().poll.create({
    data: { roomId, title: "Ja eller nei?", kind: "SINGLE", status: "OPEN", options: { create: [{ label: "Ja" }, { label: "Nei" }] } },
    include: { options: true },
  });
}

async function staffModerator(role = "MODERATOR") {
  const staff = await db().staffUser.create({
    data: { email: `mod-${randomBytes(4).toString("hex")}@samhandling.test`, name: "Mona Moderator", role },
  });
  const session = (await createStaffSession(staff.id, "test")).split(";")[0]!;
  return { staff, session };
}

/** An honest visitor still gets in and is answered quickly. */
async function assertResponsive(url = main.url) {
  const room = await newRoom();
  const started = Date.now();
  const client = await connect({ cookie: await cookieFor(), url });
  await ok(call<RoomState>(client, "room:join", { code: room.code }));
  await ok(call(client, "question:ask", { text: "Er serveren fortsatt her?" }));
  expect(Date.now() - started).toBeLessThan(2000);
}

describe("budgets", () => {
  it("5,000 poll answers fired from one connection without waiting: a handful processed, the rest refused, the connection closed", async () => {
    const room = await newRoom();
    const poll = await openPoll(room.id);
    const flooder = await connect({ cookie: await cookieFor() });
    await ok(call(flooder, "room:join", { code: room.code }));
    const codes = new Map<string, number>();
    let disconnected = false;
    flooder.on("disconnect", () => (disconnected = true));
    const raw = flooder as unknown as { emit(e: string, p: unknown, ack: (a: Ack<unknown>) => void): void };
    for (let i = 0; i < 5000; i++) {
      raw.emit("poll:answer", { pollId: poll.id, optionIds: [poll.options[i % 2]!.id] }, (a) => {
        const code = a.ok ? "ok" : a.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      });
    }
    // Wait for the server to throw the flooder out (a loaded machine takes longer to refuse 5,000 events).
    for (let waited = 0; !disconnected && waited < 15_000; waited += 100) await sleep(100);
    expect(disconnected).toBe(true);
    expect(codes.get("rate-limited") ?? 0).toBeGreaterThan(0);
    // the burst of one connection (4 × 5 events) at most, and never a server error
    expect(codes.get("ok") ?? 0).toBeLessThanOrEqual(20);
    expect(codes.get("server")).toBeUndefined();
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBeLessThanOrEqual(1);
    await assertResponsive();
  });

  it("events fired faster than answers arrive: no more than the in-flight cap reach the database at once", async () => {
    const node = await startNode({ limits: { connectionEventsPerSecond: 1000, maxInFlight: 2 } });
    const room = await newRoom();
    const client = await connect({ cookie: await cookieFor(), url: node.url });
    await ok(call(client, "room:join", { code: room.code }));
    const acks = await Promise.all(Array.from({ length: 10 }, (_, i) => call(client, "question:ask", { text: `Spørsmål ${i}` })));
    const limited = acks.filter((a) => !a.ok && a.code === "rate-limited").length;
    expect(limited).toBeGreaterThanOrEqual(7);
    expect(limited).toBeLessThanOrEqual(8);
    expect(await db().question.count({ where: { roomId: room.id } })).toBeLessThanOrEqual(3);
  });

  it("join-code guessing: an address gets 20 misses, then no lookups at all for a while", async () => {
    const room = await newRoom();
    const address = randomAddress();
    const answers: Ack<unknown>[] = [];
    for (let s = 0; s < 3; s++) {
      const guesser = await connect({ address });
      for (let i = 0; i < 10; i++) answers.push(await call(guesser, "room:join", { code: `ZZZZ${"23456789"[s]}${"ABCDEFGHJK"[i]}` }));
    }
    const codes = answers.map((a) => (a.ok ? "ok" : a.code));
    expect(codes.filter((c) => c === "not-found")).toHaveLength(20);
    expect(codes.slice(20).every((c) => c === "rate-limited")).toBe(true);
    const last = answers.at(-1) as { message: string };
    expect(last.message).toMatch(/For mange ukjente romkoder/);
    // Even the right code is not looked up from that address now; another address gets in.
    const sameAddress = await connect({ address });
    expect(await call(sameAddress, "room:join", { code: room.code })).toMatchObject({ ok: false, code: "rate-limited" });
    await assertResponsive();
  });

  it("an oversized message closes that connection and nothing else", async () => {
    const room = await newRoom();
    const client = await connect({ cookie: await cookieFor() });
    await ok(call(client, "room:join", { code: room.code }));
    const closed = new Promise<void>((done) => client.once("disconnect", () => done()));
    (client as unknown as { emit(e: string, p: unknown, ack: () => void): void }).emit("question:ask", { text: "x".repeat(100_000) }, () => {});
    await closed;
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(0);
    await assertResponsive();
  });
});

describe("identity", () => {
  it("50 cookie-less connections cannot vote and 30 cannot ask; they may watch", async () => {
    const room = await newRoom();
    const poll = await openPoll(room.id);
    const address = randomAddress();
    const bare = await Promise.all(Array.from({ length: 50 }, () => connect({ address })));
    for (const c of bare) expect((await ok(call<RoomState>(c, "room:join", { code: room.code }))).room.id).toBe(room.id);
    const votes = await Promise.all(bare.map((c) => call(c, "poll:answer", { pollId: poll.id, optionIds: [poll.options[0]!.id] })));
    expect(votes.every((v) => !v.ok && v.code === "forbidden")).toBe(true);
    expect((votes[0] as { message: string }).message).toMatch(/Last inn siden på nytt/);
    const asks = await Promise.all(bare.slice(0, 30).map((c) => call(c, "question:ask", { text: "Spam" })));
    expect(asks.every((a) => !a.ok && a.code === "forbidden")).toBe(true);
    // a forged cookie is no better
    const forged = await connect({ address, cookie: `participant=${newParticipantId()}` });
    await ok(call(forged, "room:join", { code: room.code }));
    expect(await call(forged, "question:ask", { text: "Forfalsket" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(0);
    await assertResponsive();
  });

  it("one address brings at most K new participants into acting use per minute", async () => {
    const room = await newRoom();
    const poll = await openPoll(room.id);
    const address = randomAddress();
    const voters = await Promise.all(Array.from({ length: 30 }, async () => connect({ address, cookie: await cookieFor() })));
    for (const v of voters) await ok(call(v, "room:join", { code: room.code }));
    const votes = await Promise.all(voters.map((v) => call(v, "poll:answer", { pollId: poll.id, optionIds: [poll.options[1]!.id] })));
    expect(votes.filter((v) => v.ok)).toHaveLength(NEW_PARTICIPANTS_PER_MINUTE);
    expect(votes.filter((v) => !v.ok && v.code === "rate-limited")).toHaveLength(30 - NEW_PARTICIPANTS_PER_MINUTE);
    expect(await db().pollAnswer.count({ where: { pollId: poll.id } })).toBe(NEW_PARTICIPANTS_PER_MINUTE);
    // a participant already known from this address keeps acting
    const known = voters[votes.findIndex((v) => v.ok)]!;
    await ok(call(known, "poll:answer", { pollId: poll.id, optionIds: [poll.options[0]!.id] }));
  });

  it("the question limit holds across one participant's connections", async () => {
    const room = await newRoom();
    const cookie = await cookieFor();
    const tabs = await Promise.all(Array.from({ length: 3 }, () => connect({ cookie })));
    for (const t of tabs) await ok(call(t, "room:join", { code: room.code }));
    const asks = await Promise.all(tabs.flatMap((t, i) => [0, 1].map((j) => call(t, "question:ask", { text: `Fane ${i} spørsmål ${j}` }))));
    expect(asks.filter((a) => a.ok).length).toBeLessThanOrEqual(3);
    expect(asks.filter((a) => !a.ok && a.code === "rate-limited").length).toBeGreaterThanOrEqual(3);
    expect(await db().question.count({ where: { roomId: room.id } })).toBeLessThanOrEqual(3);
  });
});

describe("revocation", () => {
  it("removing a staff member ends their moderator socket at once", async () => {
    const room = await newRoom();
    const { staff, session } = await staffModerator();
    const admin = await db().staffUser.create({ data: { email: `admin-${randomBytes(4).toString("hex")}@samhandling.test`, name: "A", role: "ADMIN" } });
    const mod = await connect({ cookie: `${session}; ${await cookieFor()}` });
    await ok(call(mod, "room:join", { code: room.code, as: "moderator" }));
    const gone = new Promise<string>((done) => mod.once("disconnect", (reason) => done(reason)));
    expect(await removeStaff({ id: admin.id, email: admin.email }, staff.id)).toBeNull();
    expect(await gone).toBe("io server disconnect");
    // coming back with the same cookie gets nothing
    const again = await connect({ cookie: `${session}; ${await cookieFor()}` });
    expect(await call(again, "room:join", { code: room.code, as: "moderator" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call(again, "mod:room", { status: "CLOSED" })).toMatchObject({ ok: false, code: "not-joined" });
    expect((await db().liveRoom.findUniqueOrThrow({ where: { id: room.id } })).status).toBe("OPEN");
  });

  it("signing out ends that session's moderator socket; a session ended behind our back is caught on the next event", async () => {
    const room = await newRoom();
    const { session } = await staffModerator();
    const mod = await connect({ cookie: `${session}; ${await cookieFor()}` });
    await ok(call(mod, "room:join", { code: room.code, as: "moderator" }));
    const gone = new Promise<void>((done) => mod.once("disconnect", () => done()));
    await destroyStaffSession(new Request("http://localhost/", { headers: { Cookie: session } }));
    await gone;

    const second = await staffModerator();
    const other = await connect({ cookie: `${second.session}; ${await cookieFor()}` });
    await ok(call(other, "room:join", { code: room.code, as: "moderator" }));
    await db().staffSession.deleteMany({ where: { staffId: second.staff.id } }); // no hook runs
    await sleep(2100);
    expect(await call(other, "mod:room", { status: "CLOSED" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db().liveRoom.findUniqueOrThrow({ where: { id: room.id } })).status).toBe("OPEN");
  });

  it("rotating the speaker key ends the sockets that joined with the old one", async () => {
    const room = await newRoom();
    const oldKey = await createSpeakerKey(room.id);
    const speaker = await connect({ cookie: await cookieFor() });
    await ok(call(speaker, "room:join", { code: room.code, as: "moderator", speakerKey: oldKey }));
    const gone = new Promise<void>((done) => speaker.once("disconnect", () => done()));
    await createSpeakerKey(room.id);
    await gone;
    const back = await connect({ cookie: await cookieFor() });
    expect(await call(back, "room:join", { code: room.code, as: "moderator", speakerKey: oldKey })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().poll.count({ where: { roomId: room.id } })).toBe(0);
  });
});

describe("rooms follow the event", () => {
  it("a draft event's room is not found for the audience and the projector, on the socket and the page; staff may prepare it", async () => {
    const room = await newRoom("DRAFT");
    const visitor = await connect({ cookie: await cookieFor() });
    expect(await call(visitor, "room:join", { code: room.code })).toMatchObject({ ok: false, code: "not-found" });
    expect(await call(visitor, "room:join", { code: room.code, as: "screen" })).toMatchObject({ ok: false, code: "not-found" });
    expect(await call(visitor, "question:ask", { text: "Lekket?" })).toMatchObject({ ok: false, code: "not-joined" });
    await expect(requireRoom(room.code, "audience")).rejects.toMatchObject({ status: 404 });
    await expect(requireRoom(room.code, "screen")).rejects.toMatchObject({ status: 404 });
    expect((await requireRoom(room.code, "moderator")).id).toBe(room.id);
    const { session } = await staffModerator();
    const mod = await connect({ cookie: `${session}; ${await cookieFor()}` });
    expect((await ok(call<RoomState>(mod, "room:join", { code: room.code, as: "moderator" }))).role).toBe("moderator");
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(0);
  });
});

describe("bad input", () => {
  it("NUL, lone surrogates and bidi overrides are cleaned, never a server error", async () => {
    const room = await newRoom();
    const client = await connect({ cookie: await cookieFor() });
    await ok(call(client, "room:join", { code: room.code }));
    const q = await ok(call<{ id: string }>(client, "question:ask", { text: "Hei\u0000 der\uD800?", displayName: "Ola \u202Efdp" }));
    const stored = await db().question.findUniqueOrThrow({ where: { id: q.id } });
    expect(stored.text).toBe("Hei der\uFFFD?");
    expect(stored.displayName).toBe("Ola fdp");
    expect(await call(client, "question:ask", { text: "\u0000\u200B\u202E" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await call(client, "question:edit", { questionId: q.id, text: "\uDC00\u0000" })).toMatchObject({ ok: true });
    expect(await call(client, "question:upvote", { questionId: "\u0000".repeat(10), up: true })).toMatchObject({ ok: false, code: "invalid" });
    expect(await db().question.count({ where: { roomId: room.id } })).toBe(1);
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------- several processes on Redis
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const ci = process.env.CI === "true" || process.env.CI === "1";
const redisUp = await (async () => {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
})();
if (!redisUp) {
  if (ci) throw new Error(`Redis at ${REDIS_URL} is required under CI=true`);
  console.warn(`Skipping the two-process live tests: no Redis at ${REDIS_URL}.`);
}

describe.skipIf(!redisUp)("two processes on Redis", () => {
  const key = `abuse-live-${randomBytes(4).toString("hex")}`;

  it("votes committed by a process that never broadcast them reach the other process's clients within seconds", async () => {
    const b = await startNode({ redisUrl: REDIS_URL, redisKey: key, convergeMs: 500 });
    const a = await startNode({ redisUrl: REDIS_URL, redisKey: key, flushMs: 3_600_000 }); // A never flushes
    const room = await newRoom();
    const poll = await openPoll(room.id);
    const watcher = await connect({ cookie: await cookieFor(), url: b.url });
    await ok(call(watcher, "room:join", { code: room.code }));
    const seen = new Promise<number>((done) =>
      watcher.on("poll:results", ({ pollId, results }) => pollId === poll.id && results.total === 5 && done(results.total)),
    );
    for (let i = 0; i < 5; i++) {
      const voter = await connect({ cookie: await cookieFor(), url: a.url });
      await ok(call(voter, "room:join", { code: room.code }));
      await ok(call(voter, "poll:answer", { pollId: poll.id, optionIds: [poll.options[0]!.id] }));
    }
    const started = Date.now();
    expect(await seen).toBe(5);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("removing a staff member through one process ends their moderator socket on the other", async () => {
    // B holds the socket but does not hear the domain's call: only A does, and Redis carries it over.
    const b = await startNode({ redisUrl: REDIS_URL, redisKey: `${key}-r`, revocationHook: false });
    await startNode({ redisUrl: REDIS_URL, redisKey: `${key}-r` });
    const room = await newRoom();
    const { staff, session } = await staffModerator();
    const admin = await db().staffUser.create({ data: { email: `admin-${randomBytes(4).toString("hex")}@samhandling.test`, name: "A", role: "ADMIN" } });
    const mod = await connect({ cookie: `${session}; ${await cookieFor()}`, url: b.url });
    await ok(call<PollView>(mod, "room:join", { code: room.code, as: "moderator" }));
    const gone = new Promise<void>((done) => mod.once("disconnect", () => done()));
    await removeStaff({ id: admin.id, email: admin.email }, staff.id);
    await gone;
  });
});
