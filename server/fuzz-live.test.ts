// Property-based fuzzing of every client→server live event (clientSchemas) with arbitrary
// payloads: strings with NUL, lone surrogates, bidi and zero-width characters, wrong types,
// huge arrays, nested objects, and no acknowledgement at all. Whatever arrives, the answer is
// never `server`, the process logs no error, and it serves an honest client afterwards.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { newParticipantId, participantSetCookie } from "~/modules/live/participant.server";
import { clientSchemas, ERROR_CODES, type Ack, type ClientEventName } from "~/modules/live/protocol";
import { ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { createEvent } from "../test/factories";
import { attachLive } from "./live";

type Client = ClientSocket;
const errors: string[] = [];
let url: string;
let close: () => Promise<void>;
const clients: Client[] = [];

beforeAll(async () => {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  // Budgets high enough that the fuzzer reaches the handlers (the abuse suite tests the budgets).
  const live = attachLive(io, {
    log: { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) },
    redisUrl: "",
    limits: { connectionEventsPerSecond: 100_000, addressEventsPerSecond: 100_000, addressNewParticipantsPerMinute: 100_000, joinMissesPerMinute: 100_000 },
    questionRateLimit: { count: 100_000, windowMs: 1000 },
  });
  await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  close = async () => {
    await live.close();
    await new Promise<void>((ok) => io.close(() => ok()));
  };
});

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await close();
});

async function connect(cookie: string): Promise<Client> {
  const client = connectClient(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie } });
  clients.push(client);
  await new Promise<void>((ok, fail) => {
    client.once("connect", () => ok());
    client.once("connect_error", fail);
  });
  return client;
}

const call = (client: Client, event: string, payload: unknown) => client.timeout(5000).emitWithAck(event, payload) as Promise<Ack<unknown>>;
const participantCookie = async () => (await participantSetCookie(newParticipantId())).split(";")[0]!;

const NASTY = ["\u0000", "\uD800", "\uDFFF", "\u202E", "\u2066", "\u200B", "\uFEFF", "\u00AD", "\u0007", "\u009F", "😀", "\u200D", "'; DROP TABLE", "%00", "\\u0000"];
const nastyString = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 12 })
  .map((parts) => parts.join(""));

function payloadFor(event: ClientEventName, known: { questionId: string; pollId: string; optionId: string; code: string }) {
  // An object schema, or one wrapped in a refinement (ZodEffects keeps the object in _def.schema).
  type Shaped = { shape?: Record<string, unknown>; _def?: { schema?: Shaped } };
  const schema = clientSchemas[event] as unknown as Shaped;
  const shape = schema.shape ?? schema._def?.schema?.shape ?? {};
  const keys = Object.keys(shape);
  const value = fc.oneof(
    nastyString,
    fc.constantFrom(known.questionId, known.pollId, known.optionId, known.code, "OPEN", "CLOSED", "SINGLE", "WORDCLOUD", "approve", "screen"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(nastyString, fc.constant(known.optionId)), { maxLength: 60 }),
    fc.array(fc.integer(), { minLength: 200, maxLength: 1500 }),
    fc.object({ maxDepth: 3 }),
  );
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  // Nearly valid: every field present, the texts full of unwanted characters (what reaches the database).
  const nearlyValid = fc.record(
    Object.fromEntries(
      keys.map((k) => [
        k,
        k === "questionId" ? fc.constant(known.questionId)
        : k === "pollId" ? fc.constant(known.pollId)
        : k === "code" ? fc.constant(known.code)
        : k === "optionIds" ? fc.constant([known.optionId])
        : k === "up" ? fc.boolean()
        : k === "options" ? fc.array(nastyString, { minLength: 2, maxLength: 4 })
        : k === "kind" ? fc.constantFrom("SINGLE", "WORDCLOUD", "OPEN_TEXT")
        : ["as", "action", "status", "resultsVisibility", "rating", "maxChoices", "scaleMax", "preModeration", "allowAnonymous"].includes(k) ? fc.constant(undefined)
        : nastyString.map((t) => `a${t}`),
      ]),
    ),
  );
  return fc.oneof({ arbitrary: nearlyValid, weight: 3 }, record, fc.anything({ maxDepth: 3 }), nastyString, fc.constant(undefined));
}

it("no event with any payload gets a server answer, crashes the process or logs an error", { timeout: 90_000 }, async () => {
  const event = await createEvent();
  const [room] = await ensureRoomsForEvent(event.id);
  const question = await db().question.create({ data: { roomId: room!.id, participantId: "x", text: "Finnes", status: "APPROVED" } });
  const poll = await db().poll.create({
    data: { roomId: room!.id, title: "Ja?", kind: "SINGLE", status: "OPEN", options: { create: [{ label: "Ja" }, { label: "Nei" }] } },
    include: { options: true },
  });
  const known = { questionId: question.id, pollId: poll.id, optionId: poll.options[0]!.id, code: room!.code };

  const staff = await db().staffUser.create({ data: { email: `fuzz-${randomBytes(4).toString("hex")}@samhandling.test`, name: "F", role: "MODERATOR" } });
  const session = (await createStaffSession(staff.id, "fuzz")).split(";")[0]!;
  const audience = await connect(await participantCookie());
  const moderator = await connect(`${session}; ${await participantCookie()}`);
  const joiner = await connect(await participantCookie());
  expect((await call(audience, "room:join", { code: room!.code })).ok).toBe(true);
  expect((await call(moderator, "room:join", { code: room!.code, as: "moderator" })).ok).toBe(true);

  const refusals = new Set<string>(ERROR_CODES.filter((c) => c !== "server"));
  for (const name of Object.keys(clientSchemas) as ClientEventName[]) {
    const socket = name === "room:join" ? joiner : name.startsWith("mod:") ? moderator : audience;
    await fc.assert(
      fc.asyncProperty(payloadFor(name, known), fc.boolean(), async (payload, withoutAck) => {
        if (withoutAck) {
          socket.emit(name, payload); // must simply be ignored
          return;
        }
        const answer = await call(socket, name, payload);
        expect(answer.ok || refusals.has(answer.code), `${name} ${JSON.stringify(answer)}`).toBe(true);
        if (!answer.ok) expect(answer.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 40 },
    );
    expect(socket.connected, `${name} left the socket connected`).toBe(true);
  }

  // Healthy afterwards: a new visitor joins and asks.
  const honest = await connect(await participantCookie());
  expect((await call(honest, "room:join", { code: room!.code })).ok).toBe(true);
  await db().liveRoom.update({ where: { id: room!.id }, data: { status: "OPEN", allowAnonymous: true } });
  expect(await call(honest, "question:ask", { text: "Alt i orden?" })).toMatchObject({ ok: true });
  expect(errors).toEqual([]);
});
