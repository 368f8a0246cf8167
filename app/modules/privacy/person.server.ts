// Everything about one e-mail address: what staff see before acting, the export (right of
// access, GDPR art. 15) and the erasure (art. 17) in one transaction.
//
// Addresses are matched normalised (trimmed, lower case). Registrations, input and requests
// store a normalised copy; accessibility feedback and the outbox store the address as typed,
// so those are matched by every spelling found in the other tables plus the one given.
import { createHash } from "node:crypto";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { mailQueued } from "~/modules/mail/outbox.server";
import { normaliseEmail, promoteFromWaitlist, releaseSeat } from "~/modules/registration/registration.server";
import { db, type Tx } from "~/utils/db.server";
import { anonymiseRequest } from "./retention.server";

export const emailHash = (email: string) => createHash("sha256").update(normaliseEmail(email)).digest("hex");

export type PersonCounts = {
  registrations: number;
  answers: number;
  inputs: number;
  requests: number;
  feedback: number;
  mails: number;
};

async function feedbackIds(tx: Tx, normalized: string) {
  // Few rows, stored as typed: compare normalised here rather than rely on a case-insensitive
  // match that SQLite and PostgreSQL do differently.
  const rows = await tx.accessibilityFeedback.findMany({
    where: { contactEmail: { not: null } },
    select: { id: true, contactEmail: true },
  });
  return rows.filter((r) => r.contactEmail && normaliseEmail(r.contactEmail) === normalized).map((r) => r.id);
}

/** The spellings of the address in use, for the tables that keep it as typed. */
async function spellings(tx: Tx, email: string, normalized: string, feedback: string[]) {
  const [regs, inputs, requests, fb] = await Promise.all([
    tx.registration.findMany({ where: { emailNormalized: normalized }, select: { email: true } }),
    tx.citizenInput.findMany({ where: { emailNormalized: normalized }, select: { email: true } }),
    tx.meetingRequest.findMany({ where: { contactEmailNormalized: normalized }, select: { contactEmail: true } }),
    tx.accessibilityFeedback.findMany({ where: { id: { in: feedback } }, select: { contactEmail: true } }),
  ]);
  const all = [email.trim(), normalized, ...regs.map((r) => r.email), ...inputs.map((i) => i.email), ...requests.map((r) => r.contactEmail), ...fb.map((f) => f.contactEmail)];
  return [...new Set(all.filter((a): a is string => Boolean(a)))];
}

async function collect(tx: Tx, email: string) {
  const normalized = normaliseEmail(email);
  const feedback = await feedbackIds(tx, normalized);
  const addresses = await spellings(tx, email, normalized, feedback);
  return { normalized, feedback, addresses };
}

export async function countPerson(email: string): Promise<PersonCounts> {
  const tx = db();
  const { normalized, feedback, addresses } = await collect(tx, email);
  const [registrations, answers, inputs, requests, mails] = await Promise.all([
    tx.registration.count({ where: { emailNormalized: normalized } }),
    tx.registrationNeeds.count({ where: { registration: { emailNormalized: normalized } } }),
    tx.citizenInput.count({ where: { emailNormalized: normalized } }),
    tx.meetingRequest.count({ where: { contactEmailNormalized: normalized } }),
    tx.outboxMessage.count({ where: { toAddress: { in: addresses } } }),
  ]);
  return { registrations, answers, inputs, requests, feedback: feedback.length, mails };
}

/** Everything stored about the address, as plain JSON-ready data. */
export async function exportPerson(email: string, now = new Date()) {
  const tx = db();
  const { normalized, feedback, addresses } = await collect(tx, email);
  const [registrations, inputs, requests, feedbackRows, mails] = await Promise.all([
    tx.registration.findMany({
      where: { emailNormalized: normalized },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        name: true,
        email: true,
        phone: true,
        organisation: true,
        newsletterConsent: true,
        privacyConsentAt: true,
        locale: true,
        source: true,
        waitingSince: true,
        promotedAt: true,
        cancelledAt: true,
        checkedInAt: true,
        createdAt: true,
        updatedAt: true,
        needs: { select: { diet: true, accessibility: true, createdAt: true, updatedAt: true } },
        event: { select: { id: true, slug: true, title: true, startsAt: true, endsAt: true } },
      },
    }),
    tx.citizenInput.findMany({
      where: { emailNormalized: normalized },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        theme: true,
        text: true,
        phase: true,
        name: true,
        email: true,
        phone: true,
        privacyConsentAt: true,
        locale: true,
        hiddenAt: true,
        createdAt: true,
        event: { select: { id: true, slug: true, title: true } },
        followUp: { select: { id: true, title: true, status: true } },
      },
    }),
    tx.meetingRequest.findMany({
      where: { contactEmailNormalized: normalized },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        organisationName: true,
        organisationNumber: true,
        contactName: true,
        contactEmail: true,
        contactPhone: true,
        district: true,
        topic: true,
        description: true,
        preferredTime: true,
        locale: true,
        privacyConsentAt: true,
        status: true,
        response: true,
        decidedAt: true,
        createdAt: true,
        event: { select: { id: true, slug: true, title: true } },
        updates: { orderBy: { at: "asc" }, select: { status: true, message: true, at: true } },
      },
    }),
    tx.accessibilityFeedback.findMany({
      where: { id: { in: feedback } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, message: true, pageUrl: true, contactName: true, contactEmail: true, locale: true, handledAt: true, createdAt: true },
    }),
    // Metadata only: the bodies repeat what is above (and links that must not leave the system).
    tx.outboxMessage.findMany({
      where: { toAddress: { in: addresses } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
  ]);
  return {
    exportedAt: now.toISOString(),
    email: normalized,
    registrations,
    inputs,
    requests,
    accessibilityFeedback: feedbackRows,
    mails,
  };
}

export type PersonExport = Awaited<ReturnType<typeof exportPerson>>;

/** Writes an audit entry for an export (the address only as a hash). */
export async function auditExport(actor: Actor, email: string, counts: PersonCounts) {
  await db().$transaction((tx) =>
    audit(tx, actor, {
      action: "privacy.export",
      targetType: "Person",
      targetId: emailHash(email),
      summary: "Eksporterte alt om én e-postadresse (JSON)",
      details: { emailSha256: emailHash(email), counts },
    }),
  );
}

export type EraseResult = PersonCounts & { promoted: number };

/**
 * Erases everything about the address in one transaction. A confirmed seat at an event that has
 * not ended goes to the waiting list as when someone cancels, but the erased person gets no mail.
 */
export async function erasePerson(actor: Actor, email: string, now = new Date()): Promise<EraseResult> {
  const result = await db().$transaction(async (tx) => {
    const { normalized, feedback, addresses } = await collect(tx, email);

    const regs = await tx.registration.findMany({
      where: { emailNormalized: normalized },
      select: { id: true, eventId: true, status: true, needs: { select: { registrationId: true } } },
    });
    const answers = regs.filter((r) => r.needs).length;
    // Their mail first, so that nothing queued for them is sent after this.
    const mails = await tx.outboxMessage.deleteMany({ where: { toAddress: { in: addresses } } });
    let promoted = 0;
    for (const reg of regs) {
      await tx.registration.delete({ where: { id: reg.id } });
      if (reg.status === "CONFIRMED") {
        await releaseSeat(tx, reg.eventId);
        promoted += (await promoteFromWaitlist(tx, reg.eventId, now)).length;
      }
    }
    // Follow-up items made from the input stay public (sourceInputId is set to null).
    const inputs = await tx.citizenInput.deleteMany({ where: { emailNormalized: normalized } });
    const requests = await tx.meetingRequest.findMany({
      where: { contactEmailNormalized: normalized },
      select: { id: true },
    });
    for (const r of requests) await anonymiseRequest(tx, r.id, now);
    const fb = await tx.accessibilityFeedback.updateMany({
      where: { id: { in: feedback } },
      data: { contactName: null, contactEmail: null },
    });

    const counts: EraseResult = {
      registrations: regs.length,
      answers,
      inputs: inputs.count,
      requests: requests.length,
      feedback: fb.count,
      mails: mails.count,
      promoted,
    };
    await audit(tx, actor, {
      action: "privacy.erase",
      targetType: "Person",
      targetId: emailHash(email),
      summary: `Slettet alt om én e-postadresse: ${counts.registrations} påmelding(er), ${counts.inputs} innspill, ${counts.requests} forespørsel(er) anonymisert, ${counts.feedback} tilbakemelding(er), ${counts.mails} e-post(er)${promoted ? `; ${promoted} flyttet fra ventelisten` : ""}`,
      details: { emailSha256: emailHash(email), ...counts },
    });
    return counts;
  });
  // Only people promoted from a waiting list get mail.
  if (result.promoted > 0) mailQueued();
  return result;
}
