// The durable outbox. Mail is stored in the same transaction as the change that causes it
// (queueMail takes the transaction), and deliverDueMail sends what is due, with retries
// and exponential back-off, so a registration never fails because the SMTP server is down
// and no mail is lost when it is.
import type { Transporter } from "nodemailer";
import { config } from "~/utils/config.server";
import { db, type Tx } from "~/utils/db.server";
import type { RenderedMail } from "./render.server";
import { mailSender } from "./sender.server";

export type MailAttachment = {
  filename: string;
  contentType: string;
  content: string;
  /** For text/calendar: the iTIP method, so clients show an invitation. */
  method?: "REQUEST" | "CANCEL" | "PUBLISH";
  /** Content-ID of an inline part the HTML refers to as `cid:<cid>` (an image). */
  cid?: string;
  /** "base64" when content holds binary data (an image) as base64 text. */
  encoding?: "base64";
};

export type QueuedMail = RenderedMail & {
  kind: string;
  to: string;
  attachments?: MailAttachment[];
};

export async function queueMail(tx: Tx, mail: QueuedMail) {
  await tx.outboxMessage.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: JSON.stringify(mail.attachments ?? []),
    },
  });
}

/** Wake the worker after the transaction that queued mail has committed. */
export function mailQueued() {
  config().onMailQueued();
}

export const MAX_ATTEMPTS = 12;
const LOCK_SECONDS = 120;

/** Delay before attempt n+1: 15 s, 30 s, 1 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 15 * 2 ** Math.max(0, attempts - 1));
}

/** `due`: how many messages the round found due (a full batch means there may be more). */
export type DeliveryReport = { sent: number; failed: number; retrying: number; due: number };

// Mail that failed because the SMTP server could not be reached (as opposed to a server that
// answered and refused the message) is marked by this prefix on lastError. While such mail
// waits, the worker probes the server every few seconds and makes it due again as soon as the
// server answers (resumeMailAfterOutage); refused mail keeps its back-off.
export const UNREACHABLE_PREFIX = "SMTP-serveren svarte ikke: ";
const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);

/** Whether a send failed for want of a connection (no SMTP reply at all, or 421 "service not available"). */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; responseCode?: unknown } | null;
  if (typeof e?.responseCode === "number") return e.responseCode === 421;
  return typeof e?.code === "string" && CONNECTION_CODES.has(e.code);
}

/** How many messages wait because the SMTP server could not be reached. */
export async function mailWaitingForConnection(): Promise<number> {
  return db().outboxMessage.count({ where: { status: "PENDING", lastError: { startsWith: UNREACHABLE_PREFIX } } });
}

/** The SMTP server answers again: mail that waited for it is due now. Returns how many. */
export async function resumeMailAfterOutage(now = new Date()): Promise<number> {
  const { count } = await db().outboxMessage.updateMany({
    where: { status: "PENDING", lastError: { startsWith: UNREACHABLE_PREFIX }, nextAttemptAt: { gt: now } },
    data: { nextAttemptAt: now },
  });
  return count;
}

/** How many messages one process sends at the same time (the SMTP pool's connections, see transport.server.ts). */
export const SEND_CONCURRENCY = 5;

/**
 * Sends every message that is due, up to `batch`, `concurrency` at a time over the pooled
 * transport. Safe to run from several processes at once: each message is claimed with a
 * conditional update (its status and attempt count as read) before it is sent, so two workers
 * never send the same message; a worker that dies mid-send leaves a lock that expires.
 */
export async function deliverDueMail(
  transport: Transporter,
  now = new Date(),
  batch = 50,
  concurrency = SEND_CONCURRENCY,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0, due: 0 };
  const due = await db().outboxMessage.findMany({
    where: {
      OR: [
        { status: "PENDING", nextAttemptAt: { lte: now } },
        // A worker that died mid-send left SENDING behind; its lock has expired.
        { status: "SENDING", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  report.due = due.length;
  let next = 0;
  async function lane() {
    while (next < due.length) {
      const message = due[next++]!;
      await deliverOne(transport, message, now, report);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, due.length)) }, lane));
  return report;
}

type OutboxRow = Awaited<ReturnType<ReturnType<typeof db>["outboxMessage"]["findMany"]>>[number];

async function deliverOne(transport: Transporter, message: OutboxRow, now: Date, report: DeliveryReport) {
  const claim = await db().outboxMessage.updateMany({
    where: { id: message.id, status: message.status, attempts: message.attempts },
    data: { status: "SENDING", lockedUntil: new Date(now.getTime() + LOCK_SECONDS * 1000) },
  });
  if (claim.count === 0) return; // another worker took it
  const attachments = JSON.parse(message.attachments) as MailAttachment[];
  try {
    await transport.sendMail({
      from: mailSender(),
      to: message.toAddress,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.method ? `${a.contentType}; method=${a.method}` : a.contentType,
        ...(a.cid ? { cid: a.cid } : {}),
        ...(a.encoding ? { encoding: a.encoding } : {}),
      })),
      headers: { "X-Samhandling-Kind": message.kind },
    });
    await db().outboxMessage.update({
      where: { id: message.id },
      data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lockedUntil: null, lastError: null },
    });
    report.sent++;
  } catch (err) {
    const attempts = message.attempts + 1;
    const giveUp = attempts >= MAX_ATTEMPTS;
    await db().outboxMessage.update({
      where: { id: message.id },
      data: {
        status: giveUp ? "FAILED" : "PENDING",
        attempts,
        lockedUntil: null,
        lastError: `${isConnectionError(err) ? UNREACHABLE_PREFIX : ""}${String((err as Error)?.message ?? err)}`.slice(0, 1000),
        nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000),
      },
    });
    if (giveUp) report.failed++;
    else report.retrying++;
  }
}

export async function outboxCounts() {
  const rows = await db().outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}
