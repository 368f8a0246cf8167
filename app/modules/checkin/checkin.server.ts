// Checking people in at the door. A check-in is a conditional update (checkedInAt null → now)
// on a confirmed registration of this event, so scanning the same code on two phones at once,
// or twice, checks the person in exactly once.
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { isPlausibleCheckInCode } from "./check-in-code.server";

export type CheckInOutcome =
  | { outcome: "checked-in" | "already-checked-in"; name: string; registrationId: string; checkedInAt: Date }
  | { outcome: "not-found" | "other-event" }
  | { outcome: "waiting" | "cancelled"; name: string };

type Target = { code: string } | { registrationId: string };

/** Checks in by the scanned code or (manual search) by the registration's id. Idempotent. */
export async function checkIn(eventId: string, target: Target, actor: Actor, now = new Date()): Promise<CheckInOutcome> {
  if ("code" in target && !isPlausibleCheckInCode(target.code)) return { outcome: "not-found" };
  return db().$transaction(async (tx): Promise<CheckInOutcome> => {
    const reg = await tx.registration.findUnique({
      where: "code" in target ? { checkInCode: target.code } : { id: target.registrationId },
      select: { id: true, eventId: true, status: true, name: true, checkedInAt: true },
    });
    if (!reg) return { outcome: "not-found" };
    if (reg.eventId !== eventId) return { outcome: "other-event" };
    if (reg.status === "WAITING") return { outcome: "waiting", name: reg.name };
    if (reg.status !== "CONFIRMED") return { outcome: "cancelled", name: reg.name };
    const { count } = await tx.registration.updateMany({
      where: { id: reg.id, eventId, status: "CONFIRMED", checkedInAt: null },
      data: { checkedInAt: now, checkedInById: actor.id },
    });
    if (count === 0) {
      const current = await tx.registration.findUniqueOrThrow({ where: { id: reg.id }, select: { checkedInAt: true } });
      return { outcome: "already-checked-in", name: reg.name, registrationId: reg.id, checkedInAt: current.checkedInAt ?? now };
    }
    await audit(tx, actor, {
      action: "registration.checkIn",
      targetType: "Registration",
      targetId: reg.id,
      summary: `Sjekket inn ${reg.name}`,
      details: { eventId, by: "code" in target ? "code" : "search" },
    });
    return { outcome: "checked-in", name: reg.name, registrationId: reg.id, checkedInAt: now };
  });
}

export type UndoOutcome = { outcome: "undone" | "not-checked-in"; name: string } | { outcome: "not-found" };

/** Undoes a check-in made by mistake (conditional too: undoing twice changes nothing). */
export async function undoCheckIn(eventId: string, registrationId: string, actor: Actor): Promise<UndoOutcome> {
  return db().$transaction(async (tx): Promise<UndoOutcome> => {
    const reg = await tx.registration.findFirst({ where: { id: registrationId, eventId }, select: { id: true, name: true } });
    if (!reg) return { outcome: "not-found" };
    const { count } = await tx.registration.updateMany({
      where: { id: reg.id, eventId, checkedInAt: { not: null } },
      data: { checkedInAt: null, checkedInById: null },
    });
    if (count === 0) return { outcome: "not-checked-in", name: reg.name };
    await audit(tx, actor, {
      action: "registration.undoCheckIn",
      targetType: "Registration",
      targetId: reg.id,
      summary: `Angret innsjekking av ${reg.name}`,
      details: { eventId },
    });
    return { outcome: "undone", name: reg.name };
  });
}

export async function checkInCounts(eventId: string) {
  const [confirmed, checkedIn] = await Promise.all([
    db().registration.count({ where: { eventId, status: "CONFIRMED" } }),
    db().registration.count({ where: { eventId, status: "CONFIRMED", checkedInAt: { not: null } } }),
  ]);
  return { confirmed, checkedIn };
}

/** Case-insensitive, also for æ, ø and å ("øst" finds "Østby"). */
export function searchKey(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("nb-NO").trim();
}

/**
 * Confirmed people matching a name or e-mail, for the manual search at the door. Matching is
 * done here rather than in SQL so that it is case-insensitive for æ, ø and å on SQLite too;
 * an event has hundreds of registrations, not millions.
 */
export async function searchForCheckIn(eventId: string, query: string, limit = 25) {
  const q = searchKey(query);
  if (q.length < 2) return [];
  const rows = await db().registration.findMany({
    where: { eventId, status: "CONFIRMED" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, organisation: true, checkedInAt: true },
  });
  return rows
    .filter((r) => searchKey(r.name).includes(q) || searchKey(r.email).includes(q))
    .slice(0, limit);
}
