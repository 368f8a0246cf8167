// Live Q&A and polls over Socket.IO. Handlers are thin, like route modules: validate the
// payload (clientSchemas), check the connection's room and role, call the domain module,
// acknowledge after the commit, then tell the right audience. Counts (upvotes, poll results)
// are marked dirty and flushed per room on a timer, so a vote storm yields a few broadcasts
// per second instead of one per vote. See docs/realtime-protocol.md.
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Server, Socket } from "socket.io";
import type { ZodError } from "zod";
import { getStaff } from "../app/modules/auth/session.server.js";
import { hasRole } from "../app/modules/auth/roles.js";
import { LiveError } from "../app/modules/live/errors.server.js";
import { newParticipantId, participantFromCookieHeader } from "../app/modules/live/participant.server.js";
import { answerPoll, canSeeResults, createPoll, pollView, resultsOf, pollSelect, setPollStatus, type PollRow } from "../app/modules/live/polls.server.js";
import {
  clientSchemas,
  type Ack,
  type ClientEventName,
  type ClientToServerEvents,
  type LiveRole,
  type PollResults,
  type ServerToClientEvents,
} from "../app/modules/live/protocol.js";
import {
  askQuestion,
  editQuestion,
  isVisible,
  moderateQuestion,
  questionView,
  upvoteQuestion,
  withdrawQuestion,
  DEFAULT_QUESTION_RATE_LIMIT,
  type QuestionRow,
  type RateLimit,
} from "../app/modules/live/questions.server.js";
import {
  getRoom,
  getRoomByCode,
  personalRoomState,
  roomView,
  sharedRoomState,
  updateRoom,
  verifySpeakerKey,
  type SharedRoomState,
} from "../app/modules/live/rooms.server.js";
import { db } from "../app/utils/db.server.js";

type Log = Pick<Console, "info" | "warn" | "error">;
type SocketData = { participantId: string; roomId: string | null; role: LiveRole };
export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type LiveOptions = {
  log: Log;
  /** How often dirty counts are broadcast, per room (ms). */
  flushMs?: number;
  questionRateLimit?: RateLimit;
  /** Redis for several processes; defaults to process.env.REDIS_URL. */
  redisUrl?: string;
};

const audienceRoom = (roomId: string) => `room:${roomId}`;
const modRoom = (roomId: string) => `room:${roomId}:mod`;
const screenRoom = (roomId: string) => `room:${roomId}:screen`;
const participantRoom = (roomId: string, participantId: string) => `room:${roomId}:p:${participantId}`;

const FIELD_NAMES: Record<string, string> = {
  code: "Romkoden",
  as: "Rollen",
  speakerKey: "Nøkkelen",
  text: "Teksten",
  displayName: "Navnet",
  questionId: "Spørsmålet",
  up: "Stemmen",
  pollId: "Avstemningen",
  optionIds: "Svaralternativene",
  rating: "Vurderingen",
  action: "Handlingen",
  preModeration: "Forhåndsmoderering",
  allowAnonymous: "Anonyme spørsmål",
  status: "Statusen",
  title: "Tittelen",
  kind: "Typen",
  options: "Svaralternativene",
  maxChoices: "Største antall valg",
  scaleMax: "Skalaen",
  resultsVisibility: "Visning av resultater",
};

/** The first problem in a payload, as a sentence a person can read. */
export function describeInvalid(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Ugyldig forespørsel.";
  const key = issue.path.find((p): p is string => typeof p === "string");
  const field = key ? (FIELD_NAMES[key] ?? key) : "Forespørselen";
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined" ? `${field} mangler.` : `${field} har feil format.`;
    case "too_small":
      return issue.type === "string" ? `${field} må fylles ut.` : `${field} er for liten eller har for få verdier.`;
    case "too_big":
      return issue.type === "string" ? `${field} kan ha høyst ${issue.maximum} tegn.` : `${field} er for stor eller har for mange verdier.`;
    default:
      return `${field} er ugyldig.`;
  }
}

const refusal = (code: Exclude<Ack<never>, { ok: true }>["code"], message: string) => ({ ok: false as const, code, message });

export function attachLive(io: Server<ClientToServerEvents, ServerToClientEvents>, opts: LiveOptions): { close(): Promise<void> } {
  const live = io as unknown as LiveServer;
  const { log } = opts;
  const flushMs = opts.flushMs ?? 250;
  const rateLimit = opts.questionRateLimit ?? DEFAULT_QUESTION_RATE_LIMIT;

  let redis: { pub: Redis; sub: Redis } | null = null;
  const redisUrl = opts.redisUrl ?? process.env.REDIS_URL;
  if (redisUrl) {
    const pub = new Redis(redisUrl);
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (err) => log.error(`Redis (Socket.IO adapter): ${err.message}`));
    live.adapter(createAdapter(pub, sub));
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
    for (const role of ["audience", "moderator", "screen"]) snapshots.delete(`${roomId}:${role}`);
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
  const roomIdsByCode = new Map<string, string>(); // codes never change; a deleted room fails the snapshot

  // ---------------------------------------------------------------- coalesced counts
  type Dirty = { questions: Set<string>; polls: Set<string> };
  const dirty = new Map<string, Dirty>();
  const markDirty = (roomId: string, kind: keyof Dirty, id: string) => {
    forgetSnapshots(roomId);
    let entry = dirty.get(roomId);
    if (!entry) dirty.set(roomId, (entry = { questions: new Set(), polls: new Set() }));
    entry[kind].add(id);
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
    }
    for (const pollId of entry.polls) {
      const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
      if (poll) emitResults(poll, await resultsOf(poll));
    }
  }

  let flushing = false;
  const timer = setInterval(async () => {
    if (flushing || dirty.size === 0) return;
    flushing = true;
    const batch = [...dirty];
    dirty.clear();
    try {
      for (const [roomId, entry] of batch) await flushRoom(roomId, entry);
    } catch (err) {
      log.error(`Live: broadcasting counts failed: ${(err as Error).stack ?? err}`);
    } finally {
      flushing = false;
    }
  }, flushMs);
  timer.unref();

  function emitRoom(room: ReturnType<typeof roomView>) {
    forgetSnapshots(room.id);
    live.to(audienceRoom(room.id)).emit("room:changed", room);
  }

  /** Results to everyone allowed to see them (moderators always). */
  function emitResults(poll: PollRow, results: PollResults) {
    const targets = [modRoom(poll.roomId)];
    if (canSeeResults(poll, "audience")) targets.push(audienceRoom(poll.roomId));
    else if (canSeeResults(poll, "screen")) targets.push(screenRoom(poll.roomId));
    live.to(targets).emit("poll:results", { pollId: poll.id, results });
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
    live.to(audienceRoom(roomId)).except([modRoom(roomId), screenRoom(roomId)]).emit("poll:changed", withResults("audience"));
  }

  // ---------------------------------------------------------------- handlers
  type Ctx = { socket: LiveSocket; roomId: string; participantId: string; role: LiveRole };
  type Handler<E extends ClientEventName> = (
    payload: ReturnType<(typeof clientSchemas)[E]["parse"]>,
    ctx: Ctx,
  ) => Promise<unknown>;

  function on<E extends ClientEventName>(socket: LiveSocket, event: E, need: "joined" | "moderator" | "none", handler: Handler<E>) {
    (socket as unknown as { on(e: string, fn: (...args: unknown[]) => void): void }).on(event, async (...args: unknown[]) => {
      const ack = args[args.length - 1];
      // Every event needs an acknowledgement: without one the client cannot know the outcome.
      if (typeof ack !== "function") return;
      const reply = (answer: Ack<unknown>) => {
        try {
          ack(answer);
        } catch {
          // the client is gone
        }
      };
      try {
        const parsed = clientSchemas[event].safeParse(args.length > 1 ? args[0] : undefined);
        if (!parsed.success) return reply(refusal("invalid", describeInvalid(parsed.error)));
        const { roomId, participantId, role } = socket.data;
        if (need !== "none" && !roomId) return reply(refusal("not-joined", "Bli med i et rom først."));
        if (need === "moderator" && role !== "moderator") {
          return reply(refusal("forbidden", "Bare moderatorer kan gjøre dette."));
        }
        const data = await handler(parsed.data as never, { socket, roomId: roomId!, participantId, role });
        reply({ ok: true, data });
      } catch (err) {
        if (err instanceof LiveError) return reply(refusal(err.code, err.message));
        log.error(`Live: ${event} failed: ${(err as Error).stack ?? err}`);
        reply(refusal("server", "Noe gikk galt hos oss. Prøv igjen."));
      }
    });
  }

  async function isStaffModerator(cookieHeader: string | undefined): Promise<boolean> {
    if (!cookieHeader) return false;
    const staff = await getStaff(new Request("http://localhost/", { headers: { Cookie: cookieHeader } }));
    return staff !== null && hasRole(staff.role, "MODERATOR");
  }

  live.on("connection", async (socket) => {
    socket.data = { participantId: newParticipantId(), roomId: null, role: "audience" };
    const cookieHeader = socket.handshake.headers.cookie;
    const fromCookie = participantFromCookieHeader(cookieHeader).catch(() => null);

    on(socket, "room:join", "none", async (p) => {
      const participantId = (await fromCookie) ?? socket.data.participantId;
      let roomId = p.as === "moderator" ? undefined : roomIdsByCode.get(p.code);
      if (!roomId) {
        const room = await getRoomByCode(p.code);
        if (!room) throw new LiveError("not-found", "Fant ingen rom med denne koden. Sjekk koden og prøv igjen.");
        if (p.as === "moderator" && !verifySpeakerKey(room, p.speakerKey) && !(await isStaffModerator(cookieHeader))) {
          throw new LiveError("forbidden", "Du har ikke tilgang til å moderere dette rommet. Logg inn eller bruk lenken fra arrangøren.");
        }
        if (roomIdsByCode.size > 10_000) roomIdsByCode.clear();
        roomIdsByCode.set(room.code, room.id);
        roomId = room.id;
      }
      const previous = socket.data.roomId;
      if (previous) {
        for (const name of [audienceRoom(previous), modRoom(previous), screenRoom(previous), participantRoom(previous, socket.data.participantId)]) {
          await socket.leave(name);
        }
      }
      // Into the Socket.IO rooms first, then the snapshot: nothing committed in between is missed.
      socket.data = { participantId, roomId, role: p.as };
      const rooms = [audienceRoom(roomId), participantRoom(roomId, participantId)];
      if (p.as === "moderator") rooms.push(modRoom(roomId));
      if (p.as === "screen") rooms.push(screenRoom(roomId));
      await socket.join(rooms);
      const at = new Date();
      try {
        return await personalRoomState(await shared(roomId, p.as), participantId, p.as, at);
      } catch (err) {
        for (const name of rooms) await socket.leave(name);
        socket.data = { participantId, roomId: null, role: "audience" };
        throw err;
      }
    });

    on(socket, "question:ask", "joined", async (p, c) => {
      const q = await askQuestion(c.roomId, c.participantId, p, rateLimit);
      emitQuestion(null, q);
      return questionView(q, { participantId: c.participantId, role: c.role });
    });

    on(socket, "question:edit", "joined", async (p, c) => {
      const { before, after } = await editQuestion(c.roomId, c.participantId, p.questionId, p.text);
      emitQuestion(before, after);
      return questionView(after, { participantId: c.participantId, role: c.role });
    });

    on(socket, "question:withdraw", "joined", async (p, c) => {
      const { before, after } = await withdrawQuestion(c.roomId, c.participantId, p.questionId);
      emitQuestion(before, after);
      const room = await getRoom(c.roomId);
      if (room && before.id === room.onScreenQuestionId) emitRoom(roomView(room));
      return questionView(after, { participantId: c.participantId, role: c.role });
    });

    on(socket, "question:upvote", "joined", async (p, c) => {
      const outcome = await upvoteQuestion(c.roomId, c.participantId, p.questionId, p.up);
      if (outcome.changed) markDirty(c.roomId, "questions", p.questionId);
      return { questionId: outcome.questionId, up: outcome.up, upvotes: outcome.upvotes };
    });

    on(socket, "poll:answer", "joined", async (p, c) => {
      await answerPoll(c.roomId, c.participantId, p.pollId, p);
      markDirty(c.roomId, "polls", p.pollId);
      return { pollId: p.pollId };
    });

    on(socket, "mod:question", "moderator", async (p, c) => {
      const { before, after, roomChanged } = await moderateQuestion(c.roomId, p.questionId, p.action);
      emitQuestion(before, after);
      if (roomChanged) {
        const room = await getRoom(c.roomId);
        if (room) emitRoom(roomView(room));
      }
      return questionView(after, { participantId: c.participantId, role: "moderator" });
    });

    on(socket, "mod:room", "moderator", async (p, c) => {
      const room = roomView(await updateRoom(c.roomId, p));
      emitRoom(room);
      return room;
    });

    on(socket, "mod:poll:create", "moderator", async (p, c) => {
      const poll = await createPoll(c.roomId, p);
      emitPoll(poll, undefined);
      return pollView(poll);
    });

    on(socket, "mod:poll:state", "moderator", async (p, c) => {
      const { poll, changed } = await setPollStatus(c.roomId, p.pollId, p.status);
      const results = await resultsOf(poll);
      if (changed) emitPoll(poll, results);
      return pollView(poll, { results });
    });
  });

  return {
    async close() {
      clearInterval(timer);
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
