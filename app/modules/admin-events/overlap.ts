// Programme clashes: two items clash when their times overlap and they are in the same room
// (rooms compared without case or surrounding space); items without a room clash with each
// other, because they all happen "in the event" at large.
export type Slot = { id?: string; title: string; startsAt: Date; endsAt: Date; room: string | null };

const roomKey = (room: string | null) => (room ?? "").trim().toLocaleLowerCase("nb");

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The first existing item the candidate clashes with (ignoring the candidate's own id), or null. */
export function findClash<T extends Slot>(candidate: Slot, existing: T[]): T | null {
  const room = roomKey(candidate.room);
  for (const item of existing) {
    if (candidate.id && item.id === candidate.id) continue;
    if (roomKey(item.room) !== room) continue;
    if (overlaps(candidate, item)) return item;
  }
  return null;
}

/** Whether a slot lies within the event's start and end. */
export function withinEvent(slot: { startsAt: Date; endsAt: Date }, event: { startsAt: Date; endsAt: Date }): boolean {
  return slot.startsAt.getTime() >= event.startsAt.getTime() && slot.endsAt.getTime() <= event.endsAt.getTime();
}
