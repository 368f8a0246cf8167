// What the projector and the stream overlay show: one thing at a time, chosen by the moderator
// (the `mod:screen` event) and stored on the room, so a reloaded projector shows the same.
import { db } from "~/utils/db.server";
import { LiveError, notFound } from "./errors.server";
import type { ScreenMode } from "./protocol";
import { VISIBLE_STATUSES } from "./questions.server";
import { getRoom, type LiveRoomRow } from "./rooms.server";

export type ScreenChoice = { mode: ScreenMode; pollId?: string; questionId?: string };

/** The poll a POLL or WORDCLOUD screen shows when none was named: the newest open one, else the newest closed one. */
async function defaultPoll(roomId: string, wordcloud: boolean): Promise<string | null> {
  const kind = wordcloud ? { kind: "WORDCLOUD" } : {};
  for (const status of ["OPEN", "CLOSED"]) {
    const poll = await db().poll.findFirst({
      where: { roomId, status, ...kind },
      select: { id: true },
      orderBy: [{ position: "desc" }, { createdAt: "desc" }],
    });
    if (poll) return poll.id;
  }
  return null;
}

/** The question a QUESTION screen shows when none was named: the one on screen, else the most upvoted published one. */
async function defaultQuestion(roomId: string, onScreen: string | null): Promise<string | null> {
  if (onScreen) return onScreen;
  const top = await db().question.findFirst({
    where: { roomId, status: "APPROVED" },
    select: { id: true },
    orderBy: [{ pinned: "desc" }, { upvoteCount: "desc" }, { createdAt: "asc" }],
  });
  return top?.id ?? null;
}

/** Sets what the screen shows; refuses a poll or question that is not this room's or cannot be shown. */
export async function setScreen(roomId: string, choice: ScreenChoice): Promise<LiveRoomRow> {
  const room = await getRoom(roomId);
  if (!room) throw notFound("room");
  const data: { screenMode: ScreenMode; screenPollId?: string; onScreenQuestionId?: string } = { screenMode: choice.mode };
  if (choice.mode === "POLL" || choice.mode === "WORDCLOUD") {
    const wordcloud = choice.mode === "WORDCLOUD";
    const pollId = choice.pollId ?? (await defaultPoll(roomId, wordcloud));
    if (!pollId) throw new LiveError("conflict", wordcloud ? "live:error.noWordcloudForScreen" : "live:error.noPollForScreen");
    const poll = await db().poll.findFirst({ where: { id: pollId, roomId }, select: { status: true, kind: true } });
    if (!poll) throw notFound("poll");
    if (poll.status === "DRAFT") throw new LiveError("conflict", "live:error.draftNotOnScreen");
    if (wordcloud && poll.kind !== "WORDCLOUD") throw new LiveError("conflict", "live:error.notWordcloud");
    data.screenPollId = pollId;
  }
  if (choice.mode === "QUESTION") {
    const questionId = choice.questionId ?? (await defaultQuestion(roomId, room.onScreenQuestionId));
    if (!questionId) throw new LiveError("conflict", "live:error.noQuestionForScreen");
    const question = await db().question.findFirst({ where: { id: questionId, roomId }, select: { status: true } });
    if (!question) throw notFound("question");
    if (!(VISIBLE_STATUSES as string[]).includes(question.status)) throw new LiveError("conflict", "live:error.approveBeforeScreen");
    data.onScreenQuestionId = questionId;
  }
  const { count } = await db().liveRoom.updateMany({ where: { id: roomId }, data });
  if (count === 0) throw notFound("room");
  return (await getRoom(roomId))!;
}
