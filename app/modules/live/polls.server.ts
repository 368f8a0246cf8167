// Polls: created as drafts by moderators, opened, closed (never reopened). One answer per
// participant per poll, guarded by the unique (pollId, participantId); a changed answer replaces
// the old one, its choices in the same transaction. Results are counted by the database, and
// count only SHOWN answers: word-cloud and open-text answers the word filter matched wait as HELD
// for a moderator, and what a moderator hid (or a blocked participant's answers) is HIDDEN.
import { orgSettings } from "~/modules/settings/settings.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { LiveError, notFound, roomClosed } from "./errors.server";
import {
  OPEN_TEXT_MAX,
  POLL_OPTION_MAX,
  POLL_TITLE_MAX,
  WORD_MAX,
  type LiveRole,
  type PollKind,
  type PollResults,
  type PollStatus,
  type PollView,
  type ResultsVisibility,
} from "./protocol";
import { needsModeration } from "./wordfilter";

/** What results count. */
export const SHOWN = "SHOWN";

export const WORDCLOUD_TOP = 50;
export const OPEN_TEXT_LATEST = 100;

export const pollSelect = {
  id: true,
  roomId: true,
  title: true,
  kind: true,
  status: true,
  resultsVisibility: true,
  maxChoices: true,
  scaleMax: true,
  programmeItemId: true,
  options: { select: { id: true, label: true }, orderBy: { position: "asc" } },
} as const;

export type PollRow = {
  id: string;
  roomId: string;
  title: string;
  kind: string;
  status: string;
  resultsVisibility: string;
  maxChoices: number | null;
  scaleMax: number | null;
  programmeItemId: string | null;
  options: Array<{ id: string; label: string }>;
};

export type MyAnswer = NonNullable<PollView["myAnswer"]>;

/** LIVE: always; AFTER_CLOSE: once closed; SCREEN_ONLY: the projector and moderators. Moderators see everything. */
export function canSeeResults(poll: { status: string; resultsVisibility: string }, role: LiveRole): boolean {
  // ---- presenter: the speaker sees results live whatever the visibility, like moderators
  if (role === "moderator" || role === "presenter") return true;
  switch (poll.resultsVisibility as ResultsVisibility) {
    case "LIVE":
      return true;
    case "AFTER_CLOSE":
      return poll.status === "CLOSED";
    case "SCREEN_ONLY":
      return role === "screen";
  }
  return false;
}

export function pollView(poll: PollRow, extra: { results?: PollResults; myAnswer?: MyAnswer | null } = {}): PollView {
  return {
    id: poll.id,
    title: poll.title,
    kind: poll.kind as PollKind,
    status: poll.status as PollStatus,
    resultsVisibility: poll.resultsVisibility as ResultsVisibility,
    programmeItemId: poll.programmeItemId,
    maxChoices: poll.maxChoices,
    scaleMax: poll.scaleMax,
    options: poll.options,
    ...(extra.results ? { results: extra.results } : {}),
    ...(extra.myAnswer !== undefined ? { myAnswer: extra.myAnswer } : {}),
  };
}

export type NewPoll = {
  title: string;
  kind: PollKind;
  options?: string[];
  maxChoices?: number;
  scaleMax?: number;
  resultsVisibility?: ResultsVisibility;
  /** The programme item it is for (resolved by the caller; see itemForNewEntry) */
  programmeItemId?: string | null;
};

export async function createPoll(roomId: string, input: NewPoll): Promise<PollRow> {
  const title = input.title.trim();
  if (!title || title.length > POLL_TITLE_MAX) throw new LiveError("invalid", "live:error.pollTitle", { max: POLL_TITLE_MAX });
  const options = (input.options ?? []).map((o) => o.trim());
  let maxChoices: number | null = null;
  let scaleMax: number | null = null;
  switch (input.kind) {
    case "SINGLE":
    case "MULTIPLE":
      if (options.length < 2 || options.length > 20) throw new LiveError("invalid", "live:error.optionCount");
      if (options.some((o) => !o || o.length > POLL_OPTION_MAX)) {
        throw new LiveError("invalid", "live:error.optionLength", { max: POLL_OPTION_MAX });
      }
      if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) {
        throw new LiveError("invalid", "live:error.optionDuplicate");
      }
      if (input.kind === "MULTIPLE") {
        maxChoices = input.maxChoices ?? options.length;
        if (maxChoices < 1 || maxChoices > options.length) {
          throw new LiveError("invalid", "live:error.maxChoicesTooMany");
        }
      } else if (input.maxChoices !== undefined && input.maxChoices !== 1) {
        throw new LiveError("invalid", "live:error.singleOneChoice");
      }
      break;
    case "RATING":
      scaleMax = input.scaleMax ?? 5;
      if (options.length > 0) throw new LiveError("invalid", "live:error.ratingNoOptions");
      if (scaleMax < 2 || scaleMax > 10) throw new LiveError("invalid", "live:error.scaleRange");
      break;
    case "WORDCLOUD":
    case "OPEN_TEXT":
      if (options.length > 0) throw new LiveError("invalid", "live:error.textNoOptions");
      break;
    default:
      throw new LiveError("invalid", "live:error.unknownKind");
  }
  const position = await db().poll.count({ where: { roomId } });
  return db().poll.create({
    data: {
      roomId,
      title,
      kind: input.kind,
      maxChoices,
      scaleMax,
      resultsVisibility: input.resultsVisibility ?? "LIVE",
      programmeItemId: input.programmeItemId ?? null,
      position,
      options: { create: options.map((label, i) => ({ label, position: i })) },
    },
    select: pollSelect,
  });
}

/** DRAFT → OPEN → CLOSED (a draft may also be closed directly). A closed poll stays closed. */
export async function setPollStatus(roomId: string, pollId: string, status: "OPEN" | "CLOSED"): Promise<{ poll: PollRow; changed: boolean }> {
  const from = status === "OPEN" ? ["DRAFT"] : ["DRAFT", "OPEN"];
  const now = new Date();
  const { count } = await db().poll.updateMany({
    where: { id: pollId, roomId, status: { in: from } },
    data: status === "OPEN" ? { status, openedAt: now } : { status, closedAt: now },
  });
  const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
  if (!poll) throw notFound("poll");
  if (count === 0 && poll.status !== status) {
    throw new LiveError("conflict", "live:error.pollNoReopen");
  }
  return { poll, changed: count > 0 };
}

/** Word cloud answers: trimmed, lowercase, letters and digits only, single spaces. */
export function normaliseWord(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type AnswerInput = { optionIds?: string[]; rating?: number; text?: string };

// What a poll asks never changes after creation (only its status does), so each process keeps
// it: a vote storm then costs one small read and one write per vote.
type PollDefinition = { kind: PollKind; maxChoices: number | null; scaleMax: number | null; optionIds: Set<string> };
const definitions = new Map<string, PollDefinition>();

async function definitionOf(roomId: string, pollId: string): Promise<PollDefinition | null> {
  const known = definitions.get(pollId);
  if (known) return known;
  const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
  if (!poll) return null;
  const definition = {
    kind: poll.kind as PollKind,
    maxChoices: poll.maxChoices,
    scaleMax: poll.scaleMax,
    optionIds: new Set(poll.options.map((o) => o.id)),
  };
  if (definitions.size > 10_000) definitions.clear();
  definitions.set(pollId, definition);
  return definition;
}

async function isHiddenWord(pollId: string, word: string): Promise<boolean> {
  const row = await db().pollHiddenWord.findUnique({ where: { pollId_word: { pollId, word } }, select: { word: true } });
  return row !== null;
}

/** The stored answer, as the socket layer needs it (moderators hear of text answers; a held one is said so). */
export type StoredAnswer = { id: string; pollId: string; kind: PollKind; text: string | null; status: string; createdAt: Date };

export async function answerPoll(roomId: string, participantId: string, pollId: string, input: AnswerInput): Promise<StoredAnswer> {
  // The common case in one query: the poll is open in an open room.
  const open = await db().poll.findFirst({ where: { id: pollId, roomId, status: "OPEN", room: { status: "OPEN" } }, select: { id: true } });
  if (!open) {
    const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: { status: true, room: { select: { status: true } } } });
    if (!poll || poll.status === "DRAFT") throw notFound("poll");
    if (poll.status !== "OPEN") throw new LiveError("closed", "live:error.pollClosed");
    throw roomClosed();
  }
  const poll = (await definitionOf(roomId, pollId))!;

  let optionIds: string[] = [];
  let rating: number | null = null;
  let text: string | null = null;
  switch (poll.kind) {
    case "SINGLE":
    case "MULTIPLE": {
      optionIds = [...new Set(input.optionIds ?? [])];
      const max = poll.kind === "SINGLE" ? 1 : (poll.maxChoices ?? poll.optionIds.size);
      if (optionIds.length === 0) throw new LiveError("invalid", "live:error.chooseOption");
      if (optionIds.length > max) throw new LiveError("invalid", "live:error.tooManyChoices", { count: max });
      if (!optionIds.every((id) => poll.optionIds.has(id))) throw new LiveError("invalid", "live:error.foreignOption");
      break;
    }
    case "RATING":
      rating = input.rating ?? null;
      if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > (poll.scaleMax ?? 5)) {
        throw new LiveError("invalid", "live:error.ratingRange", { max: poll.scaleMax ?? 5 });
      }
      break;
    case "WORDCLOUD":
      text = normaliseWord(input.text ?? "");
      if (!text) throw new LiveError("invalid", "live:error.writeWord");
      if (text.length > WORD_MAX) throw new LiveError("invalid", "live:error.wordTooLong", { max: WORD_MAX });
      break;
    case "OPEN_TEXT":
      text = (input.text ?? "").trim();
      if (!text) throw new LiveError("invalid", "live:error.writeAnswer");
      if (text.length > OPEN_TEXT_MAX) throw new LiveError("invalid", "live:error.answerTooLong", { max: OPEN_TEXT_MAX });
      break;
  }

  // Free text goes through the word filter (built-in lists and the organisation's own words).
  // A word a moderator hid in this word cloud stays hidden when someone sends it again.
  const status =
    text === null
      ? SHOWN
      : poll.kind === "WORDCLOUD" && (await isHiddenWord(pollId, text))
        ? "HIDDEN"
        : needsModeration(text, orgSettings().liveFilterWords)
          ? "HELD"
          : SHOWN;

  // First answers (most of a vote storm) are a plain insert; a changed answer is one upsert with
  // nested writes, which Prisma runs as one transaction: the old choices go as the new ones arrive.
  const choices = optionIds.map((optionId) => ({ optionId, pollId }));
  const select = { id: true, text: true, status: true, createdAt: true } as const;
  const replace = () =>
    db().pollAnswer.upsert({
      where: { pollId_participantId: { pollId, participantId } },
      create: { pollId, participantId, rating, text, status, choices: { create: choices } },
      // A blocked participant's answers stay hidden (statusBeforeBlock is set only while blocked).
      update: { rating, text, status, statusBeforeBlock: null, choices: { deleteMany: {}, create: choices } },
      select,
    });
  let row: { id: string; text: string | null; status: string; createdAt: Date };
  try {
    row = await db().pollAnswer.create({ data: { pollId, participantId, rating, text, status, choices: { create: choices } }, select });
  } catch (err) {
    // An answer exists (a changed mind, or another tab at the same instant): replace it.
    if (!isUniqueViolation(err)) throw err;
    row = await replace();
  }
  return { ...row, pollId, kind: poll.kind };
}

export async function myAnswers(pollIds: string[], participantId: string): Promise<Map<string, MyAnswer>> {
  if (pollIds.length === 0) return new Map();
  const answers = await db().pollAnswer.findMany({
    where: { pollId: { in: pollIds }, participantId },
    select: { pollId: true, rating: true, text: true, choices: { select: { optionId: true } } },
  });
  return new Map(
    answers.map((a) => [a.pollId, { optionIds: a.choices.map((c) => c.optionId), rating: a.rating, text: a.text }]),
  );
}

/** Results counted by the database (GROUP BY); never loads every answer. */
export async function pollResults(pollId: string): Promise<PollResults> {
  const poll = await db().poll.findUniqueOrThrow({ where: { id: pollId }, select: pollSelect });
  return resultsOf(poll);
}

export async function resultsOf(poll: PollRow): Promise<PollResults> {
  const pollId = poll.id;
  const total = await db().pollAnswer.count({ where: { pollId, status: SHOWN } });
  switch (poll.kind as PollKind) {
    case "SINGLE":
    case "MULTIPLE": {
      const groups = await db().pollAnswerChoice.groupBy({ by: ["optionId"], where: { pollId, answer: { status: SHOWN } }, _count: { _all: true } });
      const counts = new Map(groups.map((g) => [g.optionId, g._count._all]));
      return {
        kind: poll.kind as "SINGLE" | "MULTIPLE",
        total,
        options: poll.options.map((o) => ({ id: o.id, label: o.label, count: counts.get(o.id) ?? 0 })),
      };
    }
    case "RATING": {
      const groups = await db().pollAnswer.groupBy({ by: ["rating"], where: { pollId, status: SHOWN }, _count: { _all: true } });
      const distribution = Array.from({ length: poll.scaleMax ?? 5 }, () => 0);
      let sum = 0;
      let n = 0;
      for (const g of groups) {
        if (g.rating === null || g.rating < 1 || g.rating > distribution.length) continue;
        distribution[g.rating - 1] = g._count._all;
        sum += g.rating * g._count._all;
        n += g._count._all;
      }
      return { kind: "RATING", total, average: n > 0 ? Math.round((sum / n) * 100) / 100 : null, distribution };
    }
    case "WORDCLOUD": {
      const groups = await db().pollAnswer.groupBy({
        by: ["text"],
        where: { pollId, status: SHOWN, text: { not: null } },
        _count: { text: true },
        orderBy: [{ _count: { text: "desc" } }, { text: "asc" }],
        take: WORDCLOUD_TOP,
      });
      return { kind: "WORDCLOUD", total, words: groups.map((g) => ({ word: g.text ?? "", count: g._count.text })) };
    }
    case "OPEN_TEXT": {
      const latest = await db().pollAnswer.findMany({
        where: { pollId, status: SHOWN, text: { not: null } },
        orderBy: { updatedAt: "desc" },
        take: OPEN_TEXT_LATEST,
        select: { text: true },
      });
      return { kind: "OPEN_TEXT", total, answers: latest.map((a) => a.text ?? "") };
    }
  }
  throw new Error(`Unknown poll kind ${poll.kind}`);
}
