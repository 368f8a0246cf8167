// The nodemailer transport: a real SMTP server when SMTP_URL is set, otherwise .eml files
// under data/mail/ so that a fresh install shows the whole flow without a mail server.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export function createMailTransport(opts: { smtpUrl?: string; mailDir: string }): Transporter {
  if (opts.smtpUrl) {
    return nodemailer.createTransport(opts.smtpUrl);
  }
  return createFileTransport(opts.mailDir);
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
