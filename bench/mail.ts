// How fast the outbox sends: N queued confirmation-sized mails (text, HTML and a calendar part)
// delivered to a real SMTP server (smtp-server, in this process, reading and discarding each
// message), three ways in one run:
//   - before: one connection per message, one message at a time (how the outbox sent until now);
//   - outbox: the pooled transport and concurrent sending (SEND_CONCURRENCY), claims as always;
//   - baseline: bare nodemailer on the same pool, the same number at once, no database at all.
//   npx tsx bench/mail.ts [N]        (default 500; BENCH_DB=postgres for PostgreSQL)
// Prints mails per second and the ratios. Exits non-zero if any mail was lost or sent twice.
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

const N = Number(process.argv[2] ?? 500);

async function startCountingSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, received: () => received, stop: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const TEXT = "Hei Kari Nordmann,\n\nDu er påmeldt dialogmøtet med formannskapet.\n".repeat(12);
const HTML = `<!doctype html><html lang="nb"><body>${"<p>Du er påmeldt dialogmøtet med formannskapet.</p>".repeat(24)}</body></html>`;
const ICS = ["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:bench@samhandling", "SUMMARY:Dialogmøte", "END:VEVENT", "END:VCALENDAR"].join("\r\n");

async function main() {
  const { createTestDatabase } = await import("../test/databases.js");
  const { connectDatabase } = await import("../server/db.js");
  const { setDb, db } = await import("../app/utils/db.server.js");
  const { queueMail, deliverDueMail, SEND_CONCURRENCY } = await import("../app/modules/mail/outbox.server.js");
  const { createMailTransport } = await import("../app/modules/mail/transport.server.js");
  const flavour = process.env.BENCH_DB === "postgres" ? "postgres" : "sqlite";
  const database = await createTestDatabase(flavour, "mailbench");
  const client = await connectDatabase(database.url);
  setDb(client, flavour);
  const sink = await startCountingSink();
  const url = `smtp://127.0.0.1:${sink.port}`;
  let failed = false;

  async function queue(tag: string) {
    await db().$transaction(async (tx) => {
      for (let i = 0; i < N; i++) {
        await queueMail(tx, {
          kind: "bench",
          to: `deltaker-${tag}-${i}@example.no`,
          subject: `Påmeldingen er bekreftet (${i})`,
          text: TEXT,
          html: HTML,
          attachments: [{ filename: "invitasjon.ics", contentType: "text/calendar", content: ICS, method: "REQUEST" }],
        });
      }
    });
  }

  async function drainOutbox(transport: nodemailer.Transporter, concurrency: number) {
    const before = sink.received();
    const started = performance.now();
    for (;;) {
      const report = await deliverDueMail(transport, new Date(), 50, concurrency);
      if (report.due === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const sent = sink.received() - before;
    if (sent !== N) {
      console.error(`lost or duplicated mail: ${sent} of ${N}`);
      failed = true;
    }
    return N / seconds;
  }

  try {
    await queue("before");
    const unpooled = nodemailer.createTransport(url);
    const beforeRate = await drainOutbox(unpooled, 1);
    unpooled.close();

    await queue("outbox");
    const pooled = createMailTransport({ smtpUrl: url, mailDir: "unused" });
    const outboxRate = await drainOutbox(pooled, SEND_CONCURRENCY);
    pooled.close();

    const bare = createMailTransport({ smtpUrl: url, mailDir: "unused" });
    const startedBare = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < N) {
        const i = next++;
        await bare.sendMail({
          from: "bench@samhandling.test",
          to: `bare-${i}@example.no`,
          subject: `Påmeldingen er bekreftet (${i})`,
          text: TEXT,
          html: HTML,
          attachments: [{ filename: "invitasjon.ics", content: ICS, contentType: "text/calendar; method=REQUEST" }],
        });
      }
    };
    await Promise.all(Array.from({ length: SEND_CONCURRENCY }, lane));
    const bareRate = N / ((performance.now() - startedBare) / 1000);
    bare.close();

    const sent = await db().outboxMessage.count({ where: { status: "SENT" } });
    if (sent !== 2 * N) failed = true;
    console.log(`\nOutbox: ${N} mails to a local SMTP server (${flavour === "postgres" ? "PostgreSQL" : "SQLite"})`);
    console.table([
      { way: "before: one connection per mail, one at a time", "mails/s": Math.round(beforeRate), "vs bare": (beforeRate / bareRate).toFixed(2) + "×" },
      { way: `outbox: pooled, ${SEND_CONCURRENCY} at once, claims`, "mails/s": Math.round(outboxRate), "vs bare": (outboxRate / bareRate).toFixed(2) + "×" },
      { way: `baseline: bare nodemailer pool, ${SEND_CONCURRENCY} at once`, "mails/s": Math.round(bareRate), "vs bare": "1.00×" },
    ]);
    console.log(`outbox now / before: ${(outboxRate / beforeRate).toFixed(1)}×; ${N} confirmations take ${(N / outboxRate).toFixed(1)} s (before ${(N / beforeRate).toFixed(1)} s)`);
  } finally {
    await sink.stop();
    await client.$disconnect();
    await database.drop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
