// The organiser's overview of an event's live rooms: the rooms (created on first visit), how
// many questions and polls each has, and new secret links for speakers (audited).
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { createSpeakerKey, ensureRoomsForEvent } from "./rooms.server";

export async function listEventRooms(eventId: string) {
  const rooms = await ensureRoomsForEvent(eventId);
  const ids = rooms.map((r) => r.id);
  const [questions, polls] = await Promise.all([
    db().question.groupBy({ by: ["roomId", "status"], where: { roomId: { in: ids } }, _count: { _all: true } }),
    db().poll.groupBy({ by: ["roomId"], where: { roomId: { in: ids } }, _count: { _all: true } }),
  ]);
  return rooms.map((r) => {
    const mine = questions.filter((q) => q.roomId === r.id);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      isEventRoom: r.programmeItemId === null,
      status: r.status,
      preModeration: r.preModeration,
      hasSpeakerKey: r.speakerKeyHash !== null,
      questions: mine.reduce((n, q) => n + q._count._all, 0),
      pending: mine.find((q) => q.status === "PENDING")?._count._all ?? 0,
      polls: polls.find((p) => p.roomId === r.id)?._count._all ?? 0,
    };
  });
}

/** A new speaker secret for a room of this event (the old link stops working). Null when the room is not the event's. */
export async function newSpeakerLink(eventId: string, roomId: string, actor: Actor): Promise<{ code: string; key: string } | null> {
  const room = await db().liveRoom.findFirst({ where: { id: roomId, eventId }, select: { id: true, code: true, title: true } });
  if (!room) return null;
  const key = await createSpeakerKey(room.id);
  await db().$transaction(async (tx) => {
    await audit(tx, actor, {
      action: "live.speakerKey",
      targetType: "LiveRoom",
      targetId: room.id,
      summary: `Ny hemmelig talerlenke for «${room.title}» (${room.code})`,
    });
  });
  return { code: room.code, key };
}
