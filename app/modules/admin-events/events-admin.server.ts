// The organiser's side of events: create, edit, publish and cancel. Every change is audited in
// its own transaction; a change of time or place of a published event raises the calendar
// SEQUENCE and tells every registrant, cancelling tells them too, and new seats go to the
// waiting list at once.
import { audit, type Actor } from "~/modules/audit/audit.server";
import { mailQueued } from "~/modules/mail/outbox.server";
import { promoteFromWaitlist } from "~/modules/registration/registration.server";
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";
import { queueEventMail } from "./event-mails.server";
import { keyed } from "./keyed-message";
import type { EventInput } from "./event.schema";
import { slugify } from "./oslo-time";
import { translationColumns } from "./event-translations";

export type SaveResult =
  | { ok: true; id: string; notified: number; promoted: number }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** Thrown inside a transaction to roll it back with a message (a keyed message, see keyed-message.ts) for the form. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function refused(err: unknown): SaveResult | null {
  if (err instanceof Refusal) {
    return err.field ? { ok: false, fieldErrors: { [err.field]: [err.message] } } : { ok: false, formErrors: [err.message] };
  }
  if (isUniqueViolation(err)) return { ok: false, fieldErrors: { slug: [keyed("staff-events:event.error.slugTaken")] } };
  return null;
}

const TIME_OR_PLACE = ["startsAt", "endsAt", "venueName", "venueAddress", "venuePostcode", "venueCity"] as const;
const EDITABLE = [
  "kind",
  "title",
  "slug",
  "summary",
  "description",
  "district",
  ...TIME_OR_PLACE,
  "capacity",
  "registrationOpensAt",
  "registrationClosesAt",
  "livestreamUrl",
  "privacyNotice",
  "reminderHoursBefore",
  "needsRetentionDays",
  "personalDataRetentionDays",
  "contentLanguage",
  "translations",
] as const;

type EditableField = (typeof EDITABLE)[number];

function columns(input: EventInput, slug: string) {
  return {
    kind: input.kind,
    title: input.title,
    slug,
    summary: input.summary,
    description: input.description ?? "",
    district: input.district ?? null,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    venuePostcode: input.venuePostcode,
    venueCity: input.venueCity,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    capacity: input.capacity ?? null,
    registrationOpensAt: input.registrationOpensAt ?? null,
    registrationClosesAt: input.registrationClosesAt ?? null,
    livestreamUrl: input.livestreamUrl ?? null,
    privacyNotice: input.privacyNotice ?? "",
    reminderHoursBefore: input.reminderHoursBefore ?? null,
    needsRetentionDays: input.needsRetentionDays,
    personalDataRetentionDays: input.personalDataRetentionDays,
    ...translationColumns(input),
  } satisfies Record<EditableField, unknown>;
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);

/** The fields that differ, as { field: { before, after } } for the audit log. */
export function diffEvent(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of EDITABLE) {
    if (!(key in after)) continue;
    const b = comparable(before[key]);
    const a = comparable(after[key]);
    if (b !== a) changes[key] = { before: b, after: a };
  }
  return changes;
}

/** A free slug: the wanted one, or with -2, -3 … added. */
export async function freeSlug(tx: Tx, wanted: string, table: "event" | "series" = "event"): Promise<string> {
  const base = wanted || "arrangement";
  for (let n = 1; n < 500; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken =
      table === "event"
        ? await tx.event.findUnique({ where: { slug }, select: { id: true } })
        : await tx.eventSeries.findUnique({ where: { slug }, select: { id: true } });
    if (!taken) return slug;
  }
  throw new Error("No free slug");
}

export async function createEvent(actor: Actor, input: EventInput): Promise<SaveResult> {
  try {
    const id = await db().$transaction(async (tx) => {
      let slug: string;
      if (input.slug) {
        if (await tx.event.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
          throw new Refusal(keyed("staff-events:event.error.slugTaken"), "slug");
        }
        slug = input.slug;
      } else {
        slug = await freeSlug(tx, slugify(input.title));
      }
      const event = await tx.event.create({ data: { ...columns(input, slug), status: "DRAFT" } });
      await audit(tx, actor, {
        action: "event.create",
        targetType: "Event",
        targetId: event.id,
        summary: `Opprettet arrangementet «${event.title}» (utkast)`,
        details: { after: columns(input, slug) },
      });
      return event.id;
    });
    return { ok: true, id, notified: 0, promoted: 0 };
  } catch (err) {
    const r = refused(err);
    if (r) return r;
    throw err;
  }
}

export async function updateEvent(actor: Actor, eventId: string, input: EventInput, now = new Date()): Promise<SaveResult> {
  try {
    const outcome = await db().$transaction(async (tx) => {
      const before = await tx.event.findUnique({ where: { id: eventId } });
      if (!before) throw new Refusal(keyed("staff-events:event.error.notFound"));
      const slug = input.slug ?? before.slug;
      const data = columns(input, slug);
      const changes = diffEvent(before, data);
      if (Object.keys(changes).length === 0) return { notified: 0, promoted: [] as string[] };

      const timeOrPlace = TIME_OR_PLACE.some((k) => k in changes);
      const notify = timeOrPlace && before.status === "PUBLISHED";
      // The database refuses a capacity below the seats already taken, even if someone
      // registers while this form is being saved.
      const { count } = await tx.event.updateMany({
        where: { id: eventId, ...(data.capacity !== null ? { confirmedCount: { lte: data.capacity } } : {}) },
        data: { ...data, ...(notify ? { sequence: { increment: 1 } } : {}) },
      });
      if (count === 0) {
        const taken = (await tx.event.findUnique({ where: { id: eventId }, select: { confirmedCount: true } }))?.confirmedCount;
        throw new Refusal(keyed("staff-events:event.error.capacityBelowTaken", { taken: taken ?? before.confirmedCount }), "capacity");
      }
      const after = await tx.event.findUniqueOrThrow({ where: { id: eventId } });

      let notified = 0;
      if (notify) {
        const regs = await tx.registration.findMany({
          where: { eventId, status: { in: ["CONFIRMED", "WAITING"] } },
          orderBy: { createdAt: "asc" },
        });
        for (const reg of regs) await queueEventMail(tx, "EVENT_CHANGED", after, reg);
        notified = regs.length;
      }
      const raised = before.capacity !== null && (after.capacity === null || after.capacity > before.capacity);
      const promoted = raised ? await promoteFromWaitlist(tx, eventId, now) : [];

      await audit(tx, actor, {
        action: "event.update",
        targetType: "Event",
        targetId: eventId,
        summary: `Endret arrangementet «${after.title}»${notify ? ` – tid/sted endret, ${notified} påmeldte varslet` : ""}${promoted.length ? `, ${promoted.length} flyttet fra ventelisten` : ""}`,
        details: { changes, sequence: { before: before.sequence, after: after.sequence }, notified, promoted },
      });
      return { notified, promoted };
    });
    if (outcome.notified || outcome.promoted.length) mailQueued();
    return { ok: true, id: eventId, notified: outcome.notified, promoted: outcome.promoted.length };
  } catch (err) {
    const r = refused(err);
    if (r) return r;
    throw err;
  }
}

export async function publishEvent(actor: Actor, eventId: string, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: eventId, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: now },
    });
    if (count === 0) return false;
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true } });
    await audit(tx, actor, {
      action: "event.publish",
      targetType: "Event",
      targetId: eventId,
      summary: `Publiserte «${event.title}»`,
      details: { status: { before: "DRAFT", after: "PUBLISHED" }, publishedAt: now.toISOString() },
    });
    return true;
  });
}

export async function cancelEvent(actor: Actor, eventId: string, now = new Date()): Promise<{ ok: boolean; notified: number }> {
  const result = await db().$transaction(async (tx) => {
    const before = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, title: true, sequence: true } });
    if (!before || before.status === "CANCELLED") return { ok: false, notified: 0 };
    const wasPublished = before.status === "PUBLISHED";
    const { count } = await tx.event.updateMany({
      where: { id: eventId, status: before.status },
      data: { status: "CANCELLED", cancelledAt: now, ...(wasPublished ? { sequence: { increment: 1 } } : {}) },
    });
    if (count === 0) return { ok: false, notified: 0 };
    let notified = 0;
    if (wasPublished) {
      const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
      const regs = await tx.registration.findMany({ where: { eventId, status: { not: "CANCELLED" } }, orderBy: { createdAt: "asc" } });
      for (const reg of regs) await queueEventMail(tx, "EVENT_CANCELLED", event, reg);
      notified = regs.length;
    }
    await audit(tx, actor, {
      action: "event.cancel",
      targetType: "Event",
      targetId: eventId,
      summary: `Avlyste «${before.title}»${notified ? `, ${notified} påmeldte varslet` : ""}`,
      details: { status: { before: before.status, after: "CANCELLED" }, cancelledAt: now.toISOString(), notified },
    });
    return { ok: true, notified };
  });
  if (result.notified) mailQueued();
  return result;
}

export async function listAdminEvents() {
  const events = await db().event.findMany({
    orderBy: { startsAt: "desc" },
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      confirmedCount: true,
      series: { select: { id: true, title: true } },
      _count: { select: { programmeItems: true } },
    },
  });
  const waiting = await db().registration.groupBy({ by: ["eventId"], where: { status: "WAITING" }, _count: { _all: true } });
  const waitingBy = Object.fromEntries(waiting.map((w) => [w.eventId, w._count._all]));
  return events.map((e) => ({ ...e, waiting: waitingBy[e.id] ?? 0 }));
}

export async function getAdminEvent(eventId: string) {
  const event = await db().event.findUnique({
    where: { id: eventId },
    include: { series: { select: { id: true, title: true, slug: true } } },
  });
  if (!event) return null;
  const waiting = await db().registration.count({ where: { eventId, status: "WAITING" } });
  return { ...event, waiting };
}

export async function requireAdminEvent(eventId: string | undefined) {
  const event = eventId ? await getAdminEvent(eventId) : null;
  if (!event) throw new Response(keyed("staff-events:error.eventNotFound"), { status: 404 });
  return event;
}

