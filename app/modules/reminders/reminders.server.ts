// Reminder mails before an event starts. Every PUBLISHED event with reminderHoursBefore set
// gets exactly one reminder round, sent by whichever process claims it first: the claim is a
// conditional update (reminderSentAt null → now) in the same transaction that queues the mail,
// so a crash rolls both back and the next round tries again.
import { audit, SYSTEM_ACTOR } from "~/modules/audit/audit.server";
import { mailQueued, queueMail } from "~/modules/mail/outbox.server";
import { isLocaleSafe } from "~/modules/registration/registration-locale";
import { db, type Tx } from "~/utils/db.server";
import { renderReminderMail } from "./reminder-mail.server";
import { runPeriodically, type Periodic } from "~/utils/periodic.server";

export const REMINDER_MAIL_KIND = "REMINDER";
const HOUR = 3600_000;

/** When an event's reminder is due, or null when it has none. */
export function reminderDueAt(event: { startsAt: Date; reminderHoursBefore: number | null }): Date | null {
  if (event.reminderHoursBefore === null) return null;
  return new Date(event.startsAt.getTime() - event.reminderHoursBefore * HOUR);
}

export type ReminderStatus =
  | { state: "sent"; at: Date }
  /** overdue: the time has come and the next scheduler round sends it (if published). */
  | { state: "scheduled"; at: Date; published: boolean; overdue: boolean }
  | { state: "none"; reason: "off" | "cancelled" | "started" };

/** What staff see: when the reminder goes, when it went, or why there is none. */
export function reminderStatus(
  event: { status: string; startsAt: Date; reminderHoursBefore: number | null; reminderSentAt: Date | null },
  now: Date,
): ReminderStatus {
  if (event.reminderSentAt) return { state: "sent", at: event.reminderSentAt };
  const due = reminderDueAt(event);
  if (!due) return { state: "none", reason: "off" };
  if (event.status === "CANCELLED") return { state: "none", reason: "cancelled" };
  if (event.startsAt <= now) return { state: "none", reason: "started" };
  return { state: "scheduled", at: due, published: event.status === "PUBLISHED", overdue: due <= now };
}

/**
 * Queues the reminders that are due at `now`: for each PUBLISHED event whose reminder window
 * (startsAt − reminderHoursBefore ≤ now < startsAt) is open and whose reminder is unsent,
 * one mail to every CONFIRMED registrant. Safe to call from several processes at once.
 */
export async function sendDueReminders(
  now: Date,
  onError: (eventId: string, err: unknown) => void = (id, err) => console.error(`reminders: event ${id} failed`, err),
): Promise<{ events: number; mails: number }> {
  const candidates = await db().event.findMany({
    where: { status: "PUBLISHED", reminderHoursBefore: { not: null }, reminderSentAt: null, startsAt: { gt: now } },
    select: { id: true, startsAt: true, reminderHoursBefore: true },
    orderBy: { startsAt: "asc" },
  });
  const report = { events: 0, mails: 0 };
  for (const candidate of candidates) {
    const due = reminderDueAt(candidate);
    if (!due || now < due) continue;
    try {
      const mails = await db().$transaction((tx) => sendReminder(tx, candidate, now));
      if (mails !== null) {
        report.events++;
        report.mails += mails;
      }
    } catch (err) {
      onError(candidate.id, err);
    }
  }
  return report;
}

/** Claims one event's reminder and queues its mails; null when another process claimed it first. */
async function sendReminder(
  tx: Tx,
  candidate: { id: string; startsAt: Date; reminderHoursBefore: number | null },
  now: Date,
): Promise<number | null> {
  // The same time and setting as read: if staff moved the event meanwhile, the next round decides.
  const claim = await tx.event.updateMany({
    where: {
      id: candidate.id,
      status: "PUBLISHED",
      reminderSentAt: null,
      startsAt: candidate.startsAt,
      reminderHoursBefore: candidate.reminderHoursBefore,
    },
    data: { reminderSentAt: now },
  });
  if (claim.count === 0) return null;
  const event = await tx.event.findUniqueOrThrow({
    where: { id: candidate.id },
    select: {
      id: true,
      title: true,
      contentLanguage: true,
      translations: true,
      startsAt: true,
      endsAt: true,
      venueName: true,
      venueAddress: true,
      venuePostcode: true,
      venueCity: true,
      livestreamUrl: true,
      programmeItems: {
        orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }, { title: "asc" }],
        select: { title: true, startsAt: true, endsAt: true, room: true },
      },
    },
  });
  const recipients = await tx.registration.findMany({
    where: { eventId: event.id, status: "CONFIRMED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { name: true, email: true, token: true, locale: true },
  });
  for (const r of recipients) {
    const rendered = renderReminderMail(event, r, isLocaleSafe(r.locale));
    await queueMail(tx, { kind: REMINDER_MAIL_KIND, to: r.email, ...rendered });
  }
  await audit(tx, SYSTEM_ACTOR, {
    action: "reminder.send",
    targetType: "Event",
    targetId: event.id,
    summary: `Påminnelse sendt til ${recipients.length} påmeldte – ${event.title}`,
    details: { recipientCount: recipients.length, dueAt: reminderDueAt(candidate)?.toISOString() },
  });
  return recipients.length;
}

/**
 * Runs sendDueReminders every pollSeconds (and once right away) in this process and wakes the
 * outbox worker when it queued mail. A round never overlaps the previous one and never throws;
 * the timer does not keep the process alive. stop() waits for a running round.
 */
export function startReminderScheduler(
  pollSeconds: number,
  log: Pick<Console, "info" | "error"> = console,
): Periodic {
  return runPeriodically(
    "reminders",
    pollSeconds,
    async () => {
      const report = await sendDueReminders(new Date(), (id, err) => log.error(`reminders: event ${id} failed`, err));
      if (report.mails > 0) mailQueued();
      if (report.events > 0) log.info(`reminders: ${report.mails} mail(s) queued for ${report.events} event(s)`);
    },
    log,
  );
}
