// Questions from the audience: asking, editing, withdrawing, upvoting, and what moderators do
// with them. Upvotes are rows guarded by their primary key (question, participant); the count
// on Question moves in the same transaction and only when a row was really added or removed,
// so retries and concurrent clicks can never count twice or lose a vote.
import { orgSettings } from "~/modules/settings/settings.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { LiveError, notFound, roomClosed } from "./errors.server";
import { DISPLAY_NAME_MAX, QUESTION_MAX, type LiveRole, type QuestionStatus, type QuestionView } from "./protocol";
import { needsModeration } from "./wordfilter";

/** Statuses the audience sees; upvotes are only possible on these. */
export const VISIBLE_STATUSES: QuestionStatus[] = ["APPROVED", "ANSWERED"];
export const isVisible = (status: string) => (VISIBLE_STATUSES as string[]).includes(status);

export const questionSelect = {
  id: true,
  roomId: true,
  participantId: true,
  displayName: true,
  text: true,
  status: true,
  flagged: true,
  pinned: true,
  upvoteCount: true,
  programmeItemId: true,
  createdAt: true,
} as const;

export type QuestionRow = {
  id: string;
  roomId: string;
  participantId: string;
  displayName: string | null;
  text: string;
  status: string;
  flagged: boolean;
  pinned: boolean;
  upvoteCount: number;
  createdAt: Date;
  programmeItemId: string | null;
};

/**
 * What one viewer may see of a question. The audience never gets the text of a question that
 * is not (or no longer) visible, except their own: a status they cannot see tells their client
 * to drop it from the list.
 */
export function questionView(q: QuestionRow, viewer: { participantId: string | null; role: LiveRole }): QuestionView {
  const moderator = viewer.role === "moderator";
  const mine = viewer.participantId !== null && q.participantId === viewer.participantId;
  const showText = moderator || mine || isVisible(q.status);
  return {
    id: q.id,
    text: showText ? q.text : "",
    displayName: showText ? q.displayName : null,
    status: q.status as QuestionStatus,
    pinned: q.pinned,
    upvotes: q.upvoteCount,
    createdAt: q.createdAt.toISOString(),
    programmeItemId: q.programmeItemId,
    ...(mine ? { mine: true } : {}),
    ...(moderator ? { flagged: q.flagged } : {}),
  };
}

export type RateLimit = { count: number; windowMs: number };
export const DEFAULT_QUESTION_RATE_LIMIT: RateLimit = { count: 3, windowMs: 60_000 };

async function openRoom(roomId: string) {
  const room = await db().liveRoom.findUnique({
    where: { id: roomId },
    select: { id: true, status: true, allowAnonymous: true, preModeration: true },
  });
  if (!room) throw notFound("room");
  if (room.status !== "OPEN") throw roomClosed();
  return room;
}

export async function askQuestion(
  roomId: string,
  participantId: string,
  input: { text: string; displayName?: string | null; programmeItemId?: string | null },
  rateLimit: RateLimit = DEFAULT_QUESTION_RATE_LIMIT,
): Promise<QuestionRow> {
  const room = await openRoom(roomId);
  const text = input.text.trim();
  const displayName = input.displayName?.trim() || null;
  if (!text) throw new LiveError("invalid", "live:error.writeQuestion");
  if (text.length > QUESTION_MAX) throw new LiveError("invalid", "live:error.questionTooLong", { max: QUESTION_MAX });
  if (displayName && displayName.length > DISPLAY_NAME_MAX) {
    throw new LiveError("invalid", "live:error.nameTooLong", { max: DISPLAY_NAME_MAX });
  }
  if (!displayName && !room.allowAnonymous) {
    throw new LiveError("invalid", "live:error.nameRequired");
  }
  // Kept in the database, so it holds across tabs, reconnects and server processes. The count
  // before the insert refuses the common case cheaply; the count after it closes the race of
  // several connections asking at the same instant (each sees the others' rows, so together they
  // never exceed the limit; at worst a racing one is refused that could have passed).
  const since = new Date(Date.now() - rateLimit.windowMs);
  const recent = () => db().question.count({ where: { roomId, participantId, createdAt: { gt: since } } });
  const limited = () =>
    new LiveError(
      "rate-limited",
      "live:error.questionRate", { count: rateLimit.count, seconds: Math.round(rateLimit.windowMs / 1000) },
    );
  if ((await recent()) >= rateLimit.count) throw limited();
  const flagged = needsModeration(`${displayName ?? ""} ${text}`, orgSettings().liveFilterWords);
  const question = await db().question.create({
    data: { roomId, participantId, displayName, text, flagged, programmeItemId: input.programmeItemId ?? null, status: room.preModeration || flagged ? "PENDING" : "APPROVED" },
    select: questionSelect,
  });
  if ((await recent()) > rateLimit.count) {
    await db().question.deleteMany({ where: { id: question.id } });
    throw limited();
  }
  return question;
}

async function ownQuestion(roomId: string, participantId: string, questionId: string) {
  const q = await db().question.findFirst({ where: { id: questionId, roomId }, select: questionSelect });
  if (!q || q.status === "WITHDRAWN") throw notFound("question");
  if (q.participantId !== participantId) throw new LiveError("forbidden", "live:error.onlyOwn");
  return q;
}

const EDITABLE = ["PENDING", "APPROVED"];

function notEditable(status: string) {
  return status === "ANSWERED"
    ? new LiveError("conflict", "live:error.answeredNoEdit")
    : new LiveError("conflict", "live:error.noEditNow");
}

/** Returns the question before and after the change (the socket layer needs both to tell who must hear of it). */
export async function editQuestion(roomId: string, participantId: string, questionId: string, text: string) {
  await openRoom(roomId);
  const before = await ownQuestion(roomId, participantId, questionId);
  const clean = text.trim();
  if (!clean || clean.length > QUESTION_MAX) throw new LiveError("invalid", "live:error.questionLength", { max: QUESTION_MAX });
  const flagged = needsModeration(`${before.displayName ?? ""} ${clean}`, orgSettings().liveFilterWords);
  // Conditional on the status, so an edit never lands on a question answered meanwhile.
  const { count } = await db().question.updateMany({
    where: { id: questionId, participantId, status: { in: EDITABLE } },
    data: { text: clean, ...(flagged ? { flagged: true, status: "PENDING" } : {}) },
  });
  const after = await db().question.findUniqueOrThrow({ where: { id: questionId }, select: questionSelect });
  if (count === 0) throw notEditable(after.status);
  return { before, after };
}

export async function withdrawQuestion(roomId: string, participantId: string, questionId: string) {
  const before = await ownQuestion(roomId, participantId, questionId);
  const after = await db().$transaction(async (tx) => {
    const { count } = await tx.question.updateMany({
      where: { id: questionId, participantId, status: { in: EDITABLE } },
      data: { status: "WITHDRAWN", pinned: false },
    });
    if (count === 0) {
      const now = await tx.question.findUniqueOrThrow({ where: { id: questionId }, select: { status: true } });
      throw now.status === "ANSWERED"
        ? new LiveError("conflict", "live:error.answeredNoWithdraw")
        : new LiveError("conflict", "live:error.noWithdrawNow");
    }
    await tx.liveRoom.updateMany({ where: { id: roomId, onScreenQuestionId: questionId }, data: { onScreenQuestionId: null } });
    return tx.question.findUniqueOrThrow({ where: { id: questionId }, select: questionSelect });
  });
  return { before, after };
}

export type UpvoteOutcome = { questionId: string; up: boolean; upvotes: number; changed: boolean };

/** Upvote (up) or take the upvote back. Idempotent: a repeated request changes nothing. */
export async function upvoteQuestion(roomId: string, participantId: string, questionId: string, up: boolean): Promise<UpvoteOutcome> {
  await openRoom(roomId);
  const refuse = async () => {
    const q = await db().question.findFirst({ where: { id: questionId, roomId }, select: { status: true } });
    return !q || q.status === "WITHDRAWN"
      ? notFound("question")
      : new LiveError("forbidden", "live:error.upvoteApprovedOnly");
  };
  const visible = { id: questionId, roomId, status: { in: VISIBLE_STATUSES } };
  let changed = false;
  try {
    changed = await db().$transaction(async (tx) => {
      if (up) {
        // The count moves first, conditional on the status; inserting the upvote row then
        // fails on the primary key if it already exists, which rolls the count back with it.
        const { count } = await tx.question.updateMany({ where: visible, data: { upvoteCount: { increment: 1 } } });
        if (count === 0) throw await refuse();
        await tx.questionUpvote.create({ data: { questionId, participantId } });
        return true;
      }
      const { count: removed } = await tx.questionUpvote.deleteMany({
        where: { questionId, participantId, question: visible },
      });
      if (removed === 0) return false;
      await tx.question.updateMany({ where: { id: questionId }, data: { upvoteCount: { decrement: 1 } } });
      return true;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const q = await db().question.findFirst({ where: { id: questionId, roomId }, select: { upvoteCount: true, status: true } });
  if (!q || q.status === "WITHDRAWN") throw notFound("question");
  if (!changed && !isVisible(q.status)) throw await refuse();
  return { questionId, up, upvotes: q.upvoteCount, changed };
}

export type ModeratorAction = "approve" | "hide" | "answer" | "screen" | "unscreen" | "pin" | "unpin";

/** A moderator's action. Returns the question before and after, and whether the room changed (the screen). */
type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Takes a question off the projector; a projector showing it goes back to the join slide. */
async function takeOffScreen(tx: Tx, roomId: string, questionId: string): Promise<boolean> {
  await tx.liveRoom.updateMany({ where: { id: roomId, onScreenQuestionId: questionId, screenMode: "QUESTION" }, data: { screenMode: "JOIN" } });
  const { count } = await tx.liveRoom.updateMany({ where: { id: roomId, onScreenQuestionId: questionId }, data: { onScreenQuestionId: null } });
  return count > 0;
}

export async function moderateQuestion(roomId: string, questionId: string, action: ModeratorAction) {
  return db().$transaction(async (tx) => {
    const before = await tx.question.findFirst({ where: { id: questionId, roomId }, select: questionSelect });
    if (!before) throw notFound("question");
    if (before.status === "WITHDRAWN") throw new LiveError("conflict", "live:error.withdrawnByAsker");
    // A blocked asker's questions come back only with the unblock (moderation.server.ts).
    if (action === "approve" && (await tx.question.count({ where: { id: questionId, statusBeforeBlock: { not: null } } })) > 0) {
      throw new LiveError("conflict", "live:error.unblockFirst");
    }
    let roomChanged = false;
    const where = { id: questionId, status: { not: "WITHDRAWN" } };
    switch (action) {
      case "approve":
        await tx.question.updateMany({ where, data: { status: "APPROVED", answeredAt: null } });
        break;
      case "hide": {
        await tx.question.updateMany({ where, data: { status: "HIDDEN", pinned: false } });
        roomChanged = await takeOffScreen(tx, roomId, questionId);
        break;
      }
      case "answer":
        await tx.question.updateMany({ where, data: { status: "ANSWERED", answeredAt: new Date() } });
        break;
      case "screen":
        if (!isVisible(before.status)) {
          throw new LiveError("conflict", "live:error.approveBeforeScreen");
        }
        // Putting a question on screen also switches the projector to it.
        await tx.liveRoom.update({ where: { id: roomId }, data: { onScreenQuestionId: questionId, screenMode: "QUESTION" } });
        roomChanged = true;
        break;
      case "unscreen":
        roomChanged = await takeOffScreen(tx, roomId, questionId);
        break;
      case "pin":
      case "unpin":
        await tx.question.updateMany({ where, data: { pinned: action === "pin" } });
        break;
    }
    const after = await tx.question.findUniqueOrThrow({ where: { id: questionId }, select: questionSelect });
    return { before, after, roomChanged };
  });
}
