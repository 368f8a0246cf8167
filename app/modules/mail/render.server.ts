// Renders a mail as plain text and HTML from the same paragraphs, in the reader's language.
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n";
import { mailSignature, orgSettings } from "~/modules/settings/settings.server";
import { mailSender } from "./sender.server";

export type RenderedMail = { subject: string; text: string; html: string };

export type MailContent = {
  locale: Locale;
  subject: string;
  greetingName: string;
  paragraphs: string[];
  facts?: Array<[label: string, value: string]>;
  link?: { intro: string; label: string; url: string };
};

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * The organisation's signature in the reader's language; without one, "Vennlig hilsen" and the
 * sender's name (never a municipality the settings do not name).
 */
export function signatureFor(locale: Locale): string {
  const own = mailSignature(locale);
  if (own) return own;
  const settings = orgSettings();
  const name = settings.mailSenderName.trim() || mailSender().name;
  return `${translator(locale)("settings:mail.regards")}\n${name}`;
}

export function renderMail(c: MailContent): RenderedMail {
  const t = translator(c.locale);
  const greeting = t("mail.greeting", { name: c.greetingName });
  const signature = signatureFor(c.locale);
  const facts = c.facts ?? [];

  const text = [
    greeting,
    "",
    ...c.paragraphs.flatMap((p) => [p, ""]),
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(facts.length ? [""] : []),
    ...(c.link ? [c.link.intro, c.link.url, ""] : []),
    signature,
    "",
  ].join("\n");

  const html = `<!doctype html>
<html lang="${c.locale}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
<p>${escapeHtml(greeting)}</p>
${c.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  facts.length
    ? `<table role="presentation" style="border-collapse: collapse;">${facts
        .map(
          ([label, value]) =>
            `<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top;">${escapeHtml(label)}</th><td style="padding: 4px 0;">${escapeHtml(value)}</td></tr>`,
        )
        .join("")}</table>`
    : ""
}
${
  c.link
    ? `<p>${escapeHtml(c.link.intro)}<br><a href="${escapeHtml(c.link.url)}" style="color: #004b87; font-weight: bold;">${escapeHtml(c.link.label)}</a></p>`
    : ""
}
<p>${escapeHtml(signature).replace(/\n/g, "<br>")}</p>
</body></html>
`;
  return { subject: c.subject, text, html };
}
