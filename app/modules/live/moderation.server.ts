// What moderators do with poll answers and participants: approve or reject an answer the word
// filter held, hide or unhide one answer (or, in a word cloud, every answer with one word), and
// block a participant in a room. A block is a row guarded by its unique (room, participant); in
// the same transaction their questions and answers become HIDDEN with the status they had kept
// in statusBeforeBlock, so unblocking puts back exactly what was there. Every change is audited
// in its own transaction.
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";
import { LiveError, notFound } from "./errors.server";
import { normaliseWord, SHOWN } from "./polls.server";
import type { AnswerStatus, AnswerView, BlockView, ModerationState } from "./protocol";
import { questionSelect, type QuestionRow } from "./questions.server";

/** The text poll kinds: only their answers are read by people, so only they are moderated one by one. */
export const TEXT_KINDS = ["WORDCLOUD", "OPEN_TEXT"];
/** The newest shown or hidden answers a moderator gets (held ones always come, all of them). */
export const MODERATION_ANSWERS = 200;

const answerSelect = { id: true, pollId: true, text: true, status: true, statusBeforeBlock: true, createdAt: true } as const;
type AnswerRow = { id: string; pollId: string; text: string | null; status: string; statusBeforeBlock: string | null; createdAt: Date };

export function answerView(a: AnswerRow): AnswerView {
  return {
    id: a.id,
    pollId: a.pollId,
    text: a.text ?? "",
    status: a.status as AnswerStatus,
    blocked: a.statusBeforeBlock !== null,
    createdAt: a.createdAt.toISOString(),
  };
}

const blockView = (b: { id: string; label: string; createdAt: Date }): BlockView => ({ id: b.id, label: b.label, createdAt: b.createdAt.toISOString() });

export async function isBlocked(roomId: string, participantId: string): Promise<boolean> {
  const row = await db().liveBlock.findUnique({ where: { roomId_participantId: { roomId, participantId } }, select: { id: true } });
  return row !== null;
}

export const blockedRefusal = () => new LiveError("blocked", "live:error.blocked");

export async function moderationState(roomId: string): Promise<ModerationState> {
  const inRoom = { poll: { roomId, kind: { in: TEXT_KINDS } } };
  const [held, recent, blocks] = await Promise.all([
    db().pollAnswer.findMany({ where: { ...inRoom, status: "HELD" }, select: answerSelect, orderBy: { createdAt: "asc" } }),
    db().pollAnswer.findMany({ where: { ...inRoom, status: { not: "HELD" } }, select: answerSelect, orderBy: { createdAt: "desc" }, take: MODERATION_ANSWERS }),
    db().liveBlock.findMany({ where: { roomId }, select: { id: true, label: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { answers: [...held, ...recent].map(answerView), blocks: blocks.map(blockView) };
}

const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type AnswerAction = "approve" | "reject" | "hide" | "unhide";

/** Which status an action moves from, and to. A blocked participant's answers stay as they are until unblocked. */
const TRANSITIONS: Record<AnswerAction, { from: string[]; to: string }> = {
  approve: { from: ["HELD"], to: SHOWN },
  reject: { from: ["HELD"], to: "HIDDEN" },
  hide: { from: [SHOWN], to: "HIDDEN" },
  unhide: { from: ["HIDDEN"], to: SHOWN },
};

export async function moderateAnswer(actor: Actor, roomId: string, answerId: string, action: AnswerAction) {
  return db().$transaction(async (tx) => {
    const before = await tx.pollAnswer.findFirst({
      where: { id: answerId, poll: { roomId, kind: { in: TEXT_KINDS } } },
      select: { ...answerSelect, poll: { select: { title: true } } },
    });
    if (!before) throw notFound("answer");
    if (before.statusBeforeBlock !== null) throw new LiveError("conflict", "live:error.unblockFirst");
    const { from, to } = TRANSITIONS[action];
    // Conditional on the status, so two moderators clicking at once change it once.
    const { count } = await tx.pollAnswer.updateMany({ where: { id: answerId, status: { in: from }, statusBeforeBlock: null }, data: { status: to } });
    const after = await tx.pollAnswer.findUniqueOrThrow({ where: { id: answerId }, select: answerSelect });
    if (count === 0 && after.status !== to) throw new LiveError("conflict", "live:error.answerChanged");
    if (count > 0) {
      await audit(tx, actor, {
        action: `live.answer.${action}`,
        targetType: "PollAnswer",
        targetId: answerId,
        summary: `Svar ${ANSWER_ACTION_WORDS[action]} i «${excerpt(before.poll.title)}»: «${excerpt(before.text ?? "")}»`,
        details: { roomId, pollId: before.pollId, from: before.status, to },
      });
    }
    return { answer: answerView(after), pollId: before.pollId, changed: count > 0 };
  });
}

const ANSWER_ACTION_WORDS: Record<AnswerAction, string> = { approve: "godkjent", reject: "avvist", hide: "skjult", unhide: "vist igjen" };

/** Word clouds: hide (or show again) every answer with this word. Returns the answers that changed. */
export async function setWordHidden(actor: Actor, roomId: string, pollId: string, rawWord: string, hidden: boolean) {
  const word = normaliseWord(rawWord);
  if (!word) throw new LiveError("invalid", "live:error.writeWord");
  return db().$transaction(async (tx) => {
    const poll = await tx.poll.findFirst({ where: { id: pollId, roomId }, select: { id: true, kind: true, title: true } });
    if (!poll) throw notFound("poll");
    if (poll.kind !== "WORDCLOUD") throw new LiveError("invalid", "live:error.wordCloudOnly");
    // Remembered, so that answers with the word that arrive later are hidden too (answerPoll).
    if (hidden) {
      await tx.pollHiddenWord.upsert({ where: { pollId_word: { pollId, word } }, create: { pollId, word }, update: {} });
    } else {
      await tx.pollHiddenWord.deleteMany({ where: { pollId, word } });
    }
    const where = { pollId, text: word, statusBeforeBlock: null, status: hidden ? SHOWN : "HIDDEN" };
    const changing = await tx.pollAnswer.findMany({ where, select: { id: true } });
    const ids = changing.map((a) => a.id);
    if (ids.length > 0) {
      await tx.pollAnswer.updateMany({ where: { ...where, id: { in: ids } }, data: { status: hidden ? "HIDDEN" : SHOWN } });
    }
    await audit(tx, actor, {
      action: hidden ? "live.word.hide" : "live.word.unhide",
      targetType: "Poll",
      targetId: pollId,
      summary: `Ordet «${excerpt(word)}» ${hidden ? "skjult" : "vist igjen"} i «${excerpt(poll.title)}» (${ids.length} svar)`,
      details: { roomId, word, answers: ids.length },
    });
    const answers = await tx.pollAnswer.findMany({ where: { id: { in: ids } }, select: answerSelect });
    return { word, answers: answers.map(answerView) };
  });
}

const QUESTION_STATUSES_HIDDEN_BY_BLOCK = ["PENDING", "APPROVED", "ANSWERED"];
const ANSWER_STATUSES_HIDDEN_BY_BLOCK = [SHOWN, "HELD"];

export type BlockOutcome = {
  block: BlockView;
  questions: Array<{ before: QuestionRow; after: QuestionRow }>;
  /** Polls whose results changed */
  pollIds: string[];
  answers: AnswerView[];
  /** The question on screen was theirs and left it */
  screenCleared: boolean;
};

/** Hides what the participant has in the room, keeping each status to restore. Idempotent (touches only what is not yet hidden by a block). */
async function hideEverything(tx: Tx, roomId: string, participantId: string) {
  const before = await tx.question.findMany({
    where: { roomId, participantId, status: { in: QUESTION_STATUSES_HIDDEN_BY_BLOCK }, statusBeforeBlock: null },
    select: questionSelect,
  });
  for (const status of QUESTION_STATUSES_HIDDEN_BY_BLOCK) {
    await tx.question.updateMany({
      where: { roomId, participantId, status, statusBeforeBlock: null },
      data: { status: "HIDDEN", statusBeforeBlock: status, pinned: false },
    });
  }
  const { count: screenCleared } = before.length
    ? await tx.liveRoom.updateMany({ where: { id: roomId, onScreenQuestionId: { in: before.map((q) => q.id) } }, data: { onScreenQuestionId: null } })
    : { count: 0 };
  const answersBefore = await tx.pollAnswer.findMany({
    where: { participantId, poll: { roomId }, status: { in: ANSWER_STATUSES_HIDDEN_BY_BLOCK }, statusBeforeBlock: null },
    select: { id: true, pollId: true },
  });
  for (const status of ANSWER_STATUSES_HIDDEN_BY_BLOCK) {
    await tx.pollAnswer.updateMany({
      where: { participantId, poll: { roomId }, status, statusBeforeBlock: null },
      data: { status: "HIDDEN", statusBeforeBlock: status },
    });
  }
  return { questionIds: before.map((q) => q.id), questionsBefore: before, answerIds: answersBefore.map((a) => a.id), pollIds: [...new Set(answersBefore.map((a) => a.pollId))], screenCleared: screenCleared > 0 };
}

async function outcomeOf(
  tx: Tx,
  block: { id: string; label: string; createdAt: Date },
  changed: { questionsBefore: QuestionRow[]; answerIds: string[]; pollIds: string[]; screenCleared: boolean },
): Promise<BlockOutcome> {
  const afterRows = await tx.question.findMany({ where: { id: { in: changed.questionsBefore.map((q) => q.id) } }, select: questionSelect });
  const after = new Map(afterRows.map((q) => [q.id, q]));
  const answers = await tx.pollAnswer.findMany({ where: { id: { in: changed.answerIds }, poll: { kind: { in: TEXT_KINDS } } }, select: answerSelect });
  return {
    block: blockView(block),
    questions: changed.questionsBefore.map((before) => ({ before, after: after.get(before.id)! })),
    pollIds: changed.pollIds,
    answers: answers.map(answerView),
    screenCleared: changed.screenCleared,
  };
}

/** Blocks the author of a question or an answer in this room. */
export async function blockParticipant(actor: Actor, roomId: string, source: { questionId?: string; answerId?: string }): Promise<BlockOutcome> {
  const author = source.questionId
    ? await db().question.findFirst({ where: { id: source.questionId, roomId }, select: { participantId: true, text: true } })
    : await db().pollAnswer.findFirst({ where: { id: source.answerId, poll: { roomId } }, select: { participantId: true, text: true } });
  if (!author) throw notFound(source.questionId ? "question" : "answer");
  const label = excerpt(author.text ?? "");
  try {
    return await db().$transaction(async (tx) => {
      const block = await tx.liveBlock.create({
        data: { roomId, participantId: author.participantId, label },
        select: { id: true, label: true, createdAt: true },
      });
      const changed = await hideEverything(tx, roomId, author.participantId);
      await audit(tx, actor, {
        action: "live.participant.block",
        targetType: "LiveRoom",
        targetId: roomId,
        summary: `Deltaker blokkert (skrev «${label}»): ${changed.questionIds.length} spørsmål og ${changed.answerIds.length} svar skjult`,
        details: { blockId: block.id, questions: changed.questionIds.length, answers: changed.answerIds.length },
      });
      return outcomeOf(tx, block, changed);
    });
  } catch (err) {
    // The unique (room, participant): someone blocked them first.
    if (isUniqueViolation(err)) throw new LiveError("conflict", "live:error.alreadyBlocked");
    throw err;
  }
}

export async function unblockParticipant(actor: Actor, roomId: string, blockId: string): Promise<BlockOutcome> {
  return db().$transaction(async (tx) => {
    const block = await tx.liveBlock.findFirst({ where: { id: blockId, roomId }, select: { id: true, label: true, createdAt: true, participantId: true } });
    if (!block) throw notFound("block");
    const { count } = await tx.liveBlock.deleteMany({ where: { id: blockId } });
    if (count === 0) throw notFound("block");
    const participantId = block.participantId;
    const questionsBefore = await tx.question.findMany({ where: { roomId, participantId, statusBeforeBlock: { not: null } }, select: questionSelect });
    for (const status of QUESTION_STATUSES_HIDDEN_BY_BLOCK) {
      await tx.question.updateMany({ where: { roomId, participantId, statusBeforeBlock: status }, data: { status, statusBeforeBlock: null } });
    }
    const answersBefore = await tx.pollAnswer.findMany({ where: { participantId, poll: { roomId }, statusBeforeBlock: { not: null } }, select: { id: true, pollId: true } });
    for (const status of ANSWER_STATUSES_HIDDEN_BY_BLOCK) {
      await tx.pollAnswer.updateMany({ where: { participantId, poll: { roomId }, statusBeforeBlock: status }, data: { status, statusBeforeBlock: null } });
    }
    await audit(tx, actor, {
      action: "live.participant.unblock",
      targetType: "LiveRoom",
      targetId: roomId,
      summary: `Blokkering opphevet (skrev «${block.label}»): ${questionsBefore.length} spørsmål og ${answersBefore.length} svar tilbake`,
      details: { blockId, questions: questionsBefore.length, answers: answersBefore.length },
    });
    return outcomeOf(tx, block, {
      questionsBefore,
      answerIds: answersBefore.map((a) => a.id),
      pollIds: [...new Set(answersBefore.map((a) => a.pollId))],
      screenCleared: false,
    });
  });
}

/**
 * Closes the race of a block committed while one of the participant's writes was under way (the
 * door checked before it): after the write, if they are blocked now, hide what they have. True when blocked.
 */
export async function hideIfBlocked(roomId: string, participantId: string): Promise<BlockOutcome | null> {
  const block = await db().liveBlock.findUnique({ where: { roomId_participantId: { roomId, participantId } }, select: { id: true, label: true, createdAt: true } });
  if (!block) return null;
  return db().$transaction(async (tx) => outcomeOf(tx, block, await hideEverything(tx, roomId, participantId)));
}
