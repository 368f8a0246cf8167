// Polls: created as drafts by moderators (on the moderator page, or before the evening in the
// staff page's poll library), edited only while a draft, opened, closed, reopened (answers kept),
// duplicated and deleted (not while open). One answer per
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
  /** The programme item it is prepared for (must be the room's event's); null or absent: any time */
  programmeItemId?: string | null;
};

/** RANKING: how many options a ranking takes (every answer orders all of them). */
export const RANKING_MIN = 2;
export const RANKING_MAX = 20;

/** What a poll asks, checked: the same rules for creating and for editing a draft. */
function validatePoll(input: NewPoll) {
  const title = input.title.trim();
  if (!title || title.length > POLL_TITLE_MAX) throw new LiveError("invalid", "live:error.pollTitle", { max: POLL_TITLE_MAX });
  const options = (input.options ?? []).map((o) => o.trim());
  let maxChoices: number | null = null;
  let scaleMax: number | null = null;
  const checkOptions = () => {
    if (options.length < 2 || options.length > 20) throw new LiveError("invalid", "live:error.optionCount");
    if (options.some((o) => !o || o.length > POLL_OPTION_MAX)) {
      throw new LiveError("invalid", "live:error.optionLength", { max: POLL_OPTION_MAX });
    }
    if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) {
      throw new LiveError("invalid", "live:error.optionDuplicate");
    }
  };
  switch (input.kind) {
    case "SINGLE":
    case "MULTIPLE":
      checkOptions();
      if (input.kind === "MULTIPLE") {
        maxChoices = input.maxChoices ?? options.length;
        if (maxChoices < 1 || maxChoices > options.length) {
          throw new LiveError("invalid", "live:error.maxChoicesTooMany");
        }
      } else if (input.maxChoices !== undefined && input.maxChoices !== 1) {
        throw new LiveError("invalid", "live:error.singleOneChoice");
      }
      break;
    case "RANKING":
      checkOptions();
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
  return { title, kind: input.kind, options, maxChoices, scaleMax, resultsVisibility: input.resultsVisibility ?? "LIVE" };
}

/** The programme item, checked to be of the room's event (null: any time). */
async function itemOfRoom(roomId: string, programmeItemId: string | null | undefined): Promise<string | null> {
  if (!programmeItemId) return null;
  const item = await db().programmeItem.findFirst({
    where: { id: programmeItemId, event: { liveRooms: { some: { id: roomId } } } },
    select: { id: true },
  });
  if (!item) throw new LiveError("invalid", "live:error.pollItem", { field: "programmeItemId" });
  return item.id;
}

async function nextPosition(roomId: string): Promise<number> {
  const last = await db().poll.aggregate({ where: { roomId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function createPoll(roomId: string, input: NewPoll): Promise<PollRow> {
  const { options, ...poll } = validatePoll(input);
  const programmeItemId = await itemOfRoom(roomId, input.programmeItemId);
  return db().poll.create({
    data: {
      roomId,
      ...poll,
      programmeItemId,
      position: await nextPosition(roomId),
      options: { create: options.map((label, i) => ({ label, position: i })) },
    },
    select: pollSelect,
  });
}

const editableOnly = () => new LiveError("conflict", "live:error.pollNotDraft");

/**
 * Edits a draft: what it asks, its options, who sees results and its programme item. Refused
 * (conflict) once it has been opened: answers were given to the question as it was.
 */
export async function updatePoll(roomId: string, pollId: string, input: NewPoll): Promise<PollRow> {
  const { options, ...fields } = validatePoll(input);
  const programmeItemId = await itemOfRoom(roomId, input.programmeItemId);
  const poll = await db().$transaction(async (tx) => {
    const { count } = await tx.poll.updateMany({ where: { id: pollId, roomId, status: "DRAFT" }, data: { ...fields, programmeItemId } });
    if (count === 0) {
      const exists = await tx.poll.findFirst({ where: { id: pollId, roomId }, select: { id: true } });
      throw exists ? editableOnly() : notFound("poll");
    }
    await tx.pollOption.deleteMany({ where: { pollId } });
    await tx.pollOption.createMany({ data: options.map((label, i) => ({ pollId, label, position: i })) });
    return tx.poll.findUniqueOrThrow({ where: { id: pollId }, select: pollSelect });
  });
  definitions.delete(pollId);
  return poll;
}

/** A new draft with the same question, options and settings, placed right after the last poll. */
export async function duplicatePoll(roomId: string, pollId: string): Promise<PollRow> {
  const source = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
  if (!source) throw notFound("poll");
  return db().poll.create({
    data: {
      roomId,
      title: source.title,
      kind: source.kind,
      maxChoices: source.maxChoices,
      scaleMax: source.scaleMax,
      resultsVisibility: source.resultsVisibility,
      programmeItemId: source.programmeItemId,
      position: await nextPosition(roomId),
      options: { create: source.options.map((o, i) => ({ label: o.label, position: i })) },
    },
    select: pollSelect,
  });
}

/**
 * Deletes a draft or a closed poll with its answers. An open poll is refused (close it first).
 * `screenCleared`: the projector showed it and is back on the join slide.
 */
export async function deletePoll(roomId: string, pollId: string): Promise<{ poll: PollRow; screenCleared: boolean }> {
  const out = await db().$transaction(async (tx) => {
    const poll = await tx.poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
    if (!poll) throw notFound("poll");
    const { count } = await tx.poll.deleteMany({ where: { id: pollId, roomId, status: { in: ["DRAFT", "CLOSED"] } } });
    if (count === 0) throw new LiveError("conflict", "live:error.pollDeleteOpen");
    const cleared = await tx.liveRoom.updateMany({ where: { id: roomId, screenPollId: pollId }, data: { screenMode: "JOIN", screenPollId: null } });
    return { poll, screenCleared: cleared.count > 0 };
  });
  definitions.delete(pollId);
  return out;
}

/**
 * Moves a poll one place up or down among the polls of the same programme item (the library's
 * order, which is also the moderator's). Returns false at either end.
 */
export async function movePoll(roomId: string, pollId: string, direction: "up" | "down"): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const poll = await tx.poll.findFirst({ where: { id: pollId, roomId }, select: { id: true, position: true, programmeItemId: true } });
    if (!poll) throw notFound("poll");
    const siblings = await tx.poll.findMany({
      where: { roomId, programmeItemId: poll.programmeItemId },
      select: { id: true, position: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    const i = siblings.findIndex((p) => p.id === pollId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return false;
    // Renumber the group in its new order, on the positions it already held (other groups keep theirs).
    const order = siblings.slice();
    [order[i], order[j]] = [order[j]!, order[i]!];
    const positions = siblings.map((p) => p.position).sort((a, b) => a - b);
    for (let k = 1; k < positions.length; k++) if (positions[k]! <= positions[k - 1]!) positions[k] = positions[k - 1]! + 1;
    for (let k = 0; k < order.length; k++) {
      if (order[k]!.position !== positions[k]) await tx.poll.update({ where: { id: order[k]!.id }, data: { position: positions[k] } });
    }
    return true;
  });
}

/**
 * DRAFT → OPEN → CLOSED (a draft may also be closed directly); a closed poll may be opened again,
 * keeping its answers (it is not a draft again: what it asks stays as it was answered).
 */
export async function setPollStatus(roomId: string, pollId: string, status: "OPEN" | "CLOSED"): Promise<{ poll: PollRow; changed: boolean }> {
  const now = new Date();
  let count: number;
  if (status === "OPEN") {
    count = (await db().poll.updateMany({ where: { id: pollId, roomId, status: "DRAFT" }, data: { status, openedAt: now } })).count;
    if (count === 0) {
      count = (await db().poll.updateMany({ where: { id: pollId, roomId, status: "CLOSED" }, data: { status, closedAt: null } })).count;
    }
  } else {
    count = (await db().poll.updateMany({ where: { id: pollId, roomId, status: { in: ["DRAFT", "OPEN"] } }, data: { status, closedAt: now } })).count;
  }
  const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: pollSelect });
  if (!poll) throw notFound("poll");
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

// What a poll asks changes only while it is a draft (answers come only once it is open), so each
// process keeps it: a vote storm then costs one small read and one write per vote.
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
    case "RANKING": {
      // The full order: every option exactly once, first place first.
      optionIds = input.optionIds ?? [];
      if (
        optionIds.length !== poll.optionIds.size ||
        new Set(optionIds).size !== optionIds.length ||
        !optionIds.every((id) => poll.optionIds.has(id))
      ) {
        throw new LiveError("invalid", "live:error.rankAll", { count: poll.optionIds.size, field: "optionIds" });
      }
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
  const ranked = poll.kind === "RANKING";
  const choices = optionIds.map((optionId, i) => ({ optionId, pollId, ...(ranked ? { rank: i + 1 } : {}) }));
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
    select: { pollId: true, rating: true, text: true, choices: { select: { optionId: true, rank: true } } },
  });
  // A ranking's choices in rank order (the others have no rank and keep theirs).
  const inOrder = (choices: Array<{ optionId: string; rank: number | null }>) =>
    choices.slice().sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((c) => c.optionId);
  return new Map(answers.map((a) => [a.pollId, { optionIds: inOrder(a.choices), rating: a.rating, text: a.text }]));
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
    case "RANKING": {
      // Average rank per option by the database (1 = first; lower is better), and how many put it first.
      const where = { pollId, answer: { status: SHOWN } };
      const [ranks, firsts] = await Promise.all([
        db().pollAnswerChoice.groupBy({ by: ["optionId"], where, _avg: { rank: true } }),
        db().pollAnswerChoice.groupBy({ by: ["optionId"], where: { ...where, rank: 1 }, _count: { _all: true } }),
      ]);
      const average = new Map(ranks.map((g) => [g.optionId, g._avg.rank]));
      const first = new Map(firsts.map((g) => [g.optionId, g._count._all]));
      const position = new Map(poll.options.map((o, i) => [o.id, i]));
      const options = poll.options.map((o) => {
        const avg = average.get(o.id);
        return { id: o.id, label: o.label, averageRank: avg == null ? null : Math.round(avg * 100) / 100, firsts: first.get(o.id) ?? 0 };
      });
      // Ties on average rank: more first places first, then the poll's own order.
      options.sort(
        (a, b) =>
          (a.averageRank ?? Infinity) - (b.averageRank ?? Infinity) || b.firsts - a.firsts || position.get(a.id)! - position.get(b.id)!,
      );
      return { kind: "RANKING", total, options };
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
