// The organiser's overview of an event's live rooms: the rooms (created on first visit), how
// many questions and polls each has, their settings (changes reach open sockets at once) and new
// secret links for speakers (audited).
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { broadcastRoomChanged } from "./live-broadcast.server";
import { createItemRoom, createSpeakerKey, ensureRoomsForEvent } from "./rooms.server";

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
      allowAnonymous: r.allowAnonymous,
      hasSpeakerKey: r.speakerKeyHash !== null,
      questions: mine.reduce((n, q) => n + q._count._all, 0),
      pending: mine.find((q) => q.status === "PENDING")?._count._all ?? 0,
      polls: polls.find((p) => p.roomId === r.id)?._count._all ?? 0,
    };
  });
}

/** The live rooms of these events for the staff overview (/admin), in programme order; moderators open them from there. */
export async function roomsOfEvents(eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db().liveRoom.findMany({
    where: { eventId: { in: eventIds } },
    select: { id: true, code: true, title: true, eventId: true, programmeItemId: true, status: true },
    orderBy: [{ programmeItem: { startsAt: "asc" } }, { createdAt: "asc" }],
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

export type RoomSettingsChange = { preModeration: boolean; allowAnonymous: boolean; status: "OPEN" | "CLOSED" };

/**
 * Room settings from the staff page: saved and audited in one transaction, then sent to every open
 * socket in the room at once (through the live channel's hook, on every process). Null when the
 * room is not the event's.
 */
export async function updateRoomSettings(eventId: string, roomId: string, changes: RoomSettingsChange, actor: Actor) {
  const changed = await db().$transaction(async (tx) => {
    const room = await tx.liveRoom.findFirst({
      where: { id: roomId, eventId },
      select: { id: true, code: true, title: true, preModeration: true, allowAnonymous: true, status: true },
    });
    if (!room) return null;
    const fields = (Object.keys(changes) as Array<keyof RoomSettingsChange>).filter((k) => room[k] !== changes[k]);
    if (fields.length === 0) return { room, fields };
    await tx.liveRoom.update({ where: { id: room.id }, data: changes });
    await audit(tx, actor, {
      action: "live.room.update",
      targetType: "LiveRoom",
      targetId: room.id,
      summary: `Rominnstillinger endret i «${room.title}» (${room.code}): ${fields.join(", ")}`,
      details: { changes, fields },
    });
    return { room, fields };
  });
  if (changed && changed.fields.length > 0) await broadcastRoomChanged(roomId);
  return changed;
}

// ---- evening: separate rooms for programme items
/** The event's programme items (not breaks) that have no room of their own, for the staff page's "add a separate room". */
export async function itemsWithoutRoom(eventId: string) {
  return db().programmeItem.findMany({
    where: { eventId, kind: { not: "BREAK" }, liveRoom: null },
    select: { id: true, title: true, startsAt: true },
    orderBy: { startsAt: "asc" },
  });
}

/** Staff add a separate room for one item (audited). Null when the item is not the event's (or a break). */
export async function addItemRoom(eventId: string, programmeItemId: string, actor: Actor) {
  const before = await db().liveRoom.findUnique({ where: { programmeItemId }, select: { id: true } });
  const room = await createItemRoom(eventId, programmeItemId);
  if (!room) return null;
  if (!before) {
    await audit(db(), actor, {
      action: "live.room.create",
      targetType: "LiveRoom",
      targetId: room.id,
      summary: `Eget rom for programpunktet «${room.title}» (${room.code})`,
      details: { programmeItemId },
    });
  }
  return room;
}
