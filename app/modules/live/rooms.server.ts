// Live rooms: the event's own room is the one code for the whole event (its current programme
// item moves by the programme's times or a moderator's choice); staff may add a separate room for
// one programme item (parallel sessions), and item rooms made before keep working. Each has a
// short join code; the state a viewer gets when joining; the speaker's secret link.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { PUBLIC_STATUSES } from "~/modules/events/events.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { LiveError, notFound } from "./errors.server";
import { revokeLiveSpeakerKey } from "./live-revocation.server";
import { canSeeResults, myAnswers, pollSelect, pollView, resultsOf, type MyAnswer, type PollRow } from "./polls.server";
import { CODE_ALPHABET, SCREEN_MODES, type LiveRole, type ScreenMode, type PollResults, type ProgrammeItemView, type RoomState } from "./protocol";
import { questionSelect, questionView, VISIBLE_STATUSES, type QuestionRow } from "./questions.server";

export const CODE_LENGTH = 6;

export function generateRoomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export const roomSelect = {
  id: true,
  code: true,
  eventId: true,
  programmeItemId: true,
  title: true,
  allowAnonymous: true,
  preModeration: true,
  status: true,
  speakerKeyHash: true,
  onScreenQuestionId: true,
  screenMode: true,
  screenPollId: true,
  currentItemId: true,
  followProgramme: true,
  event: {
    select: {
      title: true,
      slug: true,
      status: true,
      programmeItems: {
        where: { kind: { not: "BREAK" } },
        select: { id: true, title: true, startsAt: true, endsAt: true },
        orderBy: { startsAt: "asc" },
      },
    },
  },
} as const;

export type LiveRoomRow = {
  id: string;
  code: string;
  eventId: string;
  programmeItemId: string | null;
  title: string;
  allowAnonymous: boolean;
  preModeration: boolean;
  status: string;
  speakerKeyHash: string | null;
  onScreenQuestionId: string | null;
  screenMode: string;
  screenPollId: string | null;
  currentItemId: string | null;
  followProgramme: boolean;
  event: { title: string; slug: string; status: string; programmeItems: ProgrammeItemRow[] };
};

type ProgrammeItemRow = { id: string; title: string; startsAt: Date; endsAt: Date };

const itemView = (i: ProgrammeItemRow): ProgrammeItemView => ({
  id: i.id,
  title: i.title,
  startsAt: i.startsAt.toISOString(),
  endsAt: i.endsAt.toISOString(),
});

/** The item whose time span holds `now` (the latest-starting one when they overlap), else null. */
export function itemAt(items: ProgrammeItemRow[], now: Date): ProgrammeItemRow | null {
  let found: ProgrammeItemRow | null = null;
  for (const i of items) if (i.startsAt <= now && now < i.endsAt) found = i;
  return found;
}

/**
 * The programme item on now. A room of one item: always that item. The event's room: by the
 * programme's times while it follows the programme, else the one a moderator chose.
 */
export function currentItemOf(room: LiveRoomRow, now = new Date()): ProgrammeItemRow | null {
  const items = room.event.programmeItems;
  if (room.programmeItemId) return items.find((i) => i.id === room.programmeItemId) ?? null;
  if (room.followProgramme) return itemAt(items, now);
  return items.find((i) => i.id === room.currentItemId) ?? null;
}

/** The audience and the projector reach a room only while its event page is public (published or cancelled). */
export const isRoomPublic = (room: { event: { status: string } }) => PUBLIC_STATUSES.includes(room.event.status);

export function roomView(room: LiveRoomRow): RoomState["room"] {
  return {
    id: room.id,
    code: room.code,
    title: room.title,
    eventTitle: room.event.title,
    eventSlug: room.event.slug,
    allowAnonymous: room.allowAnonymous,
    preModeration: room.preModeration,
    status: room.status === "CLOSED" ? "CLOSED" : "OPEN",
    onScreenQuestionId: room.onScreenQuestionId,
    screenMode: (SCREEN_MODES as readonly string[]).includes(room.screenMode) ? (room.screenMode as ScreenMode) : "JOIN",
    screenPollId: room.screenPollId,
    currentItem: (() => {
      const item = currentItemOf(room);
      return item ? itemView(item) : null;
    })(),
    followProgramme: room.programmeItemId === null && room.followProgramme,
    programme: room.event.programmeItems.map(itemView),
    ...(room.programmeItemId ? { itemRoom: true } : {}),
  };
}

async function createRoom(data: { eventId: string; programmeItemId: string | null; title: string }): Promise<LiveRoomRow> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().liveRoom.create({ data: { ...data, code: generateRoomCode() }, select: roomSelect });
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 10) throw err;
      // Either the code was taken (try another) or someone else created this item's room just now.
      if (data.programmeItemId) {
        const existing = await db().liveRoom.findUnique({ where: { programmeItemId: data.programmeItemId }, select: roomSelect });
        if (existing) return existing;
      }
    }
  }
}

/**
 * Idempotent: the event's own room (created when missing), then the rooms that already exist for
 * programme items, in programme order. Item rooms are no longer made automatically (one code for
 * the whole event, decision 014); staff add one with createItemRoom.
 */
export async function ensureRoomsForEvent(eventId: string): Promise<LiveRoomRow[]> {
  const event = await db().event.findUnique({
    where: { id: eventId },
    select: {
      title: true,
      programmeItems: { select: { id: true }, orderBy: { startsAt: "asc" } },
    },
  });
  if (!event) throw notFound("event");
  const existing = await db().liveRoom.findMany({ where: { eventId }, select: roomSelect, orderBy: { createdAt: "asc" } });
  const eventRoom =
    existing.find((r) => r.programmeItemId === null) ?? (await createRoom({ eventId, programmeItemId: null, title: event.title }));
  const order = new Map(event.programmeItems.map((item, i) => [item.id, i]));
  const itemRooms = existing
    .filter((r) => r.programmeItemId !== null)
    .sort((a, b) => (order.get(a.programmeItemId!) ?? 1e9) - (order.get(b.programmeItemId!) ?? 1e9));
  return [eventRoom, ...itemRooms];
}

/** A separate room for one programme item of the event (not a break); the existing one if it has one. Null: not this event's item. */
export async function createItemRoom(eventId: string, programmeItemId: string): Promise<LiveRoomRow | null> {
  const item = await db().programmeItem.findFirst({
    where: { id: programmeItemId, eventId, kind: { not: "BREAK" } },
    select: { id: true, title: true },
  });
  if (!item) return null;
  const existing = await db().liveRoom.findUnique({ where: { programmeItemId: item.id }, select: roomSelect });
  return existing ?? createRoom({ eventId, programmeItemId: item.id, title: item.title });
}

// ---- evening: the item a question or poll belongs to, and moving the event room's item
/**
 * The programme item a new question or poll in this room belongs to: an item room's own item; in
 * the event room the one named (it must be one of the event's items) or else the item on now.
 */
export async function itemForNewEntry(roomId: string, named?: string | null, now = new Date()): Promise<string | null> {
  const room = await getRoom(roomId);
  if (!room) throw notFound("room");
  if (room.programmeItemId) {
    if (named && named !== room.programmeItemId) throw new LiveError("invalid", "live:error.evening.otherItem");
    return room.programmeItemId;
  }
  if (named) {
    if (!room.event.programmeItems.some((i) => i.id === named)) throw notFound("item");
    return named;
  }
  // null: explicitly no item ("any time", a poll prepared for the whole evening); absent: the item on now.
  if (named === null) return null;
  return currentItemOf(room, now)?.id ?? null;
}

/**
 * The event room's session moves: to a chosen item (or none, null) and no longer by the
 * programme's times, or back to following the programme. Item rooms have their own item.
 */
export async function setCurrentItem(roomId: string, change: { itemId: string | null } | { follow: true }): Promise<LiveRoomRow> {
  const room = await getRoom(roomId);
  if (!room) throw notFound("room");
  if (room.programmeItemId) throw new LiveError("invalid", "live:error.evening.itemRoom");
  let data: { currentItemId: string | null; followProgramme: boolean };
  if ("follow" in change) {
    data = { currentItemId: null, followProgramme: true };
  } else {
    if (change.itemId !== null && !room.event.programmeItems.some((i) => i.id === change.itemId)) throw notFound("item");
    data = { currentItemId: change.itemId, followProgramme: false };
  }
  const { count } = await db().liveRoom.updateMany({ where: { id: roomId }, data });
  if (count === 0) throw notFound("room");
  return (await getRoom(roomId))!;
}
// ---- end evening

export async function getRoomByCode(code: string): Promise<LiveRoomRow | null> {
  const normalised = code.trim().toUpperCase();
  if (!/^[A-Z2-9]{6}$/.test(normalised)) return null;
  return db().liveRoom.findUnique({ where: { code: normalised }, select: roomSelect });
}

export async function getRoom(roomId: string): Promise<LiveRoomRow | null> {
  return db().liveRoom.findUnique({ where: { id: roomId }, select: roomSelect });
}

/** The part of a snapshot that is the same for every viewer with this role (the server may share it between joins). */
export type SharedRoomState = {
  room: RoomState["room"];
  questions: QuestionRow[];
  polls: Array<{ poll: PollRow; results?: PollResults }>;
};

export async function sharedRoomState(roomId: string, role: LiveRole): Promise<SharedRoomState> {
  const room = await getRoom(roomId);
  if (!room) throw notFound("room");
  const moderator = role === "moderator";
  const [questions, polls] = await Promise.all([
    db().question.findMany({
      where: { roomId, status: moderator ? { not: "WITHDRAWN" } : { in: VISIBLE_STATUSES } },
      select: questionSelect,
    }),
    db().poll.findMany({
      where: moderator ? { roomId } : { roomId, status: { not: "DRAFT" } },
      select: pollSelect,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  return {
    room: roomView(room),
    questions,
    polls: await Promise.all(polls.map(async (poll) => ({ poll, results: canSeeResults(poll, role) ? await resultsOf(poll) : undefined }))),
  };
}

const questionOrder = (a: QuestionRow, b: QuestionRow) =>
  Number(b.pinned) - Number(a.pinned) || b.upvoteCount - a.upvoteCount || a.createdAt.getTime() - b.createdAt.getTime();

/** Adds what only this participant sees: their own pending questions, their upvotes and poll answers. */
export async function personalRoomState(
  shared: SharedRoomState,
  participantId: string,
  role: LiveRole,
  at = new Date(),
): Promise<RoomState> {
  const roomId = shared.room.id;
  const audience = role === "audience";
  const [ownPending, upvotes, answers] = await Promise.all([
    audience
      ? db().question.findMany({ where: { roomId, participantId, status: "PENDING" }, select: questionSelect })
      : Promise.resolve([]),
    db().questionUpvote.findMany({ where: { participantId, question: { roomId } }, select: { questionId: true } }),
    audience ? myAnswers(shared.polls.map((p) => p.poll.id), participantId) : Promise.resolve(new Map<string, MyAnswer>()),
  ]);
  return {
    room: shared.room,
    role,
    participantId,
    questions: [...shared.questions, ...ownPending].sort(questionOrder).map((q) => questionView(q, { participantId, role })),
    myUpvotes: upvotes.map((u) => u.questionId),
    polls: shared.polls.map(({ poll, results }) =>
      pollView(poll, { results, myAnswer: audience ? (answers.get(poll.id) ?? null) : undefined }),
    ),
    at: at.toISOString(),
  };
}

/** The complete state one viewer may see: what a (re)joining client renders from. */
export async function roomState(roomId: string, participantId: string, role: LiveRole): Promise<RoomState> {
  const at = new Date();
  return personalRoomState(await sharedRoomState(roomId, role), participantId, role, at);
}

export async function updateRoom(
  roomId: string,
  changes: { preModeration?: boolean; allowAnonymous?: boolean; status?: "OPEN" | "CLOSED" },
): Promise<LiveRoomRow> {
  const { count } = await db().liveRoom.updateMany({ where: { id: roomId }, data: changes });
  if (count === 0) throw notFound("room");
  return (await getRoom(roomId))!;
}

const keyHash = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** A new secret for the speaker's link /live/:code/moderate?key=…; replaces (and so revokes) the previous one. */
export async function createSpeakerKey(roomId: string): Promise<string> {
  const key = randomBytes(24).toString("base64url");
  const { count } = await db().liveRoom.updateMany({ where: { id: roomId }, data: { speakerKeyHash: keyHash(key) } });
  if (count === 0) throw notFound("room");
  await revokeLiveSpeakerKey(roomId);
  return key;
}

export function verifySpeakerKey(room: { speakerKeyHash: string | null }, key: string | null | undefined): boolean {
  if (!room.speakerKeyHash || !key) return false;
  const given = Buffer.from(keyHash(key), "hex");
  const stored = Buffer.from(room.speakerKeyHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}


