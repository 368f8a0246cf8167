// The realtime protocol of live rooms: every client→server and server→client Socket.IO event
// with its payload. Imported by the server (server/live.ts), the browser views and the
// benchmark; documented for other clients in docs/realtime-protocol.md.
//
// Rules:
// - Every client→server event carries a payload validated by the zod schema below and an
//   acknowledgement callback. The server acknowledges only after the change is committed to
//   the database: `{ ok: true, data }`, or `{ ok: false, code, key, values, message }` when it
//   refuses: `key` is a text of the `live` catalog (app/locales/<lng>/live.json) with its
//   `values`, which our pages show in their own language; `message` is the same sentence in the
//   connection's language (its `lang` cookie or Accept-Language), for clients without catalogs.
// - The database holds the truth. A client that (re)connects sends `room:join` and receives the
//   room's complete current state in the acknowledgement; it never needs to replay anything.
// - Counts (upvotes, poll results) are broadcast coalesced, a few times per second per room,
//   never once per vote.
import { z } from "zod";

export const QUESTION_MAX = 500;
export const DISPLAY_NAME_MAX = 60;
export const POLL_TITLE_MAX = 200;
export const POLL_OPTION_MAX = 120;
export const WORD_MAX = 40;
export const OPEN_TEXT_MAX = 500;

export const QUESTION_STATUSES = ["PENDING", "APPROVED", "HIDDEN", "ANSWERED", "WITHDRAWN"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
/** RANKING: "order these themes"; each answer ranks every option (1 = first), results are average ranks. */
export const POLL_KINDS = ["SINGLE", "MULTIPLE", "RATING", "WORDCLOUD", "OPEN_TEXT", "RANKING"] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_STATUSES = ["DRAFT", "OPEN", "CLOSED"] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
export const RESULTS_VISIBILITY = ["LIVE", "AFTER_CLOSE", "SCREEN_ONLY"] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];
/** A poll answer: SHOWN counts in results; HELD waits for a moderator (the word filter matched); HIDDEN does not count. */
export const ANSWER_STATUSES = ["SHOWN", "HELD", "HIDDEN"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/**
 * What the projector (/live/:code/screen) and the stream overlay show, one thing at a time,
 * chosen by the moderator: the join slide, the question on screen, one poll's results, a word
 * cloud, the top questions, or a pause (only the join bar).
 */
export const SCREEN_MODES = ["JOIN", "QUESTION", "POLL", "WORDCLOUD", "TOP", "PAUSE"] as const;
export type ScreenMode = (typeof SCREEN_MODES)[number];

/** A programme item as live clients see it. */
export type ProgrammeItemView = { id: string; title: string; startsAt: string; endsAt: string };

/** Who a connection is in a room. Moderators are staff (role moderator or higher) or a speaker with the secret link. */
// ---- presenter: the speaker's own view (same rights to join as a moderator; may only mark questions answered)
export type LiveRole = "audience" | "moderator" | "screen" | "presenter";

// ---------------------------------------------------------------- client → server payloads
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

/** What a poll asks: created with mod:poll:create, replaced while a draft with mod:poll:update. */
const pollDefinition = z.object({
  title: text(POLL_TITLE_MAX),
  kind: z.enum(POLL_KINDS),
  options: z.array(text(POLL_OPTION_MAX)).max(20).default([]),
  maxChoices: z.number().int().min(1).max(20).optional(),
  scaleMax: z.number().int().min(2).max(10).optional(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY).default("LIVE"),
  /** The programme item it belongs to (the event's programme); absent: the item on now (event rooms); null: any time */
  programmeItemId: id.nullable().optional(),
});

export const clientSchemas = {
  /** Join a room. `speakerKey` (from the speaker's secret link) or a staff session cookie gives moderator rights. */
  "room:join": z.object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z2-9]{6}$/),
    // ---- presenter: "presenter" joins with the same rights as "moderator" and may only mark questions answered
    as: z.enum(["audience", "moderator", "screen", "presenter"]).default("audience"),
    speakerKey: z.string().max(100).optional(),
  }),
  "question:ask": z.object({
    text: text(QUESTION_MAX),
    displayName: z.string().trim().max(DISPLAY_NAME_MAX).optional(),
  }),
  "question:edit": z.object({ questionId: id, text: text(QUESTION_MAX) }),
  "question:withdraw": z.object({ questionId: id }),
  /** Upvote (up: true) or take the upvote back (up: false). Once per participant. */
  "question:upvote": z.object({ questionId: id, up: z.boolean() }),
  "poll:answer": z.object({
    pollId: id,
    optionIds: z.array(id).max(50).optional(),
    rating: z.number().int().min(1).max(10).optional(),
    text: z.string().trim().max(OPEN_TEXT_MAX).optional(),
  }),
  // Moderator-only events: refused with code "forbidden" for anyone else.
  "mod:question": z.object({
    questionId: id,
    action: z.enum(["approve", "hide", "answer", "screen", "unscreen", "pin", "unpin"]),
  }),
  "mod:room": z.object({
    preModeration: z.boolean().optional(),
    allowAnonymous: z.boolean().optional(),
    status: z.enum(["OPEN", "CLOSED"]).optional(),
  }),
  "mod:poll:create": pollDefinition,
  /** OPEN: opens a draft, or reopens a closed poll (its answers kept); CLOSED: closes it. */
  "mod:poll:state": z.object({ pollId: id, status: z.enum(["OPEN", "CLOSED"]) }),
  // ---- poll library
  /** Edit a draft (refused with "conflict" once opened): the whole question as in mod:poll:create. */
  "mod:poll:update": pollDefinition.extend({ pollId: id }),
  /** A new draft copy of any poll (options and settings, no answers). */
  "mod:poll:duplicate": z.object({ pollId: id }),
  /** Delete a draft or closed poll with its answers ("conflict" while open: close it first). */
  "mod:poll:delete": z.object({ pollId: id }),
  // ---- end poll library
  /**
   * What the projector shows. POLL and WORDCLOUD take a `pollId` (default: the newest open, else
   * closed, poll of that kind); QUESTION takes a `questionId` (default: the one already on screen).
   */
  "mod:screen": z.object({
    mode: z.enum(SCREEN_MODES),
    pollId: id.optional(),
    questionId: id.optional(),
  }),
  /** A word-cloud or open-text answer: approve or reject a held one, hide or unhide a shown one. */
  "mod:answer": z.object({ answerId: id, action: z.enum(["approve", "reject", "hide", "unhide"]) }),
  /** Word clouds: hide (or show again) every answer with this word (compared after normalising). */
  "mod:word": z.object({ pollId: id, word: text(WORD_MAX), hidden: z.boolean() }),
  /** Block the participant who wrote this question or answer in this room. */
  "mod:block": z
    .object({ questionId: id.optional(), answerId: id.optional() })
    .refine((p) => (p.questionId === undefined) !== (p.answerId === undefined), { message: "questionId or answerId", path: ["questionId"] }),
  "mod:unblock": z.object({ blockId: id }),
  // ---- evening
  /**
   * The event room's session: `itemId` moves it to that programme item (null: none) and stops
   * following the programme's times; `follow: true` goes back to them. Not for item rooms.
   */
  "mod:item": z
    .object({ itemId: id.nullable().optional(), follow: z.literal(true).optional() })
    .refine((p) => (p.itemId === undefined) !== (p.follow === undefined), { message: "itemId or follow", path: ["itemId"] }),
} as const;

export type ClientEventName = keyof typeof clientSchemas;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientSchemas)[E]>;

// ---------------------------------------------------------------- acknowledgements
export const ERROR_CODES = [
  "invalid", // payload failed validation
  "not-joined", // the connection has not joined a room
  "not-found", // room, question or poll does not exist (in this room)
  "forbidden", // not allowed for this participant / role
  "closed", // room or poll is closed
  "rate-limited", // too much too fast: questions, or a budget of the connection or its address
  "conflict", // e.g. editing an answered question
  "blocked", // a moderator blocked this participant in the room
  "server", // unexpected; the client may retry
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Refusal = {
  ok: false;
  code: ErrorCode;
  /** The sentence for a person, in the connection's language. */
  message: string;
  /** The catalog key ("live:error.…"); `values.field`, when present, names a payload field (live:field.…). */
  key?: string;
  values?: Record<string, string | number>;
};
export type Ack<T> = { ok: true; data: T } | Refusal;

// ---------------------------------------------------------------- state sent to clients
export type QuestionView = {
  id: string;
  text: string;
  displayName: string | null;
  status: QuestionStatus;
  pinned: boolean;
  upvotes: number;
  createdAt: string; // ISO
  /** The programme item that was on when it was asked (event rooms), else null */
  programmeItemId: string | null;
  /** Only in the asker's own view and to moderators */
  mine?: boolean;
  /** Moderators only: the word filter held it back */
  flagged?: boolean;
};

export type PollResults =
  | { kind: "SINGLE" | "MULTIPLE"; total: number; options: Array<{ id: string; label: string; count: number }> }
  | { kind: "RATING"; total: number; average: number | null; distribution: number[] }
  | { kind: "WORDCLOUD"; total: number; words: Array<{ word: string; count: number }> }
  | { kind: "OPEN_TEXT"; total: number; answers: string[] }
  /** Options ordered by average rank (1 = first; lower is better); `firsts`: how many put it first. */
  | { kind: "RANKING"; total: number; options: Array<{ id: string; label: string; averageRank: number | null; firsts: number }> };

export type PollView = {
  id: string;
  title: string;
  kind: PollKind;
  status: PollStatus;
  resultsVisibility: ResultsVisibility;
  /** The programme item it was prepared for (event rooms), else null */
  programmeItemId: string | null;
  maxChoices: number | null;
  scaleMax: number | null;
  options: Array<{ id: string; label: string }>;
  /** Present when this connection may see results */
  results?: PollResults;
  /** The participant's own answer, so a reconnecting phone shows what it chose */
  myAnswer?: { optionIds: string[]; rating: number | null; text: string | null } | null;
};

/** A word-cloud or open-text answer as moderators see it (never to the audience or the screen). */
export type AnswerView = {
  id: string;
  pollId: string;
  text: string;
  status: AnswerStatus;
  /** Its author is blocked in the room (it stays hidden until they are unblocked) */
  blocked: boolean;
  createdAt: string; // ISO
};

/** A participant blocked in a room, named by an excerpt of what they wrote (no personal data). */
export type BlockView = { id: string; label: string; createdAt: string };

/** Moderators only: the answers waiting, shown and hidden in text polls, and who is blocked. */
export type ModerationState = { answers: AnswerView[]; blocks: BlockView[] };

export type RoomState = {
  room: {
    id: string;
    code: string;
    title: string;
    eventTitle: string;
    eventSlug: string;
    allowAnonymous: boolean;
    preModeration: boolean;
    status: "OPEN" | "CLOSED";
    onScreenQuestionId: string | null;
    /** What the projector and the overlay show now */
    screenMode: ScreenMode;
    /** The poll shown in POLL and WORDCLOUD mode */
    screenPollId: string | null;
    /**
     * Event rooms (one code for the whole event): the programme item on now, or null between
     * items. `followProgramme`: the server moves it by the programme's times until a moderator
     * picks one. Rooms of a single programme item have that item and followProgramme false.
     */
    currentItem: ProgrammeItemView | null;
    followProgramme: boolean;
    /** The event's programme (items in start order), so phones and the moderator can name items */
    programme: ProgrammeItemView[];
    // ---- evening
    /** A room of one programme item (not the event's one code); its item never moves */
    itemRoom?: boolean;
  };
  role: LiveRole;
  participantId: string;
  /** Approved, answered and pinned questions for everyone; moderators also see pending and hidden ones */
  questions: QuestionView[];
  /** Upvotes this participant has given (question ids) */
  myUpvotes: string[];
  polls: PollView[];
  /** Server time of the snapshot (ISO), so clients can tell stale updates */
  at: string;
  /** Moderators only */
  moderation?: ModerationState;
};

// ---------------------------------------------------------------- server → client events
export interface ServerToClientEvents {
  /** A question appeared, changed status or text (moderators get pending/hidden ones too). */
  "question:changed": (q: QuestionView) => void;
  /** Coalesced upvote counts: questionId → count (only the ones that changed). */
  "question:counts": (counts: Record<string, number>) => void;
  /** Room settings changed (moderation, anonymity, closed, the question on screen, the screen mode). */
  "room:changed": (room: RoomState["room"]) => void;
  /** A poll was created, opened or closed (without results for those who may not see them). */
  "poll:changed": (poll: PollView) => void;
  // ---- poll library
  /** A poll was deleted: every screen drops it (a projector showing it goes back to the join slide). */
  "poll:removed": (payload: { pollId: string }) => void;
  // ---- end poll library
  /** Coalesced poll results for those who may see them. */
  "poll:results": (payload: { pollId: string; results: PollResults }) => void;
  /** Moderators only: a text answer arrived or changed status (held, shown, hidden, blocked). */
  "answer:changed": (a: AnswerView) => void;
  /** Moderators only: a participant was blocked (active: true) or unblocked. */
  "block:changed": (b: BlockView & { active: boolean }) => void;
}

export interface ClientToServerEvents {
  "room:join": (p: ClientPayload<"room:join">, ack: (a: Ack<RoomState>) => void) => void;
  "question:ask": (p: ClientPayload<"question:ask">, ack: (a: Ack<QuestionView>) => void) => void;
  "question:edit": (p: ClientPayload<"question:edit">, ack: (a: Ack<QuestionView>) => void) => void;
  "question:withdraw": (p: ClientPayload<"question:withdraw">, ack: (a: Ack<QuestionView>) => void) => void;
  "question:upvote": (p: ClientPayload<"question:upvote">, ack: (a: Ack<{ questionId: string; up: boolean; upvotes: number }>) => void) => void;
  /** `held`: the word filter matched; the answer waits for a moderator before it counts. */
  "poll:answer": (p: ClientPayload<"poll:answer">, ack: (a: Ack<{ pollId: string; held?: boolean }>) => void) => void;
  "mod:question": (p: ClientPayload<"mod:question">, ack: (a: Ack<QuestionView>) => void) => void;
  "mod:room": (p: ClientPayload<"mod:room">, ack: (a: Ack<RoomState["room"]>) => void) => void;
  "mod:poll:create": (p: ClientPayload<"mod:poll:create">, ack: (a: Ack<PollView>) => void) => void;
  "mod:poll:state": (p: ClientPayload<"mod:poll:state">, ack: (a: Ack<PollView>) => void) => void;
  // ---- poll library
  "mod:poll:update": (p: ClientPayload<"mod:poll:update">, ack: (a: Ack<PollView>) => void) => void;
  "mod:poll:duplicate": (p: ClientPayload<"mod:poll:duplicate">, ack: (a: Ack<PollView>) => void) => void;
  "mod:poll:delete": (p: ClientPayload<"mod:poll:delete">, ack: (a: Ack<{ pollId: string }>) => void) => void;
  // ---- end poll library
  "mod:screen": (p: ClientPayload<"mod:screen">, ack: (a: Ack<RoomState["room"]>) => void) => void;
  "mod:answer": (p: ClientPayload<"mod:answer">, ack: (a: Ack<AnswerView>) => void) => void;
  "mod:word": (p: ClientPayload<"mod:word">, ack: (a: Ack<{ pollId: string; word: string; hidden: boolean; answers: AnswerView[] }>) => void) => void;
  "mod:block": (p: ClientPayload<"mod:block">, ack: (a: Ack<BlockView>) => void) => void;
  "mod:unblock": (p: ClientPayload<"mod:unblock">, ack: (a: Ack<BlockView>) => void) => void;
  // ---- evening
  "mod:item": (p: ClientPayload<"mod:item">, ack: (a: Ack<RoomState["room"]>) => void) => void;
}

/** Join codes: 6 characters without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
