// Registering, changing and cancelling, with capacity and the waiting list enforced by the
// database: a seat is taken by a conditional UPDATE of Event.confirmedCount
// (confirmedCount < capacity) inside the same transaction that stores the registration, so
// concurrent requests can never overbook, on SQLite or PostgreSQL.
import { randomBytes } from "node:crypto";
import type { Locale } from "~/i18n";
import { calendarEventSelect, type CalendarEvent } from "~/modules/calendar/ics.server";
import { newCheckInCode } from "~/modules/checkin/check-in-code.server";
import { mailQueued } from "~/modules/mail/outbox.server";
import { registrationState, type RegistrationState } from "~/modules/events/registration-window";
import { config } from "~/utils/config.server";
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";
import { queueRegistrationMail } from "./registration-mails.server";
import type { RegistrationDetailsInput, RegistrationInput } from "./registration.schema";

export type RegistrationStatus = "CONFIRMED" | "WAITING" | "CANCELLED";

export type RegisterOutcome =
  | { outcome: "confirmed" | "waiting" | "already-registered"; token: string }
  | { outcome: "refused"; reason: Exclude<RegistrationState, "open"> };

/** 256 random bits, URL-safe: the attendee's personal link. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}


/** Takes a seat if one is free. Returns true when it did. (Also used by staff tools.) */
export async function takeSeat(tx: Tx, eventId: string): Promise<boolean> {
  const { count } = await tx.event.updateMany({
    where: {
      id: eventId,
      OR: [{ capacity: null }, { confirmedCount: { lt: tx.event.fields.capacity } }],
    },
    data: { confirmedCount: { increment: 1 } },
  });
  return count === 1;
}

export async function releaseSeat(tx: Tx, eventId: string) {
  await tx.event.updateMany({
    where: { id: eventId, confirmedCount: { gt: 0 } },
    data: { confirmedCount: { decrement: 1 } },
  });
}

/** 1-based place in the waiting list, in the same order promoteFromWaitlist uses. */
export async function waitingPosition(tx: Tx, eventId: string, reg: { id: string; waitingSince: Date }): Promise<number> {
  const ahead = await tx.registration.count({
    where: {
      eventId,
      status: "WAITING",
      OR: [{ waitingSince: { lt: reg.waitingSince } }, { waitingSince: reg.waitingSince, id: { lt: reg.id } }],
    },
  });
  return ahead + 1;
}

/**
 * Whether a registration for an address already registered may mail its personal link again:
 * at most once per `linkResendMinutes` (default 15) per registration, so that a form posted over
 * and over cannot mail-bomb the address's owner. The outbox row is the record of the last mail;
 * the conditional update on updatedAt makes parallel requests take turns (the loser sees the
 * changed row and sends nothing).
 */
async function mayResendLink(tx: Tx, reg: { id: string; email: string; token: string; updatedAt: Date }, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - (config().linkResendMinutes ?? 15) * 60_000);
  const recent = await tx.outboxMessage.findFirst({
    where: { kind: "LINK", toAddress: reg.email, createdAt: { gte: since }, text: { contains: reg.token } },
    select: { id: true },
  });
  if (recent) return false;
  const { count } = await tx.registration.updateMany({ where: { id: reg.id, updatedAt: reg.updatedAt }, data: { updatedAt: now } });
  return count === 1;
}

export async function registerAttendee(
  eventId: string,
  input: RegistrationInput,
  locale: Locale,
  now = new Date(),
): Promise<RegisterOutcome> {
  const emailNormalized = normaliseEmail(input.email);
  try {
    const result = await db().$transaction(async (tx) => {
      const event = await tx.event.findUnique({
        where: { id: eventId },
        select: { ...calendarEventSelect, registrationOpensAt: true, registrationClosesAt: true },
      });
      const state = registrationState(event, now);
      if (!event) return { outcome: "refused", reason: "not-found" } as const;
      if (state !== "open") return { outcome: "refused", reason: state } as const;

      const existing = await tx.registration.findUnique({
        where: { eventId_emailNormalized: { eventId, emailNormalized } },
      });
      if (existing && existing.status !== "CANCELLED") {
        if (await mayResendLink(tx, existing, now)) await queueRegistrationMail(tx, "LINK", event, existing);
        return { outcome: "already-registered", token: existing.token } as const;
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
        locale,
        waitingSince: seated ? null : now,
        promotedAt: null,
        cancelledAt: null,
        // A new code with every (re-)registration: a code from a cancelled one never opens the door.
        checkInCode: newCheckInCode(),
        checkedInAt: null,
        checkedInById: null,
      };
      const needs =
        input.diet || input.accessibility
          ? { diet: input.diet ?? null, accessibility: input.accessibility ?? null }
          : null;

      // Someone who cancelled and registers again gets their old row back (one row per
      // address and event), with a new link and a higher calendar SEQUENCE.
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
            data: {
              ...fields,
              token: newToken(),
              eventId,
              emailNormalized,
              needs: needs ? { create: needs } : undefined,
            },
          });
      if (existing && !needs) await tx.registrationNeeds.deleteMany({ where: { registrationId: registration.id } });

      if (seated) {
        await queueRegistrationMail(tx, "CONFIRMATION", event, registration);
        return { outcome: "confirmed", token: registration.token } as const;
      }
      const position = await waitingPosition(tx, eventId, { id: registration.id, waitingSince: now });
      await queueRegistrationMail(tx, "WAITLISTED", event, registration, { position });
      return { outcome: "waiting", token: registration.token } as const;
    });
    if (result.outcome !== "refused") mailQueued();
    return result;
  } catch (err) {
    // The same address registered in a parallel request: the unique constraint caught it
    // and this transaction (with any seat it took) was rolled back.
    if (isUniqueViolation(err)) {
      const existing = await db().registration.findUnique({
        where: { eventId_emailNormalized: { eventId, emailNormalized } },
        select: { token: true },
      });
      if (existing) return { outcome: "already-registered", token: existing.token };
    }
    throw err;
  }
}

/**
 * Gives free seats to the people who have waited longest, each with a mail. Called when a
 * confirmed attendee cancels (and when staff raise the capacity). Returns the promoted ids.
 */
export async function promoteFromWaitlist(tx: Tx, eventId: string, now = new Date()): Promise<string[]> {
  const promoted: string[] = [];
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: calendarEventSelect });
  if (event.status !== "PUBLISHED" || now >= event.endsAt) return promoted;
  // takeSeat locks the event row (PostgreSQL) or the database (SQLite) until commit, so two
  // cancellations at once cannot hand the same seat to two people.
  while (await takeSeat(tx, eventId)) {
    const next = await tx.registration.findFirst({
      where: { eventId, status: "WAITING" },
      orderBy: [{ waitingSince: "asc" }, { id: "asc" }],
    });
    if (!next) {
      await releaseSeat(tx, eventId);
      break;
    }
    const { count } = await tx.registration.updateMany({
      where: { id: next.id, status: "WAITING" },
      data: { status: "CONFIRMED", waitingSince: null, promotedAt: now },
    });
    if (count === 0) {
      await releaseSeat(tx, eventId);
      continue;
    }
    await queueRegistrationMail(tx, "PROMOTED", event, next);
    promoted.push(next.id);
  }
  return promoted;
}

export type CancelOutcome = { outcome: "cancelled" | "already-cancelled" | "not-found"; promoted: string[] };

/**
 * `inTransaction` runs inside the cancelling transaction after the registration was cancelled
 * (staff use it to write the audit entry atomically with the change).
 */
export async function cancelRegistration(
  token: string,
  now = new Date(),
  inTransaction?: (tx: Tx, reg: { id: string; eventId: string; status: string; name: string }) => Promise<void>,
): Promise<CancelOutcome> {
  const result = await db().$transaction(async (tx): Promise<CancelOutcome> => {
    const reg = await tx.registration.findUnique({ where: { token } });
    if (!reg) return { outcome: "not-found", promoted: [] };
    const { count } = await tx.registration.updateMany({
      where: { id: reg.id, status: { in: ["CONFIRMED", "WAITING"] } },
      data: { status: "CANCELLED", cancelledAt: now, waitingSince: null, icsSequence: { increment: 1 } },
    });
    if (count === 0) return { outcome: "already-cancelled", promoted: [] };
    const event = await tx.event.findUniqueOrThrow({ where: { id: reg.eventId }, select: calendarEventSelect });
    await queueRegistrationMail(tx, "CANCELLED", event, { ...reg, icsSequence: reg.icsSequence + 1 });
    if (inTransaction) await inTransaction(tx, reg);
    let promoted: string[] = [];
    if (reg.status === "CONFIRMED") {
      await releaseSeat(tx, reg.eventId);
      promoted = await promoteFromWaitlist(tx, reg.eventId, now);
    }
    return { outcome: "cancelled", promoted };
  });
  if (result.outcome === "cancelled") mailQueued();
  return result;
}

export async function updateRegistrationDetails(token: string, input: RegistrationDetailsInput): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const reg = await tx.registration.findUnique({ where: { token }, select: { id: true, status: true } });
    if (!reg || reg.status === "CANCELLED") return false;
    await tx.registration.update({
      where: { id: reg.id },
      data: {
        name: input.name,
        phone: input.phone ?? null,
        organisation: input.organisation ?? null,
        newsletterConsent: input.newsletter,
      },
    });
    if (input.diet || input.accessibility) {
      const needs = { diet: input.diet ?? null, accessibility: input.accessibility ?? null };
      await tx.registrationNeeds.upsert({
        where: { registrationId: reg.id },
        create: { registrationId: reg.id, ...needs },
        update: needs,
      });
    } else {
      await tx.registrationNeeds.deleteMany({ where: { registrationId: reg.id } });
    }
    return true;
  });
}

/** The attendee's own view, looked up by the secret token only. */
export async function getRegistrationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const reg = await db().registration.findUnique({
    where: { token },
    select: {
      id: true,
      token: true,
      status: true,
      name: true,
      email: true,
      phone: true,
      organisation: true,
      newsletterConsent: true,
      waitingSince: true,
      createdAt: true,
      checkInCode: true,
      needs: { select: { diet: true, accessibility: true } },
      event: {
        select: {
          ...calendarEventSelect,
          registrationOpensAt: true,
          registrationClosesAt: true,
          privacyNotice: true,
          needsRetentionDays: true,
          personalDataRetentionDays: true,
        },
      },
    },
  });
  if (!reg) return null;
  const position =
    reg.status === "WAITING" && reg.waitingSince
      ? await waitingPosition(db(), reg.event.id, { id: reg.id, waitingSince: reg.waitingSince })
      : null;
  return { ...reg, position };
}

export type { CalendarEvent };
