// Requests from organisations for a slot at a dialogue meeting or for a meeting in their
// district: the public submission, the sender's status page and the staff's triage. Every
// change is one transaction: the request, a history row, the mail to the sender and (for
// staff) the audit entry.
import type { MessageKey } from "~/i18n";
import { translator } from "~/i18n/i18n.server";
import { isLocale, type Locale } from "~/i18n/locales";
import { findClash, withinEvent } from "~/modules/admin-events/overlap";
import { slugify } from "~/modules/admin-events/oslo-time";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { mailQueued, queueMail } from "~/modules/mail/outbox.server";
import { renderMail } from "~/modules/mail/render.server";
import { newToken, normaliseEmail } from "~/modules/registration/registration.server";
import { absoluteUrl } from "~/utils/config.server";
import { db, type Tx } from "~/utils/db.server";
import { formatDateTimeRange, formatTimeRange } from "~/utils/format";
import type { RequestErrorKey, RequestInput } from "./request.schema";
import { REQUEST_STATUSES, type AcceptInput, type RequestStatus } from "./triage.schema";

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether an organisation can ask for a slot at this event: the same rule as the list below. */
export function takesSlotRequests(event: { kind: string; status: string; startsAt: Date }, now = new Date()): boolean {
  return event.kind === "DIALOGUE_MEETING" && event.status === "PUBLISHED" && event.startsAt.getTime() > now.getTime();
}

/** Upcoming published dialogue meetings an organisation can ask for a slot at. */
export async function listRequestableMeetings(now = new Date()) {
  return db().event.findMany({
    where: { kind: "DIALOGUE_MEETING", status: "PUBLISHED", startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, title: true, startsAt: true, endsAt: true, district: true },
  });
}

export type SubmitResult = { ok: true; token: string } | { ok: false; field: "eventId"; error: RequestErrorKey };

export async function submitRequest(input: RequestInput, locale: Locale, now = new Date()): Promise<SubmitResult> {
  if (input.kind === "SLOT") {
    const event = await db().event.findFirst({
      where: { id: input.eventId, kind: "DIALOGUE_MEETING", status: "PUBLISHED", startsAt: { gt: now } },
      select: { id: true },
    });
    if (!event) return { ok: false, field: "eventId", error: "eventGone" };
  }
  const token = newToken();
  await db().$transaction(async (tx) => {
    const request = await tx.meetingRequest.create({
      data: {
        token,
        kind: input.kind,
        eventId: input.eventId ?? null,
        district: input.district ?? null,
        organisationName: input.organisationName,
        organisationNumber: input.organisationNumber ?? null,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactEmailNormalized: normaliseEmail(input.contactEmail),
        contactPhone: input.contactPhone ?? null,
        topic: input.topic,
        description: input.description,
        preferredTime: input.preferredTime ?? null,
        locale,
        privacyConsentAt: now,
        status: "RECEIVED",
        updates: { create: { status: "RECEIVED", at: now } },
      },
    });
    await queueRequestMail(tx, request, "RECEIVED", "");
  });
  mailQueued();
  return { ok: true, token };
}

/** What the sender's personal page shows: no contact details, the history and the slot. */
export async function getRequestByToken(token: string | undefined) {
  if (!token || !TOKEN.test(token)) return null;
  return db().meetingRequest.findUnique({
    where: { token },
    select: {
      token: true,
      kind: true,
      district: true,
      organisationName: true,
      topic: true,
      description: true,
      preferredTime: true,
      status: true,
      response: true,
      createdAt: true,
      locale: true,
      event: { select: { title: true, startsAt: true } },
      programmeItem: {
        select: {
          title: true,
          startsAt: true,
          endsAt: true,
          room: true,
          event: { select: { slug: true, title: true, status: true, startsAt: true, endsAt: true, venueName: true } },
        },
      },
      updates: { orderBy: { at: "asc" }, select: { id: true, status: true, message: true, at: true } },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Staff

export async function listRequests(status: RequestStatus | null) {
  const [requests, grouped] = await Promise.all([
    db().meetingRequest.findMany({
      where: status ? { status } : {},
      orderBy: { createdAt: "desc" },
      take: 300,
      select: {
        id: true,
        kind: true,
        district: true,
        organisationName: true,
        topic: true,
        status: true,
        createdAt: true,
        event: { select: { title: true } },
      },
    }),
    db().meetingRequest.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const g of grouped) if (g.status in counts) counts[g.status as RequestStatus] = g._count._all;
  return { requests, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

export async function getRequestForStaff(id: string) {
  return db().meetingRequest.findUnique({
    where: { id },
    include: {
      event: { select: { id: true, title: true, startsAt: true, endsAt: true } },
      programmeItem: { select: { id: true, title: true, startsAt: true, endsAt: true, room: true, event: { select: { id: true, title: true } } } },
      organisation: { select: { id: true, name: true } },
      updates: { orderBy: { at: "asc" } },
    },
  });
}

/** Events a request can be placed in (not cancelled, not over), and each event's usual room. */
export async function acceptChoices(now = new Date()) {
  const events = await db().event.findMany({
    where: { status: { in: ["PUBLISHED", "DRAFT"] }, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, title: true, startsAt: true, endsAt: true, status: true, programmeItems: { select: { room: true } } },
  });
  return events.map(({ programmeItems, ...e }) => ({ ...e, room: mostCommonRoom(programmeItems.map((i) => i.room)) }));
}

function mostCommonRoom(rooms: Array<string | null>): string {
  const counts = new Map<string, number>();
  for (const r of rooms) if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

export type TriageResult = { ok: true } | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** A triage change that may not happen; its message is a catalog key, shown in the staff member's language. */
class Refusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, string> = {},
    readonly field?: string,
  ) {
    super(key);
  }
}

/** Which statuses each change may start from: a decided request stays decided. */
const ALLOWED_FROM: Record<Exclude<RequestStatus, "RECEIVED">, RequestStatus[]> = {
  IN_REVIEW: ["RECEIVED"],
  ACCEPTED: ["RECEIVED", "IN_REVIEW"],
  ANSWERED: ["RECEIVED", "IN_REVIEW"],
  DECLINED: ["RECEIVED", "IN_REVIEW"],
};

async function runTriage(locale: Locale, fn: (tx: Tx) => Promise<void>): Promise<TriageResult> {
  try {
    await db().$transaction(fn);
    mailQueued();
    return { ok: true };
  } catch (err) {
    if (err instanceof Refusal) {
      const t = translator(locale);
      const values = Object.fromEntries(Object.entries(err.values).map(([k, v]) => [k, v.startsWith("staff-tools:") ? t(v as MessageKey) : v]));
      const message = t(err.key, values);
      return err.field ? { ok: false, fieldErrors: { [err.field]: [message] } } : { ok: false, formErrors: [message] };
    }
    throw err;
  }
}

/**
 * Moves the request to `to` only if it is still in a status that allows it: a conditional
 * update, so two staff members deciding at once cannot both win.
 */
async function transition(tx: Tx, id: string, to: Exclude<RequestStatus, "RECEIVED">, message: string, extra: Record<string, unknown> = {}) {
  const now = new Date();
  const { count } = await tx.meetingRequest.updateMany({
    where: { id, status: { in: ALLOWED_FROM[to] } },
    data: {
      status: to,
      ...(to === "IN_REVIEW" ? {} : { response: message, decidedAt: now }),
      ...extra,
    },
  });
  if (count === 0) {
    const current = await tx.meetingRequest.findUnique({ where: { id }, select: { status: true } });
    if (!current) throw new Refusal("staff-tools:requests.refusal.gone");
    const status = (REQUEST_STATUSES as readonly string[]).includes(current.status) ? `staff-tools:requests.statusLower.${current.status}` : current.status;
    throw new Refusal(`staff-tools:requests.refusal.cannot.${to}`, { status });
  }
  await tx.meetingRequestUpdate.create({ data: { requestId: id, status: to, message, at: now } });
  return tx.meetingRequest.findUniqueOrThrow({ where: { id } });
}

export async function markInReview(actor: Actor, id: string, message = "", locale: Locale = "nb"): Promise<TriageResult> {
  return runTriage(locale, async (tx) => {
    const request = await transition(tx, id, "IN_REVIEW", message);
    await queueRequestMail(tx, request, "IN_REVIEW", message);
    await audit(tx, actor, {
      action: "request.review",
      targetType: "MeetingRequest",
      targetId: id,
      summary: `Satte forespørselen fra «${request.organisationName}» under behandling`,
    });
  });
}

export async function answerRequest(actor: Actor, id: string, message: string, locale: Locale = "nb"): Promise<TriageResult> {
  return decide(actor, id, "ANSWERED", message, locale);
}

export async function declineRequest(actor: Actor, id: string, reason: string, locale: Locale = "nb"): Promise<TriageResult> {
  return decide(actor, id, "DECLINED", reason, locale);
}

async function decide(actor: Actor, id: string, to: "ANSWERED" | "DECLINED", message: string, locale: Locale): Promise<TriageResult> {
  if (!message.trim()) {
    const t = translator(locale);
    return { ok: false, fieldErrors: { message: [t(to === "DECLINED" ? "staff-tools:requests.error.reasonRequired" : "staff-tools:requests.error.answerRequired")] } };
  }
  return runTriage(locale, async (tx) => {
    const request = await transition(tx, id, to, message);
    await queueRequestMail(tx, request, to, message);
    await audit(tx, actor, {
      action: to === "DECLINED" ? "request.decline" : "request.answer",
      targetType: "MeetingRequest",
      targetId: id,
      summary: `${to === "DECLINED" ? "Avslo" : "Besvarte"} forespørselen fra «${request.organisationName}»`,
      details: { message },
    });
  });
}

/**
 * Accepts the request as an organisation slot in an event's programme: the slot lies within the
 * event and clashes with nothing in the same room unless the organiser allows it; the
 * organisation is found by name (whatever the case) or created.
 */
export async function acceptRequest(actor: Actor, id: string, input: AcceptInput, locale: Locale = "nb"): Promise<TriageResult> {
  return runTriage(locale, async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { id: true, title: true, status: true, startsAt: true, endsAt: true, venueName: true },
    });
    if (!event || event.status === "CANCELLED") throw new Refusal("staff-tools:requests.refusal.event", {}, "eventId");
    const startsAt = input.startsAt;
    const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
    const slot = { title: input.title, startsAt, endsAt, room: input.room ?? null };
    if (!withinEvent(slot, event)) {
      throw new Refusal("staff-tools:requests.refusal.outside", { range: formatTimeRange(event.startsAt, event.endsAt, locale) }, "startsAt");
    }
    const others = await tx.programmeItem.findMany({
      where: { eventId: event.id, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      select: { id: true, title: true, startsAt: true, endsAt: true, room: true },
    });
    const clash = findClash(slot, others);
    if (clash && !input.allowOverlap) {
      throw new Refusal(clash.room ? "staff-tools:requests.refusal.clashRoom" : "staff-tools:requests.refusal.clash", {
        title: clash.title,
        range: formatTimeRange(clash.startsAt, clash.endsAt, locale),
        room: clash.room ?? "",
      });
    }
    // Claim the request first, so a request decided meanwhile never leaves a stray slot behind.
    await transition(tx, id, "ACCEPTED", input.message ?? "");
    const organisationId = await organisationByName(tx, input.organisationName);
    const item = await tx.programmeItem.create({
      data: { eventId: event.id, kind: "ORGANISATION_SLOT", title: input.title, startsAt, endsAt, room: input.room ?? null, organisationId },
    });
    const request = await tx.meetingRequest.update({ where: { id }, data: { programmeItemId: item.id, organisationId } });
    await queueRequestMail(tx, request, "ACCEPTED", input.message ?? "", { ...item, event });
    await audit(tx, actor, {
      action: "request.accept",
      targetType: "MeetingRequest",
      targetId: id,
      summary: `Godtok forespørselen fra «${request.organisationName}» som innlegg i «${event.title}»${clash ? " (overlapp godtatt)" : ""}`,
      details: {
        programmeItemId: item.id,
        eventId: event.id,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        room: item.room,
        organisationId,
        overlapAllowedWith: clash ? clash.id : undefined,
        message: input.message ?? "",
      },
    });
  });
}

async function organisationByName(tx: Tx, name: string): Promise<string> {
  // Case-insensitive in JavaScript: SQLite's Prisma has no `mode: "insensitive"`, and the
  // organisation table is small.
  const wanted = name.trim().toLocaleLowerCase("nb");
  const all = await tx.organisation.findMany({ select: { id: true, name: true } });
  const found = all.find((o) => o.name.trim().toLocaleLowerCase("nb") === wanted);
  if (found) return found.id;
  const base = slugify(name) || "organisasjon";
  let slug = base;
  for (let n = 2; await tx.organisation.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
  return (await tx.organisation.create({ data: { slug, name: name.trim() }, select: { id: true } })).id;
}

// ---------------------------------------------------------------------------------------------
// Mail

type MailRequest = { token: string; organisationName: string; contactName: string; contactEmail: string; topic: string; locale: string };
type MailSlot = { startsAt: Date; endsAt: Date; event: { title: string; venueName: string } };

async function queueRequestMail(tx: Tx, request: MailRequest, status: RequestStatus, message: string, slot?: MailSlot) {
  const locale: Locale = isLocale(request.locale) ? request.locale : "nb";
  const t = translator(locale);
  const values = { topic: request.topic, organisation: request.organisationName, message };
  const paragraphs = [t(`public:request.mailBody.${status}`, values)];
  if (message) paragraphs.push(t(status === "DECLINED" ? "public:request.mailReason" : "public:request.mailMessage", values));
  const facts: Array<[string, string]> = [[t("public:request.mailTopic"), request.topic]];
  if (slot) {
    facts.push(
      [t("public:request.mailEvent"), slot.event.title],
      [t("public:request.mailSlot"), formatDateTimeRange(slot.startsAt, slot.endsAt, locale)],
      [t("public:request.mailPlace"), slot.event.venueName],
    );
  }
  const rendered = renderMail({
    locale,
    subject: t(`public:request.mailSubject.${status}`, values),
    greetingName: request.contactName,
    paragraphs,
    facts,
    link: { intro: t("public:request.mailLink"), label: t("public:request.mailLinkButton"), url: absoluteUrl(`/foresporsel/${request.token}`) },
  });
  await queueMail(tx, { kind: `REQUEST_${status}`, to: request.contactEmail, ...rendered });
}
