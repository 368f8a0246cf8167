// Live Q&A and polls over Socket.IO. Handlers are thin, like route modules: validate the
// payload (clientSchemas), check the connection's room and role, call the domain module,
// acknowledge after the commit, then tell the right audience. Counts (upvotes, poll results)
// are marked dirty and flushed per room on a timer, so a vote storm yields a few broadcasts
// per second instead of one per vote. See docs/realtime-protocol.md.
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Server, Socket } from "socket.io";
import { staffSessionById, staffSessionFromCookieHeader } from "../app/modules/auth/session.server.js";
import { hasRole } from "../app/modules/auth/roles.js";
import { getLocale, translator } from "../app/i18n/i18n.server.js";
import type { Locale } from "../app/i18n/locales.js";
import { LiveError } from "../app/modules/live/errors.server.js";
import { describeInvalid, liveText, type LiveMessage } from "../app/modules/live/messages.js";
import { registerLiveRevocation, type LiveRevocation } from "../app/modules/live/live-revocation.server.js";
import { registerLiveBroadcast } from "../app/modules/live/live-broadcast.server.js";
import { newParticipantId, participantFromCookieHeader } from "../app/modules/live/participant.server.js";
import { audit, type Actor } from "../app/modules/audit/audit.server.js";
import {
  blockedRefusal,
  blockParticipant,
  hideIfBlocked,
  isBlocked,
  moderateAnswer,
  moderationState,
  setWordHidden,
  TEXT_KINDS,
  unblockParticipant,
  type BlockOutcome,
} from "../app/modules/live/moderation.server.js";
import { answerPoll, canSeeResults, createPoll, pollView, resultsOf, pollSelect, setPollStatus, type PollRow } from "../app/modules/live/polls.server.js";
import { deletePoll, duplicatePoll, updatePoll } from "../app/modules/live/polls.server.js";
import {
  clientSchemas,
  type Ack,
  type ClientEventName,
  type AnswerView,
  type ClientToServerEvents,
  type LiveRole,
  type PollResults,
  type ScreenMode,
  type ServerToClientEvents,
} from "../app/modules/live/protocol.js";
import {
  askQuestion,
  editQuestion,
  isVisible,
  moderateQuestion,
  VISIBLE_STATUSES,
  questionView,
  upvoteQuestion,
  withdrawQuestion,
  DEFAULT_QUESTION_RATE_LIMIT,
  type QuestionRow,
  type RateLimit,
} from "../app/modules/live/questions.server.js";
import {
  currentItemOf,
  getRoom,
  getRoomByCode,
  isRoomPublic,
  itemForNewEntry,
  roomSelect,
  setCurrentItem,
  personalRoomState,
  roomView,
  sharedRoomState,
  updateRoom,
  verifySpeakerKey,
  type SharedRoomState,
} from "../app/modules/live/rooms.server.js";
import { setScreen } from "../app/modules/live/screen.server.js";
import { db } from "../app/utils/db.server.js";
import { cleanStrings } from "../app/utils/text.js";
import { clientAddress, DEFAULT_LIVE_LIMITS, RecentPairs, TokenBuckets, type LiveLimits } from "./live-limits.js";

type Log = Pick<Console, "info" | "warn" | "error">;
/** How a moderator got their rights, so they can be taken back (revocation) and re-checked. */
type ModeratorGrant = { kind: "staff"; staffId: string; sessionId: string; email: string } | { kind: "speaker"; keyHash: string };
type SocketData = {
  participantId: string;
  roomId: string | null;
  role: LiveRole;
  /** The participant id came from a cookie our page signed (only then may this connection act). */
  signed: boolean;
  /** The client address budgets are kept for. */
  address: string;
  grant: ModeratorGrant | null;
  /** When the moderator's rights were last confirmed against the database (ms). */
  grantCheckedAt: number;
  /** The connection's language (its "lang" cookie or Accept-Language), for the sentence in a refusal. */
  locale: Locale;
};
export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type LiveOptions = {
  log: Log;
  /** How often dirty counts are broadcast, per room (ms). */
  flushMs?: number;
  questionRateLimit?: RateLimit;
  /** Redis for several processes; defaults to process.env.REDIS_URL. */
  redisUrl?: string;
  /** Channel prefix in Redis (tests keep theirs apart). */
  redisKey?: string;
  /** Budgets per connection and per client address (DEFAULT_LIVE_LIMITS). */
  limits?: Partial<LiveLimits>;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
  /** Register for the staff domain's revocations (default true; a test of two processes turns one off). */
  revocationHook?: boolean;
  /** How often this process re-reads counts for rooms with its own audience and sends what changed (ms). */
  convergeMs?: number;
  // ---- evening
  /** How often this process checks whether the programme's times moved the item of event rooms with its own sockets (ms). */
  programmeMs?: number;
  // ---- session report
  /** How often a room's grown peak of participants is written to the database (ms). */
  peakWriteMs?: number;
};

/** Largest Socket.IO message accepted (Engine.IO's maxHttpBufferSize); live payloads are well under 4 kB. */
export const LIVE_MAX_MESSAGE_BYTES = 16 * 1024;
/** How long a moderator's rights count as confirmed before the next event re-reads them. */
const GRANT_RECHECK_MS = 2000;
/** How long a code → room lookup is reused for audience joins (an unpublished event then stops new joins within this). */
const CODE_CACHE_MS = 5000;

const staffRoom = (staffId: string) => `staff:${staffId}`;
const sessionRoom = (sessionId: string) => `staff-session:${sessionId}`;
const speakerKeyRoom = (roomId: string) => `speaker-key:${roomId}`;

/** Events that act as a participant: only with a participant cookie our page signed. */
const ACTING = new Set<ClientEventName>(["question:ask", "question:edit", "question:withdraw", "question:upvote", "poll:answer"]);

const audienceRoom = (roomId: string) => `room:${roomId}`;
const modRoom = (roomId: string) => `room:${roomId}:mod`;
const screenRoom = (roomId: string) => `room:${roomId}:screen`;
// ---- presenter: the speaker's view hears poll results whatever their visibility
const presenterRoom = (roomId: string) => `room:${roomId}:presenter`;
const participantRoom = (roomId: string, participantId: string) => `room:${roomId}:p:${participantId}`;

type RefusalCode = Exclude<Ack<never>, { ok: true }>["code"];
/** A refusal before it knows its reader: the catalog key and values (the sentence is added per connection). */
type PendingRefusal = { ok: false; code: RefusalCode } & LiveMessage;
const refusal = (code: RefusalCode, key: LiveMessage["key"], values?: LiveMessage["values"]): PendingRefusal => ({ ok: false, code, key, values });

/**
 * The sentence of a refusal in one language. A flood repeats the same few refusals thousands of
 * times, so rendered sentences are kept (bounded) and refusing stays as cheap as before.
 */
const sentences = new Map<string, string>();
function sentence(locale: Locale, m: LiveMessage): string {
  const cacheKey = `${locale}\u0000${m.key}\u0000${m.values ? JSON.stringify(m.values) : ""}`;
  let text = sentences.get(cacheKey);
  if (text === undefined) {
    text = liveText(translator(locale), m);
    if (sentences.size >= 2000) sentences.clear();
    sentences.set(cacheKey, text);
  }
  return text;
}

/** Error codes of an error and its causes (Prisma's own, and the database's through a driver adapter). */
function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as never, depth++) {
    for (const v of [e.code, (e.meta as Record<string, unknown> | undefined)?.code, e.originalCode, (e.meta as Record<string, unknown> | undefined)?.driverAdapterError]) {
      if (typeof v === "string") codes.push(v);
    }
  }
  return codes;
}

/**
 * A refusal for a database error that the input caused, so the client never gets `server` (which
 * means "retry") for something that can never succeed. Null when the error is really ours.
 */
export function refusalForDatabaseError(err: unknown): ReturnType<typeof refusal> | null {
  const codes = errorCodes(err);
  const has = (...c: string[]) => codes.some((x) => c.includes(x));
  // Prisma: value too long / invalid value / could not convert; PostgreSQL: data exceptions (class 22).
  if (has("P2000", "P2005", "P2006", "P2007", "P2009", "P2019", "P2020") || codes.some((c) => /^22[0-9A-Z]{3}$/.test(c))) {
    return refusal("invalid", "live:error.cannotStore");
  }
  if (has("P2025", "P2001", "P2015", "P2018")) return refusal("not-found", "live:error.goneReload");
  // A unique or foreign key that someone else's change got to first, or a deadlock/serialisation failure.
  if (has("P2002", "P2003", "P2014", "P2034", "23505", "23503", "40001", "40P01")) {
    return refusal("conflict", "live:error.concurrent");
  }
  return null;
}

/** A rough size of a decoded payload (Engine.IO already refused anything above LIVE_MAX_MESSAGE_BYTES). */
function tooBig(payload: unknown): boolean {
  try {
    return (JSON.stringify(payload) ?? "").length > LIVE_MAX_MESSAGE_BYTES;
  } catch {
    return true; // cyclic or otherwise unserialisable: not something a client sends
  }
}

export function attachLive(io: Server<ClientToServerEvents, ServerToClientEvents>, opts: LiveOptions): { close(): Promise<void> } {
  const live = io as unknown as LiveServer;
  const { log } = opts;
  const flushMs = opts.flushMs ?? 250;
  const rateLimit = opts.questionRateLimit ?? DEFAULT_QUESTION_RATE_LIMIT;
  const limits: LiveLimits = { ...DEFAULT_LIVE_LIMITS, ...opts.limits };
  const trustProxy = opts.trustProxy ?? false;
  const convergeMs = opts.convergeMs ?? 3000;

  // Bound what one message may be before it is decoded: the WebSocket server is made anew with it.
  const engine = live.engine as unknown as { opts: { maxHttpBufferSize: number }; init(): void };
  if (engine.opts.maxHttpBufferSize > LIVE_MAX_MESSAGE_BYTES) {
    engine.opts.maxHttpBufferSize = LIVE_MAX_MESSAGE_BYTES;
    engine.init();
  }

  // Budgets (see server/live-limits.ts and decision 008).
  const connectionBudget = new TokenBuckets(limits.connectionEventsPerSecond * 4, limits.connectionEventsPerSecond);
  const addressBudget = new TokenBuckets(limits.addressEventsPerSecond * 5, limits.addressEventsPerSecond);
  const newParticipantBudget = new TokenBuckets(limits.addressNewParticipantsPerMinute, limits.addressNewParticipantsPerMinute / 60);
  const joinMissBudget = new TokenBuckets(20, limits.joinMissesPerMinute / 60);
  const actingPairs = new RecentPairs();

  let redis: { pub: Redis; sub: Redis } | null = null;
  const redisUrl = opts.redisUrl ?? process.env.REDIS_URL;
  if (redisUrl) {
    const pub = new Redis(redisUrl);
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (err) => log.error(`Redis (Socket.IO adapter): ${err.message}`));
    live.adapter(createAdapter(pub, sub, opts.redisKey ? { key: opts.redisKey } : {}));
    redis = { pub, sub };
  }

  // ---------------------------------------------------------------- shared snapshots
  // A crowd joining at once (the QR code on the projector) shares one read of the room's common
  // state per role; every change in this process forgets it synchronously, before its broadcast.
  // A joining socket enters the Socket.IO rooms before taking the snapshot, so a change made after
  // the snapshot reaches it as an event. With several processes a change elsewhere cannot forget
  // our copy, so the sharing is off then; changes made outside this module (staff pages) are
  // covered by the short lifetime.
  const shareSnapshots = !redisUrl;
  const SNAPSHOT_MS = 1000;
  const snapshots = new Map<string, { at: number; snapshot: Promise<SharedRoomState> }>();
  function forgetSnapshots(roomId: string) {
    for (const role of ["audience", "moderator", "screen", "presenter"]) snapshots.delete(`${roomId}:${role}`);
  }
  function shared(roomId: string, role: LiveRole): Promise<SharedRoomState> {
    if (!shareSnapshots) return sharedRoomState(roomId, role);
    const key = `${roomId}:${role}`;
    const cached = snapshots.get(key);
    if (cached && Date.now() - cached.at < SNAPSHOT_MS) return cached.snapshot;
    const entry = { at: Date.now(), snapshot: sharedRoomState(roomId, role) };
    snapshots.set(key, entry);
    entry.snapshot.catch(() => snapshots.get(key) === entry && snapshots.delete(key));
    return entry.snapshot;
  }
  // Codes never change; whether the event is public may, so an entry is reused for a few seconds only.
  const roomsByCode = new Map<string, { roomId: string; at: number }>();

  // ---- session report: participants at peak
  // The audience of each room on this node: distinct participant ids of audience connections (a
  // phone with two tabs counts once). The largest number seen is kept per room and written by a
  // timer, only when it grew and with a conditional update, so the database keeps the maximum and
  // a join costs no query. With several nodes each writes its own count and the report shows the
  // largest (a sum across nodes is for the scaling work). See docs/realtime-protocol.md.
  const present = new Map<string, Map<string, number>>();
  const countedAs = new Map<string, { roomId: string; participantId: string }>();
  const peaks = new Map<string, { n: number; at: Date; written: number }>();
  function arrive(socketId: string, roomId: string, participantId: string) {
    depart(socketId);
    countedAs.set(socketId, { roomId, participantId });
    let here = present.get(roomId);
    if (!here) present.set(roomId, (here = new Map()));
    here.set(participantId, (here.get(participantId) ?? 0) + 1);
    const peak = peaks.get(roomId);
    if (!peak || here.size > peak.n) peaks.set(roomId, { n: here.size, at: new Date(), written: peak?.written ?? 0 });
  }
  function depart(socketId: string) {
    const counted = countedAs.get(socketId);
    if (!counted) return;
    countedAs.delete(socketId);
    const here = present.get(counted.roomId);
    const left = (here?.get(counted.participantId) ?? 1) - 1;
    if (left > 0) here!.set(counted.participantId, left);
    else here?.delete(counted.participantId);
    if (here && here.size === 0) present.delete(counted.roomId);
  }
  async function writePeaks() {
    for (const [roomId, peak] of [...peaks]) {
      if (peak.n > peak.written) {
        const n = peak.n;
        await db().liveRoom.updateMany({ where: { id: roomId, peakParticipants: { lt: n } }, data: { peakParticipants: n, peakAt: peak.at } });
        peak.written = n;
      }
      // A room nobody is in on this node starts again from the database's maximum next time.
      if (!present.has(roomId) && peak.written >= peak.n) peaks.delete(roomId);
    }
  }
  const peakTimer = setInterval(
    () => void writePeaks().catch((err) => log.error(`Live: writing participant peaks failed: ${(err as Error).message}`)),
    opts.peakWriteMs ?? 5000,
  );
  peakTimer.unref();

  // ---------------------------------------------------------------- coalesced counts
  type Dirty = { questions: Set<string>; polls: Set<string> };
  const dirty = new Map<string, Dirty>();
  const markDirty = (roomId: string, kind: keyof Dirty, id: string) => {
    forgetSnapshots(roomId);
    let entry = dirty.get(roomId);
    if (!entry) dirty.set(roomId, (entry = { questions: new Set(), polls: new Set() }));
    entry[kind].add(id);
  };

  // What this process last sent its own connections, per room: upvote counts of visible
  // questions and results of open polls. The convergence pass below compares against it.
  type Sent = { counts: Map<string, number>; results: Map<string, string> };
  const sent = new Map<string, Sent>();
  const sentFor = (roomId: string) => {
    let entry = sent.get(roomId);
    if (!entry) sent.set(roomId, (entry = { counts: new Map(), results: new Map() }));
    return entry;
  };

  async function flushRoom(roomId: string, entry: Dirty) {
    if (entry.questions.size > 0) {
      const rows = await db().question.findMany({
        where: { id: { in: [...entry.questions] }, roomId },
        select: { id: true, upvoteCount: true, status: true },
      });
      const visible: Record<string, number> = {};
      const modOnly: Record<string, number> = {};
      for (const r of rows) (isVisible(r.status) ? visible : modOnly)[r.id] = r.upvoteCount;
      if (Object.keys(visible).length > 0) live.to(audienceRoom(roomId)).emit("question:counts", visible);
      if (Object.keys(modOnly).length > 0) live.to(modRoom(roomId)).emit("question:counts", modOnly);
      const counts = sentFor(roomId).counts;
      for (const [id, n] of Object.entries(visible)) counts.set(id, n);
    }
    for (const pollId of entry.polls) {
      const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
      if (poll) {
        const results = await resultsOf(poll);
        emitResults(poll, results);
        sentFor(roomId).results.set(poll.id, JSON.stringify(results));
      }
    }
  }

  /**
   * Counts converge across processes. A process that dies between committing votes and flushing
   * their broadcast leaves the others' clients with old counts; so every convergeMs each process
   * re-reads the counts of the rooms where it has its own audience (visible questions, open polls)
   * and tells its own connections only what differs from what it last sent them. Rooms with
   * changes waiting for the regular flush are left to it.
   */
  async function converge() {
    const adapterRooms = (live.of("/").adapter as unknown as { rooms: Map<string, Set<string>> }).rooms;
    const local = new Set<string>();
    for (const [name, members] of adapterRooms) {
      const match = /^room:([^:]+)$/.exec(name);
      if (match && members.size > 0) local.add(match[1]!);
    }
    for (const roomId of sent.keys()) if (!local.has(roomId)) sent.delete(roomId);
    for (const roomId of local) {
      if (dirty.has(roomId)) continue;
      const last = sentFor(roomId);
      const [questions, polls] = await Promise.all([
        db().question.findMany({ where: { roomId, status: { in: VISIBLE_STATUSES } }, select: { id: true, upvoteCount: true } }),
        db().poll.findMany({ where: { roomId, status: "OPEN" }, select: pollSelect }),
      ]);
      const changed: Record<string, number> = {};
      for (const q of questions) {
        const before = last.counts.get(q.id);
        if (before === q.upvoteCount || (before === undefined && q.upvoteCount === 0)) continue;
        changed[q.id] = q.upvoteCount;
        last.counts.set(q.id, q.upvoteCount);
      }
      if (Object.keys(changed).length > 0) live.local.to(audienceRoom(roomId)).emit("question:counts", changed);
      for (const poll of polls) {
        const results = await resultsOf(poll);
        const json = JSON.stringify(results);
        const before = last.results.get(poll.id);
        if (before === json || (before === undefined && results.total === 0)) continue;
        last.results.set(poll.id, json);
        emitResults(poll, results, { localOnly: true });
      }
    }
  }

  // Flushes and convergence take turns, so a slower read can never send an older count last.
  let flushing = false;
  async function exclusive(work: () => Promise<void>, what: string) {
    if (flushing) return;
    flushing = true;
    try {
      await work();
    } catch (err) {
      log.error(`Live: ${what} failed: ${(err as Error).stack ?? err}`);
    } finally {
      flushing = false;
    }
  }
  const timer = setInterval(() => {
    if (dirty.size === 0) return;
    void exclusive(async () => {
      const batch = [...dirty];
      dirty.clear();
      for (const [roomId, entry] of batch) await flushRoom(roomId, entry);
    }, "broadcasting counts");
  }, flushMs);
  timer.unref();
  const convergeTimer = setInterval(() => void exclusive(converge, "re-reading counts"), convergeMs);
  convergeTimer.unref();

  function emitRoom(room: ReturnType<typeof roomView>) {
    forgetSnapshots(room.id);
    lastItem.set(room.id, room.currentItem?.id ?? null);
    live.to(audienceRoom(room.id)).emit("room:changed", room);
  }

  // ---- evening: the programme's times move the event room's item
  // Per process, over the event rooms that follow the programme and have sockets here: when the
  // item on now differs from the one this process last told its sockets, it tells them (local
  // sockets only, so several processes never send it twice).
  const programmeMs = opts.programmeMs ?? 10_000;
  const lastItem = new Map<string, string | null>();
  async function followProgrammes() {
    const adapterRooms = (live.of("/").adapter as unknown as { rooms: Map<string, Set<string>> }).rooms;
    const local: string[] = [];
    for (const [name, members] of adapterRooms) {
      const match = /^room:([^:]+)$/.exec(name);
      if (match && members.size > 0) local.push(match[1]!);
    }
    for (const roomId of lastItem.keys()) if (!local.includes(roomId)) lastItem.delete(roomId);
    if (local.length === 0) return;
    const rooms = await db().liveRoom.findMany({ where: { id: { in: local }, programmeItemId: null, followProgramme: true }, select: roomSelect });
    const now = new Date();
    for (const room of rooms) {
      const item = currentItemOf(room, now)?.id ?? null;
      if (!lastItem.has(room.id)) {
        lastItem.set(room.id, item);
        continue;
      }
      if (lastItem.get(room.id) === item) continue;
      lastItem.set(room.id, item);
      forgetSnapshots(room.id);
      live.local.to(audienceRoom(room.id)).emit("room:changed", roomView(room));
    }
  }
  let followingProgrammes = false;
  const programmeTimer = setInterval(() => {
    if (followingProgrammes) return;
    followingProgrammes = true;
    followProgrammes()
      .catch((err) => log.error(`Live: following the programme failed: ${(err as Error).stack ?? err}`))
      .finally(() => (followingProgrammes = false));
  }, programmeMs);
  programmeTimer.unref();
  // ---- end evening

  /** Results to everyone allowed to see them (moderators always). */
  function emitResults(poll: PollRow, results: PollResults, { localOnly = false } = {}) {
    const targets = [modRoom(poll.roomId), presenterRoom(poll.roomId)];
    if (canSeeResults(poll, "audience")) targets.push(audienceRoom(poll.roomId));
    else if (canSeeResults(poll, "screen")) targets.push(screenRoom(poll.roomId));
    (localOnly ? live.local : live).to(targets).emit("poll:results", { pollId: poll.id, results });
  }

  // ---------------------------------------------------------------- broadcasting changes
  function emitQuestion(before: QuestionRow | null, after: QuestionRow) {
    const roomId = after.roomId;
    forgetSnapshots(roomId);
    live.to(modRoom(roomId)).emit("question:changed", questionView(after, { participantId: null, role: "moderator" }));
    // The audience hears of a question when they can see it now or could before (so they drop it).
    const others = [audienceRoom(roomId), screenRoom(roomId)];
    if (isVisible(after.status) || (before && isVisible(before.status))) {
      live.to(others).except([modRoom(roomId), participantRoom(roomId, after.participantId)])
        .emit("question:changed", questionView(after, { participantId: null, role: "audience" }));
    }
    // The asker's own tabs always hear of it, with mine: true.
    live.to(participantRoom(roomId, after.participantId)).except(modRoom(roomId))
      .emit("question:changed", questionView(after, { participantId: after.participantId, role: "audience" }));
  }

  function emitPoll(poll: PollRow, results: PollResults | undefined) {
    const roomId = poll.roomId;
    forgetSnapshots(roomId);
    live.to(modRoom(roomId)).emit("poll:changed", pollView(poll, { results }));
    if (poll.status === "DRAFT") return; // drafts are for moderators only
    const withResults = (role: LiveRole) => pollView(poll, { results: canSeeResults(poll, role) ? results : undefined });
    live.to(screenRoom(roomId)).except(modRoom(roomId)).emit("poll:changed", withResults("screen"));
    live.to(presenterRoom(roomId)).except(modRoom(roomId)).emit("poll:changed", withResults("presenter"));
    live.to(audienceRoom(roomId)).except([modRoom(roomId), screenRoom(roomId), presenterRoom(roomId)]).emit("poll:changed", withResults("audience"));
  }

  // ---- poll library
  /** A deleted poll leaves every screen (drafts were the moderators' only, but telling all is harmless). */
  async function emitPollRemoved(roomId: string, pollId: string, screenCleared: boolean) {
    forgetSnapshots(roomId);
    sentFor(roomId).results.delete(pollId);
    live.to([modRoom(roomId), audienceRoom(roomId), screenRoom(roomId)]).emit("poll:removed", { pollId });
    if (screenCleared) {
      const room = await getRoom(roomId);
      if (room) emitRoom(roomView(room));
    }
  }
  // ---- end poll library

  // ---------------------------------------------------------------- handlers
  type Ctx = { socket: LiveSocket; roomId: string; participantId: string; role: LiveRole };
  type Handler<E extends ClientEventName> = (
    payload: ReturnType<(typeof clientSchemas)[E]["parse"]>,
    ctx: Ctx,
  ) => Promise<unknown>;
  /** Per connection: events waiting for the database, and flood refusals in a row. */
  type Guard = { inFlight: number; refusedInRow: number };

  /**
   * The one door for every client event, in the order that keeps a flood cheap: budgets (no
   * parsing, no database), the in-flight cap, cleaning and validating the payload, the room and
   * role, then the identity an acting event needs. Only then the handler; its refusals and any
   * database error the input caused become a code the client can act on, never `server`.
   */
  function on<E extends ClientEventName>(
    socket: LiveSocket,
    guard: Guard,
    event: E,
    need: "joined" | "moderator" | "none",
    handler: Handler<E>,
  ) {
    (socket as unknown as { on(e: string, fn: (...args: unknown[]) => void): void }).on(event, async (...args: unknown[]) => {
      const last = args[args.length - 1];
      // Every event needs an acknowledgement: without one the client cannot know the outcome.
      const ack = typeof last === "function" ? (last as (a: Ack<unknown>) => void) : null;
      const reply = (answer: { ok: true; data: unknown } | PendingRefusal) => {
        // A refusal carries its key and values, and the sentence in this connection's language.
        const sent: Ack<unknown> = answer.ok ? answer : { ...answer, message: sentence(socket.data.locale, answer) };
        try {
          ack?.(sent);
        } catch {
          // the client is gone
        }
      };
      const flooding = (key: LiveMessage["key"]) => {
        reply(refusal("rate-limited", key));
        if (++guard.refusedInRow >= limits.floodDisconnectAfter && socket.connected) {
          log.warn(`Live: closed a connection from ${socket.data.address} that kept sending after ${guard.refusedInRow} refusals`);
          socket.disconnect(true);
        }
      };
      // Budgets come first and cost every event, with or without an acknowledgement.
      if (!connectionBudget.take(socket.id) || !addressBudget.take(socket.data.address)) {
        return flooding("live:error.tooFast");
      }
      if (!ack) return;
      if (guard.inFlight >= limits.maxInFlight) return flooding("live:error.waitForAnswer");
      guard.refusedInRow = 0;
      guard.inFlight++;
      try {
        const raw = args.length > 1 ? args[0] : undefined;
        if (tooBig(raw)) return reply(refusal("invalid", "live:error.tooLarge"));
        const parsed = clientSchemas[event].safeParse(cleanStrings(raw));
        if (!parsed.success) {
          const problem = describeInvalid(parsed.error);
          return reply(refusal("invalid", problem.key, problem.values));
        }
        const { roomId, participantId, role } = socket.data;
        if (need !== "none" && !roomId) return reply(refusal("not-joined", "live:error.joinFirst"));
        // ---- presenter: the speaker's view may mark a question answered, and nothing else a moderator may
        if (need === "moderator" && role === "presenter") {
          const answering = event === "mod:question" && (parsed.data as { action?: string }).action === "answer";
          if (!answering) return reply(refusal("forbidden", "live:error.presenterAnswerOnly"));
          if (!(await stillModerator(socket))) return reply(refusal("forbidden", "live:error.moderatorsOnly"));
        } else if (need === "moderator" && (role !== "moderator" || !(await stillModerator(socket)))) {
          return reply(refusal("forbidden", "live:error.moderatorsOnly"));
        }
        if (ACTING.has(event)) {
          if (!socket.data.signed) return reply(refusal("forbidden", "live:error.reloadToTakePart"));
          const pair = `${socket.data.address} ${participantId}`;
          if (!actingPairs.known(pair)) {
            if (!newParticipantBudget.take(socket.data.address)) {
              return reply(refusal("rate-limited", "live:error.manyNewParticipants"));
            }
          }
          actingPairs.remember(pair);
          // A participant a moderator blocked in this room may not act in it.
          if (await isBlocked(roomId!, participantId)) throw blockedRefusal();
        }
        const data = await handler(parsed.data as never, { socket, roomId: roomId!, participantId, role });
        reply({ ok: true, data });
      } catch (err) {
        if (err instanceof LiveError) return reply(refusal(err.code, err.key, err.values));
        const mapped = refusalForDatabaseError(err);
        if (mapped) {
          log.warn(`Live: ${event} refused as ${mapped.code}: ${(err as Error).message?.split("\n")[0]}`);
          return reply(mapped);
        }
        log.error(`Live: ${event} failed: ${(err as Error).stack ?? err}`);
        reply(refusal("server", "live:error.server"));
      } finally {
        guard.inFlight--;
      }
    });
  }

  /** Moderator rights at the time of joining, or null. A valid speaker key wins over a staff session. */
  async function moderatorGrant(room: { speakerKeyHash: string | null }, speakerKey: string | undefined, cookieHeader: string | undefined): Promise<ModeratorGrant | null> {
    if (verifySpeakerKey(room, speakerKey)) return { kind: "speaker", keyHash: room.speakerKeyHash! };
    const session = await staffSessionFromCookieHeader(cookieHeader);
    if (session && hasRole(session.staff.role, "MODERATOR")) {
      return { kind: "staff", staffId: session.staff.id, sessionId: session.sessionId, email: session.staff.email };
    }
    return null;
  }

  /**
   * The belt to the revocation's braces: a moderator event re-reads the rights (at most every
   * GRANT_RECHECK_MS), so a change that no hook announced (an expired session, a database edit)
   * also ends them. Demotes the connection to audience when they are gone.
   */
  async function stillModerator(socket: LiveSocket): Promise<boolean> {
    const { grant, roomId } = socket.data;
    if (!grant || !roomId) return false;
    if (Date.now() - socket.data.grantCheckedAt < GRANT_RECHECK_MS) return true;
    let valid: boolean;
    if (grant.kind === "staff") {
      const session = await staffSessionById(grant.sessionId);
      valid = session !== null && hasRole(session.staff.role, "MODERATOR");
    } else {
      const room = await db().liveRoom.findUnique({ where: { id: roomId }, select: { speakerKeyHash: true } });
      valid = room?.speakerKeyHash === grant.keyHash;
    }
    if (valid) {
      socket.data.grantCheckedAt = Date.now();
      return true;
    }
    socket.data.role = "audience";
    socket.data.grant = null;
    const grantRooms = grant.kind === "staff" ? [staffRoom(grant.staffId), sessionRoom(grant.sessionId)] : [speakerKeyRoom(roomId)];
    for (const name of [modRoom(roomId), presenterRoom(roomId), ...grantRooms]) socket.leave(name);
    return false;
  }

  // Revocation (app/modules/live/live-revocation.server.ts): the staff domain calls these; through
  // the Redis adapter the disconnect reaches the sockets on every process.
  const revocation: LiveRevocation = {
    staff: async (staffId) => live.in(staffRoom(staffId)).disconnectSockets(true),
    session: async (sessionId) => live.in(sessionRoom(sessionId)).disconnectSockets(true),
    speakerKey: async (roomId) => live.in(speakerKeyRoom(roomId)).disconnectSockets(true),
  };
  const unregisterRevocation = opts.revocationHook === false ? () => {} : registerLiveRevocation(revocation);
  // Room settings changed on the staff page (live-broadcast.server.ts) reach open sockets at once.
  const unregisterBroadcast = registerLiveBroadcast({
    roomChanged: async (roomId) => {
      const room = await getRoom(roomId);
      if (room) emitRoom(roomView(room));
    },
    // ---- poll library (the staff page's poll library)
    pollChanged: async (roomId, pollId) => {
      const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
      if (poll) emitPoll(poll, poll.status === "DRAFT" ? undefined : await resultsOf(poll));
    },
    pollRemoved: (roomId, pollId, screenCleared) => emitPollRemoved(roomId, pollId, screenCleared),
  });

  /** Who did it, for the audit log: the staff member, or the speaker's secret link. */
  function actorOfSocket(socket: LiveSocket): Actor {
    const grant = socket.data.grant;
    return grant?.kind === "staff" ? { id: grant.staffId, email: grant.email } : { id: null, email: "speaker-link" };
  }
  /** The audit summary is stored in bokmål (shown with lang="nb"); the action name is translated. */
  const SCREEN_LABELS_NB: Record<ScreenMode, string> = {
    JOIN: "invitasjonen til å bli med",
    QUESTION: "et spørsmål",
    POLL: "resultatene av en avstemning",
    WORDCLOUD: "en ordsky",
    TOP: "de mest populære spørsmålene",
    PAUSE: "pause",
  };
  const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  /** Audits a moderator action on an existing handler after its commit (the new handlers audit inside their transaction). */
  async function auditMod(c: Ctx, entry: { action: string; targetType: string; targetId: string; summary: string; details?: unknown }) {
    await audit(db(), actorOfSocket(c.socket), { ...entry, details: { roomId: c.roomId, ...(entry.details as object | undefined) } });
  }

  /** Results now, not at the next flush: what a moderator hid leaves every screen at once. */
  async function refreshResults(roomId: string, pollIds: string[]) {
    for (const pollId of pollIds) {
      const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
      if (!poll || poll.status === "DRAFT") continue;
      forgetSnapshots(roomId);
      const results = await resultsOf(poll);
      emitResults(poll, results);
      sentFor(roomId).results.set(poll.id, JSON.stringify(results));
    }
  }

  const emitAnswer = (roomId: string, answer: AnswerView) => live.to(modRoom(roomId)).emit("answer:changed", answer);

  /** A block or unblock: questions leave (or return to) every list, results recount, moderators hear of it. */
  async function emitBlockOutcome(roomId: string, outcome: BlockOutcome, active: boolean) {
    for (const { before, after } of outcome.questions) emitQuestion(before, after);
    if (outcome.screenCleared) {
      const room = await getRoom(roomId);
      if (room) emitRoom(roomView(room));
    }
    for (const answer of outcome.answers) emitAnswer(roomId, answer);
    live.to(modRoom(roomId)).emit("block:changed", { ...outcome.block, active });
    await refreshResults(roomId, outcome.pollIds);
  }

  live.on("connection", async (socket) => {
    socket.data = {
      participantId: newParticipantId(),
      roomId: null,
      role: "audience",
      signed: false,
      address: clientAddress(socket.handshake, trustProxy),
      grant: null,
      grantCheckedAt: 0,
      locale: "nb",
    };
    const guard: Guard = { inFlight: 0, refusedInRow: 0 };
    socket.on("disconnect", () => {
      connectionBudget.forget(socket.id);
      depart(socket.id); // ---- session report
    });
    const cookieHeader = socket.handshake.headers.cookie;
    const acceptLanguage = socket.handshake.headers["accept-language"];
    void getLocale(
      new Request("http://live.invalid/", { headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...(acceptLanguage ? { "accept-language": acceptLanguage } : {}) } }),
    ).then((locale) => (socket.data.locale = locale));
    const fromCookie = participantFromCookieHeader(cookieHeader).catch(() => null);

    on(socket, guard, "room:join", "none", async (p) => {
      const signedId = await fromCookie;
      const participantId = signedId ?? socket.data.participantId;
      const address = socket.data.address;
      let grant: ModeratorGrant | null = null;
      const privileged = p.as === "moderator" || p.as === "presenter";
      const cached = privileged ? undefined : roomsByCode.get(p.code);
      let roomId = cached && Date.now() - cached.at < CODE_CACHE_MS ? cached.roomId : undefined;
      if (!roomId) {
        // A guesser's misses are counted per address; once used up, no lookup is made at all.
        if (!joinMissBudget.has(address)) {
          throw new LiveError("rate-limited", "live:error.tooManyMisses");
        }
        const room = await getRoomByCode(p.code);
        if (!room) {
          joinMissBudget.take(address);
          throw new LiveError("not-found", "live:error.unknownCode");
        }
        if (privileged) {
          grant = await moderatorGrant(room, p.speakerKey, cookieHeader);
          if (!grant) {
            throw new LiveError("forbidden", "live:error.noModeratorAccess");
          }
        } else if (!isRoomPublic(room)) {
          // Like the event page of a draft: not found (moderators may still prepare the room).
          joinMissBudget.take(address);
          throw new LiveError("not-found", "live:error.unknownCode");
        } else {
          if (roomsByCode.size > 10_000) roomsByCode.clear();
          roomsByCode.set(room.code, { roomId: room.id, at: Date.now() });
        }
        roomId = room.id;
      }
      // Joining again replaces every membership, the revocation rooms included.
      for (const name of [...socket.rooms]) if (name !== socket.id) socket.leave(name);
      depart(socket.id); // ---- session report
      // Into the Socket.IO rooms first, then the snapshot: nothing committed in between is missed.
      socket.data = { ...socket.data, participantId, signed: signedId !== null, roomId, role: p.as, grant, grantCheckedAt: Date.now() };
      const rooms = [audienceRoom(roomId), participantRoom(roomId, participantId)];
      if (p.as === "moderator") rooms.push(modRoom(roomId));
      if (p.as === "screen") rooms.push(screenRoom(roomId));
      if (p.as === "presenter") rooms.push(presenterRoom(roomId));
      if (grant?.kind === "staff") rooms.push(staffRoom(grant.staffId), sessionRoom(grant.sessionId));
      if (grant?.kind === "speaker") rooms.push(speakerKeyRoom(roomId));
      await socket.join(rooms);
      const at = new Date();
      try {
        const state = await personalRoomState(await shared(roomId, p.as), participantId, p.as, at);
        if (p.as === "moderator") state.moderation = await moderationState(roomId);
        if (!lastItem.has(roomId)) lastItem.set(roomId, state.room.currentItem?.id ?? null); // ---- evening
        if (p.as === "audience") arrive(socket.id, roomId, participantId); // ---- session report
        return state;
      } catch (err) {
        for (const name of rooms) await socket.leave(name);
        socket.data = { ...socket.data, roomId: null, role: "audience", grant: null };
        throw err;
      }
    });

    on(socket, guard, "question:ask", "joined", async (p, c) => {
      // ---- evening: a question belongs to the programme item on now
      const programmeItemId = await itemForNewEntry(c.roomId);
      const q = await askQuestion(c.roomId, c.participantId, { ...p, programmeItemId }, rateLimit);
      // Blocked while this was under way: it is hidden with the rest, and refused.
      const late = await hideIfBlocked(c.roomId, c.participantId);
      if (late) {
        await emitBlockOutcome(c.roomId, late, true);
        throw blockedRefusal();
      }
      emitQuestion(null, q);
      return questionView(q, { participantId: c.participantId, role: c.role });
    });

    on(socket, guard, "question:edit", "joined", async (p, c) => {
      const { before, after } = await editQuestion(c.roomId, c.participantId, p.questionId, p.text);
      emitQuestion(before, after);
      return questionView(after, { participantId: c.participantId, role: c.role });
    });

    on(socket, guard, "question:withdraw", "joined", async (p, c) => {
      const { before, after } = await withdrawQuestion(c.roomId, c.participantId, p.questionId);
      emitQuestion(before, after);
      const room = await getRoom(c.roomId);
      if (room && before.id === room.onScreenQuestionId) emitRoom(roomView(room));
      return questionView(after, { participantId: c.participantId, role: c.role });
    });

    on(socket, guard, "question:upvote", "joined", async (p, c) => {
      const outcome = await upvoteQuestion(c.roomId, c.participantId, p.questionId, p.up);
      if (outcome.changed) markDirty(c.roomId, "questions", p.questionId);
      return { questionId: outcome.questionId, up: outcome.up, upvotes: outcome.upvotes };
    });

    on(socket, guard, "poll:answer", "joined", async (p, c) => {
      const answer = await answerPoll(c.roomId, c.participantId, p.pollId, p);
      const late = await hideIfBlocked(c.roomId, c.participantId);
      if (late) {
        await emitBlockOutcome(c.roomId, late, true);
        throw blockedRefusal();
      }
      markDirty(c.roomId, "polls", p.pollId);
      if (TEXT_KINDS.includes(answer.kind)) {
        emitAnswer(c.roomId, {
          id: answer.id,
          pollId: answer.pollId,
          text: answer.text ?? "",
          status: answer.status as AnswerView["status"],
          blocked: false,
          createdAt: answer.createdAt.toISOString(),
        });
      }
      return answer.status === "HELD" ? { pollId: p.pollId, held: true } : { pollId: p.pollId };
    });

    on(socket, guard, "mod:question", "moderator", async (p, c) => {
      // ---- presenter: the speaker answers only what the hall can see (never a pending or hidden text)
      if (c.role === "presenter") {
        const target = await db().question.findFirst({ where: { id: p.questionId, roomId: c.roomId }, select: { status: true } });
        if (!target || !isVisible(target.status)) throw new LiveError("not-found", "live:error.goneReload");
      }
      const { before, after, roomChanged } = await moderateQuestion(c.roomId, p.questionId, p.action);
      await auditMod(c, {
        action: `live.question.${p.action}`,
        targetType: "Question",
        targetId: after.id,
        summary: `«${excerpt(after.text)}»`,
        details: { from: before.status, to: after.status },
      });
      emitQuestion(before, after);
      if (roomChanged) {
        const room = await getRoom(c.roomId);
        if (room) emitRoom(roomView(room));
      }
      return questionView(after, { participantId: c.participantId, role: c.role === "presenter" ? "presenter" : "moderator" });
    });

    on(socket, guard, "mod:room", "moderator", async (p, c) => {
      const room = roomView(await updateRoom(c.roomId, p));
      await auditMod(c, { action: "live.room.update", targetType: "LiveRoom", targetId: room.id, summary: `Rominnstillinger endret i «${excerpt(room.title)}» (${room.code})`, details: { changes: p } });
      emitRoom(room);
      return room;
    });

    on(socket, guard, "mod:poll:create", "moderator", async (p, c) => {
      // ---- evening: the item named, else the item on now
      const poll = await createPoll(c.roomId, { ...p, programmeItemId: await itemForNewEntry(c.roomId, p.programmeItemId) });
      await auditMod(c, { action: "live.poll.create", targetType: "Poll", targetId: poll.id, summary: `Avstemning opprettet: «${excerpt(poll.title)}»`, details: { kind: poll.kind } });
      emitPoll(poll, undefined);
      return pollView(poll);
    });

    on(socket, guard, "mod:poll:state", "moderator", async (p, c) => {
      const { poll, changed } = await setPollStatus(c.roomId, p.pollId, p.status);
      const results = await resultsOf(poll);
      if (changed) {
        await auditMod(c, {
          action: p.status === "OPEN" ? "live.poll.open" : "live.poll.close",
          targetType: "Poll",
          targetId: poll.id,
          summary: `Avstemning ${p.status === "OPEN" ? "åpnet" : "lukket"}: «${excerpt(poll.title)}»`,
        });
        // A reopened poll's answers were kept: the counts are cached no more.
        if (poll.status === "OPEN") sentFor(c.roomId).results.set(poll.id, JSON.stringify(results));
        emitPoll(poll, results);
      }
      // Opening a poll puts its results on the projector (the moderator may choose otherwise after).
      if (changed && poll.status === "OPEN") {
        emitRoom(roomView(await setScreen(c.roomId, { mode: poll.kind === "WORDCLOUD" ? "WORDCLOUD" : "POLL", pollId: poll.id })));
      }
      return pollView(poll, { results });
    });

    // ---- poll library (app/modules/live/polls.server.ts; the staff page's library uses the same functions)
    on(socket, guard, "mod:poll:update", "moderator", async (p, c) => {
      const { pollId, ...input } = p;
      const poll = await updatePoll(c.roomId, pollId, input);
      await auditMod(c, { action: "live.poll.update", targetType: "Poll", targetId: poll.id, summary: `Avstemning endret: «${excerpt(poll.title)}»`, details: { kind: poll.kind } });
      emitPoll(poll, undefined);
      return pollView(poll);
    });

    on(socket, guard, "mod:poll:duplicate", "moderator", async (p, c) => {
      const poll = await duplicatePoll(c.roomId, p.pollId);
      await auditMod(c, { action: "live.poll.duplicate", targetType: "Poll", targetId: poll.id, summary: `Avstemning kopiert: «${excerpt(poll.title)}»`, details: { from: p.pollId } });
      emitPoll(poll, undefined);
      return pollView(poll);
    });

    on(socket, guard, "mod:poll:delete", "moderator", async (p, c) => {
      const { poll, screenCleared } = await deletePoll(c.roomId, p.pollId);
      await auditMod(c, { action: "live.poll.delete", targetType: "Poll", targetId: poll.id, summary: `Avstemning slettet: «${excerpt(poll.title)}»`, details: { kind: poll.kind, status: poll.status } });
      emitPollRemoved(c.roomId, poll.id, screenCleared);
      return { pollId: poll.id };
    });
    // ---- end poll library

    // What the projector and the overlay show (app/modules/live/screen.server.ts).
    on(socket, guard, "mod:screen", "moderator", async (p, c) => {
      const room = roomView(await setScreen(c.roomId, p));
      emitRoom(room);
      // Who put what on the hall's screen is part of the record (a question or poll named by id).
      await auditMod(c, {
        action: "live.screen",
        targetType: "LiveRoom",
        targetId: room.id,
        summary: `Storskjermen viser ${SCREEN_LABELS_NB[room.screenMode]} i «${excerpt(room.title)}» (${room.code})`,
        details: { mode: room.screenMode, pollId: room.screenPollId, questionId: room.onScreenQuestionId },
      });
      return room;
    });

    on(socket, guard, "mod:answer", "moderator", async (p, c) => {
      const { answer, pollId, changed } = await moderateAnswer(actorOfSocket(c.socket), c.roomId, p.answerId, p.action);
      if (changed) {
        emitAnswer(c.roomId, answer);
        await refreshResults(c.roomId, [pollId]);
      }
      return answer;
    });

    on(socket, guard, "mod:word", "moderator", async (p, c) => {
      const { word, answers } = await setWordHidden(actorOfSocket(c.socket), c.roomId, p.pollId, p.word, p.hidden);
      for (const answer of answers) emitAnswer(c.roomId, answer);
      if (answers.length > 0) await refreshResults(c.roomId, [p.pollId]);
      return { pollId: p.pollId, word, hidden: p.hidden, answers };
    });

    on(socket, guard, "mod:block", "moderator", async (p, c) => {
      const outcome = await blockParticipant(actorOfSocket(c.socket), c.roomId, p);
      await emitBlockOutcome(c.roomId, outcome, true);
      return outcome.block;
    });

    on(socket, guard, "mod:unblock", "moderator", async (p, c) => {
      const outcome = await unblockParticipant(actorOfSocket(c.socket), c.roomId, p.blockId);
      await emitBlockOutcome(c.roomId, outcome, false);
      return outcome.block;
    });

    // ---- evening: the moderator moves the event room's session
    on(socket, guard, "mod:item", "moderator", async (p, c) => {
      const change = p.follow ? ({ follow: true } as const) : { itemId: p.itemId ?? null };
      const room = roomView(await setCurrentItem(c.roomId, change));
      await auditMod(c, {
        action: p.follow ? "live.item.follow" : "live.item.choose",
        targetType: "LiveRoom",
        targetId: room.id,
        summary: p.follow
          ? `Følger programmet i «${excerpt(room.title)}» (${room.code})`
          : `Programpunkt valgt i «${excerpt(room.title)}» (${room.code}): ${room.currentItem ? `«${excerpt(room.currentItem.title)}»` : "ingen"}`,
        details: { itemId: room.currentItem?.id ?? null, follow: room.followProgramme },
      });
      emitRoom(room);
      return room;
    });
  });

  return {
    async close() {
      clearInterval(timer);
      clearInterval(convergeTimer);
      clearInterval(programmeTimer); // ---- evening
      lastItem.clear();
      // ---- session report: the last peaks are not lost at a graceful shutdown
      clearInterval(peakTimer);
      await writePeaks().catch((err) => log.error(`Live: writing participant peaks failed: ${(err as Error).message}`));
      unregisterRevocation();
      unregisterBroadcast();
      dirty.clear();
      snapshots.clear();
      if (redis) {
        // Our own connections go first (only this process's); the adapter unsubscribes now, not
        // when io.close() runs later and Redis is already gone (an unhandled rejection otherwise).
        live.local.disconnectSockets(true);
        const adapter = live.of("/").adapter as unknown as { close(): Promise<void> | void };
        await adapter.close();
        adapter.close = () => {};
        await Promise.allSettled([redis.pub.quit(), redis.sub.quit()]);
      }
    },
  };
}
