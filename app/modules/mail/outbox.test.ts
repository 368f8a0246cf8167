// The outbox against a real SMTP server: delivery with text, HTML and calendar parts, and
// nothing lost while the server is down.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAttendee } from "~/modules/registration/registration.server";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../../../test/own-database";
import { attendee, createEvent } from "../../../test/factories";
import { startSmtpSink, type SmtpSink } from "../../../test/smtp-sink";
import { backoffSeconds, deliverDueMail } from "./outbox.server";
import { createMailTransport, pooledSmtpUrl } from "./transport.server";

useOwnDatabase("outbox");

// This file owns its database, so that the outbox holds only the mail these tests queue.
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

describe("the outbox", () => {
  it("delivers a confirmation with text, HTML, the calendar invitation and the personal link", async () => {
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailDir: "unused" });
    const event = await createEvent({ title: "Dialogmøte med formannskapet – Lund" });
    const person = attendee("mail", { name: "Kari Nordmann" });
    const outcome = (await registerAttendee(event.id, person, "nb")) as { token: string };

    expect(await deliverDueMail(transport)).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    const mail = sink.messages.find((m) => m.subject?.includes("Lund"))!;
    expect(mail.subject).toBe("Påmeldingen er bekreftet: Dialogmøte med formannskapet – Lund");
    expect(mail.text).toContain("Hei Kari Nordmann,");
    expect(mail.text).toContain(`https://samhandling.test/registrations/${outcome.token}`);
    expect(mail.html).toContain(`href="https://samhandling.test/registrations/${outcome.token}"`);
    expect(mail.html).toContain('lang="nb"');
    const ics = mail.attachments.find((a) => a.filename === "invitasjon.ics")!;
    expect(ics.contentType).toBe("text/calendar");
    expect(ics.content.toString("utf8")).toContain("METHOD:REQUEST");
    const row = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: person.email } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("keeps mail while the SMTP server is down and sends it when it is back", async () => {
    const down = await startSmtpSink();
    const port = down.port;
    await down.stop(); // nothing listens on this port now
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: "unused" });

    const event = await createEvent();
    const person = attendee("retry");
    const outcome = await registerAttendee(event.id, person, "nb");
    expect(outcome.outcome).toBe("confirmed"); // the registration does not depend on mail

    const now = new Date();
    expect(await deliverDueMail(transport, now)).toMatchObject({ sent: 0, failed: 0, retrying: 1 });
    const pending = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: person.email } });
    expect(pending.status).toBe("PENDING");
    expect(pending.attempts).toBe(1);
    expect(pending.lastError).toBeTruthy();
    expect(pending.nextAttemptAt.getTime()).toBe(now.getTime() + backoffSeconds(1) * 1000);
    // Not due yet: nothing is tried.
    expect(await deliverDueMail(transport, now)).toMatchObject({ sent: 0, failed: 0, retrying: 0 });

    const back = await startSmtpSink(port);
    try {
      const later = new Date(now.getTime() + backoffSeconds(1) * 1000 + 1);
      expect(await deliverDueMail(transport, later)).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
      expect(back.messages).toHaveLength(1);
      expect(back.messages[0].to && "text" in back.messages[0].to ? back.messages[0].to.text : "").toBe(person.email);
      const sent = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: person.email } });
      expect(sent).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    } finally {
      await back.stop();
    }
  });

  it("sends many at once over a few pooled connections; two workers racing send each message exactly once", async () => {
    const busy = await startSmtpSink();
    const url = `smtp://127.0.0.1:${busy.port}`;
    const workers = [createMailTransport({ smtpUrl: url, mailDir: "unused" }), createMailTransport({ smtpUrl: url, mailDir: "unused" })];
    try {
      const event = await createEvent({ capacity: 100 });
      const people = Array.from({ length: 40 }, (_, i) => attendee(`pool${i}`));
      for (const person of people) await registerAttendee(event.id, person, "nb");

      // Two processes' rounds at the same instant, each sending five at a time.
      const reports = await Promise.all(workers.map((t) => deliverDueMail(t, new Date(), 50, 5)));
      expect(reports[0]!.sent + reports[1]!.sent).toBe(40);
      const to = busy.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""));
      expect(new Set(to).size).toBe(40);
      expect(to).toHaveLength(40);
      expect(await db().outboxMessage.count({ where: { toAddress: { in: people.map((p) => p.email) }, status: "SENT", attempts: 1 } })).toBe(40);
      // Pooled: at most five connections per transport, not one per message.
      expect(busy.connections()).toBeLessThanOrEqual(10);
    } finally {
      for (const t of workers) t.close();
      await busy.stop();
    }
  });

  it("an SMTP address may turn the pool off or size it", () => {
    expect(pooledSmtpUrl("smtp://mail.example:25")).toBe("smtp://mail.example:25?pool=true&maxConnections=5");
    expect(pooledSmtpUrl("smtps://u:p@mail.example?pool=false")).toBe("smtps://u:p@mail.example?pool=false&maxConnections=5");
    expect(pooledSmtpUrl("smtp://mail.example?maxConnections=2")).toBe("smtp://mail.example?maxConnections=2&pool=true");
  });

  it("writes .eml files when no SMTP server is configured", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samhandling-mail-"));
    const transport = createMailTransport({ mailDir: dir });
    const event = await createEvent();
    const person = attendee("file");
    await registerAttendee(event.id, person, "en");
    expect((await deliverDueMail(transport)).sent).toBe(1);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dir, files[0]), "utf8");
    expect(eml).toContain(`To: ${person.email}`);
    expect(eml).toMatch(/Subject: .*Registration confirmed|Subject: =\?UTF-8/);
    expect(eml).toContain("text/calendar");
  });

  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([15, 30, 60, 120]);
    expect(backoffSeconds(20)).toBe(3600);
  });
});
