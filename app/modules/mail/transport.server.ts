// The nodemailer transport: a real SMTP server when SMTP_URL is set, otherwise .eml files
// under data/mail/ so that a fresh install shows the whole flow without a mail server.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { SEND_CONCURRENCY } from "./outbox.server";

export function createMailTransport(opts: { smtpUrl?: string; mailDir: string }): Transporter {
  if (opts.smtpUrl) {
    return nodemailer.createTransport(pooledSmtpUrl(opts.smtpUrl));
  }
  return createFileTransport(opts.mailDir);
}

/**
 * A pooled transport unless the address says otherwise: a few SMTP connections kept open and
 * reused (one TCP and TLS handshake per connection, not per message), as many as the outbox
 * sends at once. `?pool=false` or `?maxConnections=` in SMTP_URL override it.
 */
export function pooledSmtpUrl(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return smtpUrl; // nodemailer reports a bad address when it connects
  }
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", String(SEND_CONCURRENCY));
  return url.toString();
}

function createFileTransport(mailDir: string): Transporter {
  mkdirSync(mailDir, { recursive: true });
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "crlf" });
  // Wrap sendMail so each message lands in its own file once rendered.
  const originalSend = stream.sendMail.bind(stream);
  let counter = 0;
  (stream as unknown as { sendMail: unknown }).sendMail = async (mail: nodemailer.SendMailOptions) => {
    const info = (await originalSend(mail)) as unknown as { message: Buffer; messageId: string };
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const to = String(mail.to ?? "unknown").replace(/[^a-zA-Z0-9@._-]/g, "_");
    writeFileSync(join(mailDir, `${stamp}-${process.pid}-${counter++}-${to}.eml`), info.message);
    return info;
  };
  return stream;
}
