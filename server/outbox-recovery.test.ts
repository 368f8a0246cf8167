// The SMTP server goes away and comes back: mail waiting for it is delivered within seconds of
// its return (not at the next back-off step), while mail the server refused keeps its back-off.
import { afterAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { UNREACHABLE_PREFIX, deliverDueMail, queueMail, resumeMailAfterOutage } from "~/modules/mail/outbox.server";
import { createMailTransport } from "~/modules/mail/transport.server";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../test/own-database";
import { startSmtpSink, type SmtpSink } from "../test/smtp-sink";
import { startOutboxWorker } from "./outbox-worker";

// Own database: the worker sends every due message in the outbox.
useOwnDatabase("outbox-recovery");

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function queue(to: string, subject: string) {
  await db().$transaction((tx) => queueMail(tx, { kind: "TEST", to, subject, text: "Hei", html: "<p>Hei</p>" }));
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

describe("mail after an SMTP outage", () => {
  it("resumes within seconds when the server is back on the same port", async () => {
    const first = await startSmtpSink();
    const port = first.port;
    await first.stop(); // the outage
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: "unused" });
    const worker = startOutboxWorker(transport, 3600, { info: () => {}, error: () => {} }, 0.5);
    cleanups.push(() => worker.stop());

    await queue("kari@example.no", "Etter avbruddet");
    worker.nudge();
    const waiting = await waitFor("the first failed attempt", () =>
      db().outboxMessage.findFirst({ where: { subject: "Etter avbruddet", attempts: 1, status: "PENDING" } }),
    );
    expect(waiting.lastError).toMatch(new RegExp(`^${UNREACHABLE_PREFIX}`));
    // Its back-off would be 15 s or more; the poll is an hour.
    expect(waiting.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(10_000);

    let sink: SmtpSink | undefined;
    sink = await startSmtpSink(port);
    cleanups.push(() => sink!.stop());
    await waitFor("delivery after the server came back", () => sink!.messages.some((m) => m.subject === "Etter avbruddet"), 10_000);
    // The sink has the mail a moment before the worker records it as sent.
    const sent = await waitFor("the outbox row marked sent", async () => {
      const row = await db().outboxMessage.findFirstOrThrow({ where: { subject: "Etter avbruddet" } });
      return row.status === "SENT" ? row : null;
    }, 10_000);
    expect(sent.status).toBe("SENT");
  }, 40_000);

  it("keeps the back-off for mail the server refused", async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      },
    });
    await new Promise<void>((ok) => refusing.listen(0, "127.0.0.1", () => ok()));
    cleanups.push(() => new Promise<void>((ok) => refusing.close(() => ok())));
    const address = refusing.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: "unused" });

    await queue("finnes-ikke@example.no", "Avvist");
    const report = await deliverDueMail(transport);
    expect(report.retrying).toBe(1);
    const refused = await db().outboxMessage.findFirstOrThrow({ where: { subject: "Avvist" } });
    expect(refused.lastError).not.toMatch(new RegExp(`^${UNREACHABLE_PREFIX}`));
    await resumeMailAfterOutage();
    const after = await db().outboxMessage.findFirstOrThrow({ where: { subject: "Avvist" } });
    expect(after.nextAttemptAt).toEqual(refused.nextAttemptAt);
  });
});
