// The live rooms a public event page links to: only around the time the event takes place
// (rooms are created on the first such visit), with the session that runs now marked.
import { db } from "~/utils/db.server";
import { ensureRoomsForEvent } from "./rooms.server";

const BEFORE_MS = 2 * 3600_000;
const AFTER_MS = 1 * 3600_000;

export function isLiveWindow(event: { startsAt: Date; endsAt: Date; status: string }, now: Date): boolean {
  return (
    event.status === "PUBLISHED" &&
    now.getTime() >= event.startsAt.getTime() - BEFORE_MS &&
    now.getTime() <= event.endsAt.getTime() + AFTER_MS
  );
}

export type EventLiveRoom = { code: string; title: string; isEventRoom: boolean; running: boolean };

export async function liveRoomsForEventPage(
  event: { id: string; startsAt: Date; endsAt: Date; status: string },
  now: Date = new Date(),
): Promise<EventLiveRoom[] | null> {
  if (!isLiveWindow(event, now)) return null;
  const rooms = await ensureRoomsForEvent(event.id);
  const items = await db().programmeItem.findMany({
    where: { eventId: event.id },
    select: { id: true, startsAt: true, endsAt: true },
  });
  const running = new Set(items.filter((i) => i.startsAt <= now && now < i.endsAt).map((i) => i.id));
  return rooms
    .filter((r) => r.status === "OPEN")
    .map((r) => ({
      code: r.code,
      title: r.title,
      isEventRoom: r.programmeItemId === null,
      running: r.programmeItemId !== null && running.has(r.programmeItemId),
    }));
}
