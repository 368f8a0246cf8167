// The live rooms a public event page links to: only around the time the event takes place
// (the event's room is created on the first such visit). The event's own room is the one code
// for the whole event, with the programme item on now; separate item rooms (parallel sessions,
// or rooms made before one code per event) are listed too, the one running now marked.
import { currentItemOf, ensureRoomsForEvent } from "./rooms.server";

const BEFORE_MS = 2 * 3600_000;
const AFTER_MS = 1 * 3600_000;

export function isLiveWindow(event: { startsAt: Date; endsAt: Date; status: string }, now: Date): boolean {
  return (
    event.status === "PUBLISHED" &&
    now.getTime() >= event.startsAt.getTime() - BEFORE_MS &&
    now.getTime() <= event.endsAt.getTime() + AFTER_MS
  );
}

export type EventLiveRoom = {
  code: string;
  title: string;
  isEventRoom: boolean;
  running: boolean;
  /** The event room: the title of the programme item on now, else null */
  currentItem: string | null;
};

export async function liveRoomsForEventPage(
  event: { id: string; startsAt: Date; endsAt: Date; status: string },
  now: Date = new Date(),
): Promise<EventLiveRoom[] | null> {
  if (!isLiveWindow(event, now)) return null;
  const rooms = await ensureRoomsForEvent(event.id);
  return rooms
    .filter((r) => r.status === "OPEN")
    .map((r) => {
      const item = r.programmeItemId === null ? currentItemOf(r, now) : null;
      const own = r.event.programmeItems.find((i) => i.id === r.programmeItemId);
      return {
        code: r.code,
        title: r.title,
        isEventRoom: r.programmeItemId === null,
        running: own !== undefined && own.startsAt <= now && now < own.endsAt,
        currentItem: item?.title ?? null,
      };
    });
}
