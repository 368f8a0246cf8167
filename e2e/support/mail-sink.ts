// A real SMTP server for the browser tests: the app delivers its mail here over SMTP, exactly
// as it would to the municipality's relay, and the tests read what arrived through a tiny
// HTTP mailbox:
//   GET /health                  → 200 "ok"
//   GET /messages?to=<address>   → JSON array of the messages to that address (oldest first)
//   GET /messages                → every message
// Started by playwright.config.ts (webServer); keeps everything in memory.
import { createServer } from "node:http";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? 2527);

export type SinkMessage = {
  /** The To addresses, lower-cased, comma-separated. */
  to: string;
  /** RCPT TO of the SMTP envelope, lower-cased. */
  envelopeTo: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
  receivedAt: string;
};

const messages: Array<SinkMessage & { recipients: string[] }> = [];

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase())).filter(Boolean);
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const kind = parsed.headers.get("x-samhandling-kind");
        const to = addresses(parsed.to);
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        messages.push({
          to: to.join(", "),
          envelopeTo,
          recipients: [...new Set([...to, ...envelopeTo])],
          from: parsed.from?.text ?? "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          headers: { "X-Samhandling-Kind": typeof kind === "string" ? kind : "" },
          attachments: parsed.attachments.map((a) => ({
            filename: a.filename ?? "",
            contentType: a.contentType,
            content: a.content.toString("utf8"),
          })),
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((err: Error) => callback(err));
  },
});
smtp.on("error", (err) => console.error("[mail-sink] SMTP error:", err.message));

const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET" && url.pathname === "/health") {
    res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    return;
  }
  if (req.method === "GET" && url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.trim().toLowerCase();
    const found = to ? messages.filter((m) => m.recipients.includes(to)) : messages;
    const body: SinkMessage[] = found.map(({ recipients: _, ...message }) => message);
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
    return;
  }
  res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
});

smtp.listen(SMTP_PORT, "127.0.0.1", () => {
  console.info(`[mail-sink] SMTP on 127.0.0.1:${SMTP_PORT}`);
  http.listen(MAILBOX_PORT, "127.0.0.1", () => console.info(`[mail-sink] mailbox on http://127.0.0.1:${MAILBOX_PORT}`));
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    http.close();
    smtp.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
