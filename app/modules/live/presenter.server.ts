// The presenter view's clock: when the room's programme item (or, for the event's own room, the
// event) starts and ends.
import { db } from "~/utils/db.server";

export async function roomTiming(roomId: string): Promise<{ startsAt: string; endsAt: string } | null> {
  const room = await db().liveRoom.findUnique({
    where: { id: roomId },
    select: { programmeItem: { select: { startsAt: true, endsAt: true } }, event: { select: { startsAt: true, endsAt: true } } },
  });
  const span = room?.programmeItem ?? room?.event;
  return span ? { startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() } : null;
}
