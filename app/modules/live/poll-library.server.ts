// The poll library on the staff page: polls prepared before the evening, per programme item (or
// "any time"), in the event's own room (the one code for the whole evening) as drafts. The same
// domain functions as the moderator page (polls.server.ts); every change is audited and reaches
// open moderator pages at once (and every screen, for a deleted poll).
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { broadcastPollChanged, broadcastPollRemoved } from "./live-broadcast.server";
import { createPoll, deletePoll, duplicatePoll, movePoll, pollSelect, updatePoll, type NewPoll, type PollRow } from "./polls.server";
import { ensureRoomsForEvent } from "./rooms.server";

export type LibraryPoll = PollRow & { status: string; answers: number };

/** The event's own room (created when missing), its polls in order and the programme to group them by. */
export async function pollLibrary(eventId: string) {
  const [eventRoom] = await ensureRoomsForEvent(eventId);
  const room = eventRoom!;
  const polls = await db().poll.findMany({
    where: { roomId: room.id },
    select: { ...pollSelect, _count: { select: { answers: true } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return {
    roomId: room.id,
    code: room.code,
    items: room.event.programmeItems.map((i) => ({ id: i.id, title: i.title, startsAt: i.startsAt.toISOString() })),
    polls: polls.map(({ _count, ...p }) => ({ ...p, answers: _count.answers })),
  };
}

async function eventRoomId(eventId: string): Promise<string> {
  const [room] = await ensureRoomsForEvent(eventId);
  return room!.id;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

async function logged(actor: Actor, action: string, poll: { id: string; title: string }, summary: string, details?: unknown) {
  await db().$transaction(async (tx) => {
    await audit(tx, actor, { action, targetType: "Poll", targetId: poll.id, summary: `${summary}: «${excerpt(poll.title)}»`, details });
  });
}

/** Throws LiveError (invalid: what it asks; conflict: no longer a draft; not-found). */
export async function saveLibraryPoll(eventId: string, pollId: string | undefined, input: NewPoll, actor: Actor): Promise<PollRow> {
  const roomId = await eventRoomId(eventId);
  const poll = pollId ? await updatePoll(roomId, pollId, input) : await createPoll(roomId, input);
  await logged(actor, pollId ? "live.poll.update" : "live.poll.create", poll, pollId ? "Avstemning endret" : "Avstemning forberedt", {
    kind: poll.kind,
    programmeItemId: poll.programmeItemId,
  });
  await broadcastPollChanged(roomId, poll.id);
  return poll;
}

export async function duplicateLibraryPoll(eventId: string, pollId: string, actor: Actor): Promise<PollRow> {
  const roomId = await eventRoomId(eventId);
  const poll = await duplicatePoll(roomId, pollId);
  await logged(actor, "live.poll.duplicate", poll, "Avstemning kopiert", { from: pollId });
  await broadcastPollChanged(roomId, poll.id);
  return poll;
}

export async function deleteLibraryPoll(eventId: string, pollId: string, actor: Actor): Promise<PollRow> {
  const roomId = await eventRoomId(eventId);
  const { poll, screenCleared } = await deletePoll(roomId, pollId);
  await logged(actor, "live.poll.delete", poll, "Avstemning slettet", { kind: poll.kind });
  await broadcastPollRemoved(roomId, poll.id, screenCleared);
  return poll;
}

export async function moveLibraryPoll(eventId: string, pollId: string, direction: "up" | "down", actor: Actor): Promise<boolean> {
  const roomId = await eventRoomId(eventId);
  const moved = await movePoll(roomId, pollId, direction);
  if (moved) {
    const poll = await db().poll.findUniqueOrThrow({ where: { id: pollId }, select: { id: true, title: true } });
    await logged(actor, "live.poll.move", poll, direction === "up" ? "Avstemning flyttet opp" : "Avstemning flyttet ned");
  }
  return moved;
}

/** The poll's status in the library (for the page: what may be edited or deleted). */
export async function libraryPoll(eventId: string, pollId: string) {
  const roomId = await eventRoomId(eventId);
  return db().poll.findFirst({ where: { id: pollId, roomId }, select: { ...pollSelect, status: true } });
}
