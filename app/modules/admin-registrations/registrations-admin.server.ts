// Staff work on an event's registrations: the list (with the sensitive needs, shown only
// here), adding someone by hand, moving a person from the waiting list, cancelling on
// someone's behalf. Seats go through the same conditional update as the public form, every
// change is audited in its own transaction, and mail goes out as in the public flow.
import { audit, type Actor } from "~/modules/audit/audit.server";
import { mailQueued } from "~/modules/mail/outbox.server";
import { queueRegistrationMail } from "~/modules/registration/registration-mails.server";
import {
  cancelRegistration,
  newToken,
  normaliseEmail,
  takeSeat,
  waitingPosition,
  type RegistrationStatus,
} from "~/modules/registration/registration.server";
import { newCheckInCode } from "~/modules/checkin/check-in-code.server";
import { calendarEventSelect } from "~/modules/calendar/ics.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import type { RegistrationFilters, StaffRegistrationInput } from "./staff-registration.schema";


/** The event as staff pages need it, or null. */
export async function getStaffEvent(eventId: string | undefined) {
  if (!eventId || eventId.length > 64) return null;
  return db().event.findUnique({
    where: { id: eventId },
    select: { id: true, slug: true, title: true, status: true, startsAt: true, endsAt: true, capacity: true, confirmedCount: true },
  });
}

function matches(q: string, ...values: Array<string | null>) {
  const needle = q.toLocaleLowerCase("nb-NO");
  return values.some((v) => v !== null && v.toLocaleLowerCase("nb-NO").includes(needle));
}

/**
 * The registrations of an event with their waiting-list place, filtered. Text search runs
 * here, not in SQL, so it is case-insensitive for æøå on SQLite as on PostgreSQL.
 */
export async function listRegistrations(eventId: string, filters: RegistrationFilters = {}) {
  const rows = await db().registration.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      name: true,
      email: true,
      phone: true,
      organisation: true,
      source: true,
      locale: true,
      newsletterConsent: true,
      waitingSince: true,
      createdAt: true,
      cancelledAt: true,
      checkedInAt: true,
      needs: { select: { diet: true, accessibility: true } },
    },
  });
  // The same order promoteFromWaitlist uses: earliest waitingSince, then id.
  const waiting = rows
    .filter((r) => r.status === "WAITING" && r.waitingSince)
    .sort((a, b) => a.waitingSince!.getTime() - b.waitingSince!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const position = new Map(waiting.map((r, i) => [r.id, i + 1]));
  const counts = {
    total: rows.length,
    confirmed: rows.filter((r) => r.status === "CONFIRMED").length,
    waiting: waiting.length,
    cancelled: rows.filter((r) => r.status === "CANCELLED").length,
    checkedIn: rows.filter((r) => r.status === "CONFIRMED" && r.checkedInAt).length,
  };
  const q = filters.q?.trim();
  const registrations = rows
    .filter((r) => !filters.status || r.status === filters.status)
    .filter((r) => !filters.checkedIn || (filters.checkedIn === "yes") === Boolean(r.checkedInAt))
    .filter((r) => !q || matches(q, r.name, r.email, r.organisation))
    .map((r) => ({ ...r, position: position.get(r.id) ?? null }))
    // Waiting people in waiting-list order after everyone else, so the next in line is easy to find.
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return { registrations, counts };
}

export type AddOutcome =
  | { outcome: "confirmed" | "waiting"; registrationId: string; position?: number }
  | { outcome: "duplicate"; name: string; status: string }
  | { outcome: "not-found" | "event-cancelled" | "event-over" };

export async function addRegistrationByStaff(
  eventId: string,
  input: StaffRegistrationInput,
  actor: Actor,
  now = new Date(),
): Promise<AddOutcome> {
  const emailNormalized = normaliseEmail(input.email);
  try {
    const result = await db().$transaction(async (tx): Promise<AddOutcome> => {
      const event = await tx.event.findUnique({ where: { id: eventId }, select: calendarEventSelect });
      if (!event) return { outcome: "not-found" };
      if (event.status === "CANCELLED") return { outcome: "event-cancelled" };
      if (now >= event.endsAt) return { outcome: "event-over" };
      const existing = await tx.registration.findUnique({
        where: { eventId_emailNormalized: { eventId, emailNormalized } },
        select: { id: true, name: true, status: true },
      });
      if (existing && existing.status !== "CANCELLED") {
        return { outcome: "duplicate", name: existing.name, status: existing.status };
      }
      const seated = await takeSeat(tx, eventId);
      const status: RegistrationStatus = seated ? "CONFIRMED" : "WAITING";
      const fields = {
        status,
        name: input.name,
        email: input.email.trim(),
        phone: input.phone ?? null,
        organisation: input.organisation ?? null,
        newsletterConsent: input.newsletter,
        privacyConsentAt: now,
        locale: input.locale,
        source: "STAFF",
        waitingSince: seated ? null : now,
        promotedAt: null,
        cancelledAt: null,
        checkInCode: newCheckInCode(),
        checkedInAt: null,
        checkedInById: null,
      };
      const needs =
        input.diet || input.accessibility ? { diet: input.diet ?? null, accessibility: input.accessibility ?? null } : null;
      const registration = existing
        ? await tx.registration.update({
            where: { id: existing.id },
            data: {
              ...fields,
              token: newToken(),
              icsSequence: { increment: 1 },
              needs: needs ? { upsert: { create: needs, update: needs } } : undefined,
            },
          })
        : await tx.registration.create({
            data: { ...fields, token: newToken(), eventId, emailNormalized, needs: needs ? { create: needs } : undefined },
          });
      if (existing && !needs) await tx.registrationNeeds.deleteMany({ where: { registrationId: registration.id } });

      let position: number | undefined;
      if (seated) {
        await queueRegistrationMail(tx, "CONFIRMATION", event, registration);
      } else {
        position = await waitingPosition(tx, eventId, { id: registration.id, waitingSince: now });
        await queueRegistrationMail(tx, "WAITLISTED", event, registration, { position });
      }
      await audit(tx, actor, {
        action: "registration.addByStaff",
        targetType: "Registration",
        targetId: registration.id,
        summary: `La til ${input.name} på «${event.title}» (${seated ? "bekreftet" : `venteliste, plass ${position}`})`,
        details: { eventId, status, consentConfirmedByStaff: true },
      });
      return { outcome: seated ? "confirmed" : "waiting", registrationId: registration.id, position };
    });
    if (result.outcome === "confirmed" || result.outcome === "waiting") mailQueued();
    return result;
  } catch (err) {
    // The same address was registered in a parallel request; this transaction was rolled back.
    if (isUniqueViolation(err)) {
      const existing = await db().registration.findUnique({
        where: { eventId_emailNormalized: { eventId, emailNormalized } },
        select: { name: true, status: true },
      });
      if (existing) return { outcome: "duplicate", name: existing.name, status: existing.status };
    }
    throw err;
  }
}

export type ConfirmOutcome =
  | { outcome: "confirmed"; name: string; capacityRaised: boolean }
  | { outcome: "full"; name: string; capacity: number | null }
  | { outcome: "not-waiting"; name: string; status: string }
  | { outcome: "not-found" | "event-cancelled" };

class NoLongerWaiting extends Error {}

/**
 * Moves one named person from the waiting list to confirmed. The seat is taken with the same
 * conditional update as every other seat, so this never overbooks: when the event is full it
 * refuses, unless staff explicitly chose to raise the capacity by one in the same transaction.
 */
export async function confirmFromWaitlist(
  eventId: string,
  registrationId: string,
  actor: Actor,
  options: { raiseCapacity?: boolean } = {},
  now = new Date(),
): Promise<ConfirmOutcome> {
  try {
    const result = await db().$transaction(async (tx): Promise<ConfirmOutcome> => {
      const reg = await tx.registration.findFirst({ where: { id: registrationId, eventId } });
      if (!reg) return { outcome: "not-found" };
      if (reg.status !== "WAITING") return { outcome: "not-waiting", name: reg.name, status: reg.status };
      const event = await tx.event.findUniqueOrThrow({
        where: { id: eventId },
        select: { ...calendarEventSelect, capacity: true },
      });
      if (event.status === "CANCELLED") return { outcome: "event-cancelled" };
      let capacityRaised = false;
      let seated = await takeSeat(tx, eventId);
      if (!seated) {
        if (!options.raiseCapacity) return { outcome: "full", name: reg.name, capacity: event.capacity };
        const raised = await tx.event.updateMany({
          where: { id: eventId, capacity: { not: null } },
          data: { capacity: { increment: 1 } },
        });
        capacityRaised = raised.count === 1;
        seated = await takeSeat(tx, eventId);
        if (!seated) throw new Error("Could not take the seat just added");
        const after = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true } });
        await audit(tx, actor, {
          action: "event.capacityRaised",
          targetType: "Event",
          targetId: eventId,
          summary: `Økte kapasiteten på «${event.title}» med 1 til ${after.capacity} for å bekrefte ${reg.name}`,
          details: { before: event.capacity, after: after.capacity },
        });
      }
      const { count } = await tx.registration.updateMany({
        where: { id: reg.id, status: "WAITING" },
        data: { status: "CONFIRMED", waitingSince: null, promotedAt: now },
      });
      // Promoted or cancelled in a parallel request: roll back the seat (and any raise).
      if (count === 0) throw new NoLongerWaiting();
      await queueRegistrationMail(tx, "PROMOTED", event, reg);
      await audit(tx, actor, {
        action: "registration.confirmFromWaitlist",
        targetType: "Registration",
        targetId: reg.id,
        summary: `Flyttet ${reg.name} fra ventelisten til bekreftet på «${event.title}»`,
        details: { eventId, capacityRaised },
      });
      return { outcome: "confirmed", name: reg.name, capacityRaised };
    });
    if (result.outcome === "confirmed") mailQueued();
    return result;
  } catch (err) {
    if (err instanceof NoLongerWaiting) {
      const reg = await db().registration.findFirst({ where: { id: registrationId, eventId }, select: { name: true, status: true } });
      return reg ? { outcome: "not-waiting", name: reg.name, status: reg.status } : { outcome: "not-found" };
    }
    throw err;
  }
}

export type StaffCancelOutcome =
  | { outcome: "cancelled"; name: string; promoted: number }
  | { outcome: "already-cancelled"; name: string }
  | { outcome: "not-found" };

/** Cancels on someone's behalf through the public cancel path, so the next in line is promoted. */
export async function cancelByStaff(eventId: string, registrationId: string, actor: Actor): Promise<StaffCancelOutcome> {
  const reg = await db().registration.findFirst({ where: { id: registrationId, eventId }, select: { token: true, name: true } });
  if (!reg) return { outcome: "not-found" };
  const result = await cancelRegistration(reg.token, new Date(), async (tx, cancelled) => {
    await audit(tx, actor, {
      action: "registration.cancelByStaff",
      targetType: "Registration",
      targetId: cancelled.id,
      summary: `Meldte av ${cancelled.name} (var ${cancelled.status === "CONFIRMED" ? "bekreftet" : "på venteliste"})`,
      details: { eventId, previousStatus: cancelled.status },
    });
  });
  if (result.outcome === "not-found") return { outcome: "not-found" };
  if (result.outcome === "already-cancelled") return { outcome: "already-cancelled", name: reg.name };
  return { outcome: "cancelled", name: reg.name, promoted: result.promoted.length };
}
