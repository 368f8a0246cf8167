// Privacy by default: personal data disappears on schedule without anyone lifting a finger.
//
// Per event (the organiser sets the days on the event form):
//   (a) needsRetentionDays after the event ends, the diet and accessibility answers are deleted;
//   (b) personalDataRetentionDays after it ends, its registrations are anonymised (kept for
//       statistics: status, source, check-in and creation time) and the contact details left
//       with its citizen input are removed (the input itself stays).
// Across the site (fixed rules in retention-rules.ts, shown to staff on /admin/privacy):
//   (c) an organisation request's contact details, REQUEST_CONTACT_DAYS after it was decided;
//   (d) delivered mail after SENT_MAIL_DAYS, mail that could not be delivered after FAILED_MAIL_DAYS;
//   (e) the contact details on accessibility feedback, FEEDBACK_CONTACT_DAYS after it was handled.
//
// runRetention(now) takes the clock as a parameter (tests move it), is idempotent (each step
// claims its rows with a conditional update, so a second run or a second process changes
// nothing) and runs each step in its own transaction together with its audit entry. Audit
// entries hold counts and ids, never personal data.
import type { Translate } from "~/i18n";
import { translator } from "~/i18n/i18n.server";
import { audit, SYSTEM_ACTOR, type Actor } from "~/modules/audit/audit.server";
import { newToken } from "~/modules/registration/registration.server";
import { db, type Tx } from "~/utils/db.server";
import { FAILED_MAIL_DAYS, FEEDBACK_CONTACT_DAYS, REQUEST_CONTACT_DAYS, SENT_MAIL_DAYS } from "./retention-rules";
import { runPeriodically, type Periodic } from "~/utils/periodic.server";

export const ANONYMISED_NAME = "Anonymisert";
/** A unique value that is not an address anyone can have (.invalid is reserved, RFC 2606). */
export const anonymisedEmail = (id: string) => `anonymisert-${id}@invalid`;

const DAY = 24 * 3600_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

export type RetentionReport = {
  needsPurged: Array<{ eventId: string; needs: number }>;
  anonymised: Array<{ eventId: string; registrations: number; inputs: number; questions: number }>;
  requests: number;
  mails: { sent: number; failed: number };
  feedback: number;
  errors: number;
};

/** When an event's answers are deleted and its registrations anonymised. */
export function retentionDates(event: { endsAt: Date; needsRetentionDays: number; personalDataRetentionDays: number }) {
  return {
    needsDeletedAt: addDays(event.endsAt, event.needsRetentionDays),
    anonymisedAt: addDays(event.endsAt, event.personalDataRetentionDays),
  };
}

/** Replaces a registration's personal data; the old link and check-in code stop working. */
export async function anonymiseRegistration(tx: Tx, id: string, now: Date) {
  await tx.registrationNeeds.deleteMany({ where: { registrationId: id } });
  await tx.registration.update({
    where: { id },
    data: {
      name: ANONYMISED_NAME,
      email: anonymisedEmail(id),
      emailNormalized: anonymisedEmail(id),
      phone: null,
      organisation: null,
      token: newToken(),
      checkInCode: null,
      anonymisedAt: now,
    },
  });
}

/** Removes the contact details from an organisation request; its status link stops working. */
export async function anonymiseRequest(tx: Tx, id: string, now: Date) {
  await tx.meetingRequest.update({
    where: { id },
    data: {
      contactName: ANONYMISED_NAME,
      contactEmail: anonymisedEmail(id),
      contactEmailNormalized: anonymisedEmail(id),
      contactPhone: null,
      token: newToken(),
      anonymisedAt: now,
    },
  });
}

async function purgeNeeds(event: { id: string; endsAt: Date; needsRetentionDays: number }, now: Date) {
  return db().$transaction(async (tx) => {
    // The claim: only if nobody did it meanwhile and the settings are the ones we read.
    const claim = await tx.event.updateMany({
      where: { id: event.id, needsPurgedAt: null, endsAt: event.endsAt, needsRetentionDays: event.needsRetentionDays },
      data: { needsPurgedAt: now },
    });
    if (claim.count === 0) return null;
    const { count } = await tx.registrationNeeds.deleteMany({ where: { registration: { eventId: event.id } } });
    // An event without answers is marked done silently: the history lists only what changed.
    if (count > 0) {
      await audit(tx, SYSTEM_ACTOR, {
        action: "privacy.retention.needs",
        targetType: "Event",
        targetId: event.id,
        summary: `Slettet svar om kosthold og tilrettelegging fra ${count} påmelding(er) (${event.needsRetentionDays} dager etter arrangementet)`,
        details: { eventId: event.id, needsDeleted: count, retentionDays: event.needsRetentionDays },
      });
    }
    return count;
  });
}

async function anonymiseEvent(event: { id: string; endsAt: Date; personalDataRetentionDays: number }, now: Date) {
  return db().$transaction(async (tx) => {
    const claim = await tx.event.updateMany({
      where: {
        id: event.id,
        personalDataAnonymisedAt: null,
        endsAt: event.endsAt,
        personalDataRetentionDays: event.personalDataRetentionDays,
      },
      data: { personalDataAnonymisedAt: now },
    });
    if (claim.count === 0) return null;
    const regs = await tx.registration.findMany({
      where: { eventId: event.id, anonymisedAt: null },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    for (const r of regs) await anonymiseRegistration(tx, r.id, now);
    const inputs = await tx.citizenInput.updateMany({
      where: {
        eventId: event.id,
        anonymisedAt: null,
        OR: [{ name: { not: null } }, { email: { not: null } }, { phone: { not: null } }],
      },
      data: { name: null, email: null, emailNormalized: null, phone: null, privacyConsentAt: null, anonymisedAt: now },
    });
    // Names typed next to questions in the live Q&A (optional, but personal data all the same).
    const questions = await tx.question.updateMany({
      where: { room: { eventId: event.id }, displayName: { not: null } },
      data: { displayName: null },
    });
    if (regs.length + inputs.count + questions.count > 0) {
      await audit(tx, SYSTEM_ACTOR, {
        action: "privacy.retention.anonymise",
        targetType: "Event",
        targetId: event.id,
        summary: `Anonymiserte ${regs.length} påmelding(er), kontaktopplysningene i ${inputs.count} innspill og navnet på ${questions.count} spørsmål (${event.personalDataRetentionDays} dager etter arrangementet)`,
        details: {
          eventId: event.id,
          registrationsAnonymised: regs.length,
          inputsAnonymised: inputs.count,
          questionNamesRemoved: questions.count,
          retentionDays: event.personalDataRetentionDays,
        },
      });
    }
    return { registrations: regs.length, inputs: inputs.count, questions: questions.count };
  });
}

async function anonymiseOldRequests(now: Date) {
  return db().$transaction(async (tx) => {
    const rows = await tx.meetingRequest.findMany({
      where: { anonymisedAt: null, decidedAt: { lte: daysBefore(now, REQUEST_CONTACT_DAYS) } },
      select: { id: true },
    });
    for (const r of rows) await anonymiseRequest(tx, r.id, now);
    if (rows.length > 0) {
      await audit(tx, SYSTEM_ACTOR, {
        action: "privacy.retention.requests",
        targetType: "MeetingRequest",
        summary: `Fjernet kontaktopplysningene fra ${rows.length} forespørsel(er) (${REQUEST_CONTACT_DAYS} dager etter avgjørelsen)`,
        details: { requestsAnonymised: rows.length, retentionDays: REQUEST_CONTACT_DAYS },
      });
    }
    return rows.length;
  });
}

async function deleteOldMail(now: Date) {
  return db().$transaction(async (tx) => {
    const sentBefore = daysBefore(now, SENT_MAIL_DAYS);
    const sent = await tx.outboxMessage.deleteMany({
      where: {
        status: "SENT",
        OR: [{ sentAt: { lte: sentBefore } }, { sentAt: null, createdAt: { lte: sentBefore } }],
      },
    });
    const failed = await tx.outboxMessage.deleteMany({
      where: { status: "FAILED", createdAt: { lte: daysBefore(now, FAILED_MAIL_DAYS) } },
    });
    if (sent.count + failed.count > 0) {
      await audit(tx, SYSTEM_ACTOR, {
        action: "privacy.retention.mail",
        targetType: "OutboxMessage",
        summary: `Slettet ${sent.count} sendt(e) e-post(er) eldre enn ${SENT_MAIL_DAYS} dager og ${failed.count} som ikke kom fram, eldre enn ${FAILED_MAIL_DAYS} dager`,
        details: { sentDeleted: sent.count, failedDeleted: failed.count },
      });
    }
    return { sent: sent.count, failed: failed.count };
  });
}

async function clearOldFeedbackContacts(now: Date) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.accessibilityFeedback.updateMany({
      where: {
        handledAt: { lte: daysBefore(now, FEEDBACK_CONTACT_DAYS) },
        OR: [{ contactName: { not: null } }, { contactEmail: { not: null } }],
      },
      data: { contactName: null, contactEmail: null },
    });
    if (count > 0) {
      await audit(tx, SYSTEM_ACTOR, {
        action: "privacy.retention.feedback",
        targetType: "AccessibilityFeedback",
        summary: `Fjernet kontaktopplysningene fra ${count} tilbakemelding(er) om tilgjengelighet (${FEEDBACK_CONTACT_DAYS} dager etter behandling)`,
        details: { feedbackCleared: count, retentionDays: FEEDBACK_CONTACT_DAYS },
      });
    }
    return count;
  });
}

/**
 * Does every retention step that is due at `now`. A failing step is reported to onError and
 * counted; the others still run.
 */
export async function runRetention(
  now: Date,
  onError: (step: string, err: unknown) => void = (step, err) => console.error(`retention: ${step} failed`, err),
): Promise<RetentionReport> {
  const report: RetentionReport = { needsPurged: [], anonymised: [], requests: 0, mails: { sent: 0, failed: 0 }, feedback: 0, errors: 0 };
  const attempt = async <T>(step: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      report.errors++;
      onError(step, err);
      return undefined;
    }
  };

  // The day counts differ per event, so the due date is decided here; only events that have
  // ended and still have a step left are read.
  const events = await db().event.findMany({
    where: { endsAt: { lte: now }, OR: [{ needsPurgedAt: null }, { personalDataAnonymisedAt: null }] },
    select: { id: true, endsAt: true, needsRetentionDays: true, personalDataRetentionDays: true, needsPurgedAt: true, personalDataAnonymisedAt: true },
    orderBy: { endsAt: "asc" },
  });
  for (const event of events) {
    const due = retentionDates(event);
    if (!event.needsPurgedAt && due.needsDeletedAt <= now) {
      const needs = await attempt(`needs of event ${event.id}`, () => purgeNeeds(event, now));
      if (needs != null) report.needsPurged.push({ eventId: event.id, needs });
    }
    if (!event.personalDataAnonymisedAt && due.anonymisedAt <= now) {
      const done = await attempt(`anonymising event ${event.id}`, () => anonymiseEvent(event, now));
      if (done) report.anonymised.push({ eventId: event.id, ...done });
    }
  }
  report.requests = (await attempt("requests", () => anonymiseOldRequests(now))) ?? 0;
  report.mails = (await attempt("mail", () => deleteOldMail(now))) ?? { sent: 0, failed: 0 };
  report.feedback = (await attempt("feedback", () => clearOldFeedbackContacts(now))) ?? 0;
  return report;
}

/** Runs the job at once for a member of staff, and records who asked and what it did. */
export async function runRetentionNow(actor: Actor, now = new Date()): Promise<RetentionReport> {
  const report = await runRetention(now);
  await db().$transaction((tx) =>
    audit(tx, actor, {
      action: "privacy.retention.run",
      targetType: "Retention",
      summary: `Kjørte slettejobben manuelt: ${describeReport(report)}`,
      details: report,
    }),
  );
  return report;
}

/** One sentence about what a run did, in bokmål for the audit log unless a translator is given. */
export function describeReport(r: RetentionReport, t: Translate = translator("nb")): string {
  const parts = [
    t("staff-tools:privacy.report.needs", { count: r.needsPurged.length, needs: r.needsPurged.reduce((n, e) => n + e.needs, 0) }),
    t("staff-tools:privacy.report.anonymised", { count: r.anonymised.reduce((n, e) => n + e.registrations, 0), events: r.anonymised.length }),
    t("staff-tools:privacy.report.contacts", { requests: r.requests, feedback: r.feedback }),
    t("staff-tools:privacy.report.mails", { count: r.mails.sent + r.mails.failed }),
  ];
  return parts.join(", ") + (r.errors ? t("staff-tools:privacy.report.errors", { count: r.errors }) : ".");
}

/** The retention job's and the erasures' audit entries, newest first (for /admin/privacy). */
export async function privacyHistory(take = 30) {
  return db().auditLog.findMany({
    where: { action: { startsWith: "privacy." } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, action: true, actorEmail: true, summary: true },
  });
}

/**
 * Runs runRetention every pollSeconds (and once right away) in this process. A round never
 * overlaps the previous one and never throws; the timer does not keep the process alive.
 * stop() waits for a running round.
 */
export function startRetentionScheduler(
  pollSeconds: number,
  log: Pick<Console, "info" | "error"> = console,
): Periodic {
  return runPeriodically(
    "retention",
    pollSeconds,
    async () => {
      const r = await runRetention(new Date(), (step, err) => log.error(`retention: ${step} failed`, err));
      const needs = r.needsPurged.reduce((n, e) => n + e.needs, 0);
      const anonymised = r.anonymised.reduce((n, e) => n + e.registrations + e.inputs + e.questions, 0);
      const mails = r.mails.sent + r.mails.failed;
      if (needs + anonymised + r.requests + mails + r.feedback > 0) {
        log.info(
          `retention: ${needs} answer(s) deleted, ${anonymised} registration(s)/input(s)/question name(s) anonymised, ` +
            `${r.requests} request(s), ${mails} mail(s), ${r.feedback} feedback contact(s)`,
        );
      }
    },
    log,
  );
}
