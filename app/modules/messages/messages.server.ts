// Messages staff write to the attendees of an event, or to one segment of them. A message is
// one AttendeeMessage row plus one outbox mail per recipient (messageId set), stored in one
// transaction; progress is counted from the outbox.
import { randomBytes } from "node:crypto";
import { translator } from "~/i18n/i18n.server";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { renderMail, type RenderedMail } from "~/modules/mail/render.server";
import { isLocaleSafe } from "~/modules/registration/registration-locale";
import { absoluteUrl } from "~/utils/config.server";
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";
import { formatDateTimeRange, formatPostalPlace } from "~/utils/format";
import { PREVIEW_TOKEN, segmentKey, SEGMENTS, type Segment } from "./messages.schema";

export const MESSAGE_MAIL_KIND = "MESSAGE";

const eventSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  venuePostcode: true,
  venueCity: true,
  reminderHoursBefore: true,
  reminderSentAt: true,
} as const;

export type MessageEvent = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  venuePostcode: string;
  venueCity: string;
};

export async function getEventForMessages(eventId: string) {
  return db().event.findUnique({ where: { id: eventId }, select: eventSelect });
}

/** Who a segment reaches. Cancelled registrations never get messages. */
export function segmentWhere(eventId: string, segment: Segment) {
  switch (segment) {
    case "ALL":
      return { eventId, status: { in: ["CONFIRMED", "WAITING"] } };
    case "CONFIRMED":
      return { eventId, status: "CONFIRMED" };
    case "WAITING":
      return { eventId, status: "WAITING" };
    case "CHECKED_IN":
      return { eventId, status: { in: ["CONFIRMED", "WAITING"] }, checkedInAt: { not: null } };
  }
}

export async function segmentCounts(eventId: string): Promise<Record<Segment, number>> {
  const counts = await Promise.all(SEGMENTS.map((s) => db().registration.count({ where: segmentWhere(eventId, s) })));
  return Object.fromEntries(SEGMENTS.map((s, i) => [s, counts[i]])) as Record<Segment, number>;
}

type Recipient = { name: string; email: string; token: string; locale: string };

/** Blank lines separate paragraphs; single line breaks stay in the text part. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function renderMessageMail(
  event: MessageEvent,
  recipient: Pick<Recipient, "name" | "token" | "locale">,
  message: { subject: string; body: string },
): RenderedMail {
  const locale = isLocaleSafe(recipient.locale);
  const t = translator(locale);
  return renderMail({
    locale,
    subject: message.subject,
    greetingName: recipient.name,
    paragraphs: bodyParagraphs(message.body),
    facts: [
      [t("staff-tools:messages.mail.event"), event.title],
      [t("mail.when"), formatDateTimeRange(event.startsAt, event.endsAt, locale)],
      [t("mail.where"), `${event.venueName}, ${event.venueAddress}, ${formatPostalPlace(event.venuePostcode, event.venueCity)}`],
    ],
    link: { intro: t("mail.link"), label: t("mail.linkButton"), url: absoluteUrl(`/registrations/${recipient.token}`) },
  });
}

export { PREVIEW_TOKEN };

export type MessagePreview = {
  recipientCount: number;
  sampleName: string;
  locales: Record<string, number>;
  mail: RenderedMail;
  sendKey: string;
};

/**
 * What one recipient will get (the first in the segment, in their language), how many get it,
 * and a fresh one-time key for the send button.
 */
export async function previewMessage(
  event: MessageEvent,
  input: { segment: Segment; subject: string; body: string },
): Promise<MessagePreview> {
  const where = segmentWhere(event.id, input.segment);
  const [sample, byLocale] = await Promise.all([
    db().registration.findFirst({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { name: true, locale: true } }),
    db().registration.groupBy({ by: ["locale"], where, _count: { _all: true } }),
  ]);
  const sampleName = sample?.name ?? translator("nb")("staff-tools:messages.sampleName");
  const locales: Record<string, number> = {};
  for (const row of byLocale) {
    const locale = isLocaleSafe(row.locale);
    locales[locale] = (locales[locale] ?? 0) + row._count._all;
  }
  return {
    recipientCount: byLocale.reduce((n, row) => n + row._count._all, 0),
    sampleName,
    locales,
    mail: renderMessageMail(event, { name: sampleName, token: PREVIEW_TOKEN, locale: sample?.locale ?? "nb" }, input),
    sendKey: newSendKey(),
  };
}

export function newSendKey(): string {
  return randomBytes(18).toString("base64url");
}

export type SendOutcome =
  | { outcome: "sent"; messageId: string; recipientCount: number }
  | { outcome: "already-sent"; messageId: string; recipientCount: number }
  | { outcome: "no-recipients" };

/**
 * Stores the message and one outbox mail per recipient in one transaction.
 *
 * Double submits: the preview hands out a random one-time key and the message row is created
 * with that key as its primary key. A second submit of the same preview (a double click, a
 * resubmitted page, two tabs) fails on the primary key and rolls back, mails included, and is
 * answered as "already sent". The database decides, so this holds across processes; the
 * key is unguessable, so another event's message can never be hit by accident (and if it
 * were, it would not count as this one).
 */
export async function sendMessage(
  event: MessageEvent,
  actor: Actor,
  input: { segment: Segment; subject: string; body: string; sendKey: string },
): Promise<SendOutcome> {
  try {
    const result = await db().$transaction(async (tx: Tx) => {
      const recipients = await tx.registration.findMany({
        where: segmentWhere(event.id, input.segment),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { name: true, email: true, token: true, locale: true },
      });
      if (recipients.length === 0) return { outcome: "no-recipients" as const };
      const message = await tx.attendeeMessage.create({
        data: {
          id: input.sendKey,
          eventId: event.id,
          authorId: actor.id,
          authorEmail: actor.email,
          segment: input.segment,
          subject: input.subject,
          body: input.body,
          recipientCount: recipients.length,
        },
        select: { id: true },
      });
      await tx.outboxMessage.createMany({
        data: recipients.map((r) => ({
          kind: MESSAGE_MAIL_KIND,
          toAddress: r.email,
          messageId: message.id,
          ...renderMessageMail(event, r, input),
        })),
      });
      await audit(tx, actor, {
        action: "message.send",
        targetType: "Event",
        targetId: event.id,
        summary: `Melding «${input.subject}» til ${recipients.length} mottakere (${translator("nb")(segmentKey(input.segment, true))}) – ${event.title}`,
        details: { messageId: message.id, segment: input.segment, subject: input.subject, recipientCount: recipients.length },
      });
      return { outcome: "sent" as const, messageId: message.id, recipientCount: recipients.length };
    });
    return result;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await db().attendeeMessage.findUnique({
      where: { id: input.sendKey },
      select: { id: true, eventId: true, recipientCount: true },
    });
    if (!existing || existing.eventId !== event.id) throw err;
    return { outcome: "already-sent", messageId: existing.id, recipientCount: existing.recipientCount };
  }
}

export type MessageProgress = { sent: number; pending: number; failed: number };

/** The event's messages, newest first, each with its delivery progress from the outbox. */
export async function listMessages(eventId: string) {
  const messages = await db().attendeeMessage.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, segment: true, subject: true, authorEmail: true, recipientCount: true, createdAt: true },
  });
  const progress = await messageProgress(messages.map((m) => m.id));
  return messages.map((m) => ({ ...m, segment: m.segment as Segment, progress: progress[m.id] ?? { sent: 0, pending: 0, failed: 0 } }));
}

export async function messageProgress(messageIds: string[]): Promise<Record<string, MessageProgress>> {
  if (messageIds.length === 0) return {};
  const rows = await db().outboxMessage.groupBy({
    by: ["messageId", "status"],
    where: { messageId: { in: messageIds } },
    _count: { _all: true },
  });
  const result: Record<string, MessageProgress> = {};
  for (const row of rows) {
    if (!row.messageId) continue;
    const p = (result[row.messageId] ??= { sent: 0, pending: 0, failed: 0 });
    if (row.status === "SENT") p.sent += row._count._all;
    else if (row.status === "FAILED") p.failed += row._count._all;
    else p.pending += row._count._all; // PENDING, SENDING
  }
  return result;
}
