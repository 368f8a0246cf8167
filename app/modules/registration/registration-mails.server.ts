// The mails a registration sends, rendered in the attendee's language with the personal
// link and, where it fits, a calendar invitation or cancellation.
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n";
import { invitationIcs, eventLocation, type CalendarEvent } from "~/modules/calendar/ics.server";
import { queueMail, type MailAttachment } from "~/modules/mail/outbox.server";
import { escapeHtml, renderMail } from "~/modules/mail/render.server";
import { checkInQrPng, ensureCheckInCode } from "~/modules/checkin/check-in-code.server";
import { pickEventText } from "~/modules/events/event-text";
import { absoluteUrl } from "~/utils/config.server";
import type { Tx } from "~/utils/db.server";
import { formatDateTimeRange, isLocaleSafe } from "./registration-locale";

export type RegistrationMailKind = "CONFIRMATION" | "WAITLISTED" | "PROMOTED" | "CANCELLED" | "LINK";

type Reg = {
  id: string;
  token: string;
  name: string;
  email: string;
  locale: string;
  icsSequence: number;
  checkInCode?: string | null;
};

const QR_CID = "checkin-qr@samhandling";

const keys: Record<RegistrationMailKind, { subject: Parameters<ReturnType<typeof translator>>[0]; body: Parameters<ReturnType<typeof translator>>[0] }> = {
  CONFIRMATION: { subject: "mail.confirmation.subject", body: "mail.confirmation.body" },
  WAITLISTED: { subject: "mail.waitlisted.subject", body: "mail.waitlisted.body" },
  PROMOTED: { subject: "mail.promoted.subject", body: "mail.promoted.body" },
  CANCELLED: { subject: "mail.cancelled.subject", body: "mail.cancelled.body" },
  LINK: { subject: "mail.link.subject", body: "mail.link.body" },
};

export async function queueRegistrationMail(
  tx: Tx,
  kind: RegistrationMailKind,
  event: CalendarEvent,
  reg: Reg,
  extra: { position?: number } = {},
) {
  const locale: Locale = isLocaleSafe(reg.locale);
  const t = translator(locale);
  // The event's title in the attendee's language when the organiser has translated it.
  const values = { event: pickEventText(event, "title", locale).text, position: extra.position ?? "" };
  const attachments: MailAttachment[] = [];
  if (kind === "CONFIRMATION" || kind === "PROMOTED") {
    attachments.push({
      filename: "invitasjon.ics",
      contentType: "text/calendar; charset=utf-8",
      method: "REQUEST",
      content: invitationIcs(event, reg, "REQUEST"),
    });
  } else if (kind === "CANCELLED") {
    attachments.push({
      filename: "avlysning.ics",
      contentType: "text/calendar; charset=utf-8",
      method: "CANCEL",
      content: invitationIcs(event, reg, "CANCEL"),
    });
  }
  // A confirmed seat comes with the code for the door: a QR image inline in the HTML part and
  // the same code as text (for screen readers, text-only clients and typing it in).
  let checkIn: { intro: string; alt: string; code: string } | null = null;
  if (kind === "CONFIRMATION" || kind === "PROMOTED") {
    const code = reg.checkInCode ?? (await ensureCheckInCode(tx, reg.id));
    checkIn = { intro: t("public:myreg.checkinIntro"), alt: t("public:myreg.checkinAlt"), code: t("public:myreg.checkinCode", { code }) };
    attachments.push({
      filename: "innsjekking-qr.png",
      contentType: "image/png",
      content: (await checkInQrPng(code)).toString("base64"),
      encoding: "base64",
      cid: QR_CID,
    });
  }
  const rendered = renderMail({
    locale,
    subject: t(keys[kind].subject, values),
    greetingName: reg.name,
    paragraphs: [t(keys[kind].body, values), ...(checkIn ? [checkIn.intro, checkIn.code] : [])],
    facts: [
      [t("mail.when"), formatDateTimeRange(event.startsAt, event.endsAt, locale)],
      [t("mail.where"), eventLocation(event)],
    ],
    link: { intro: t("mail.link"), label: t("mail.linkButton"), url: absoluteUrl(`/registrations/${reg.token}`) },
  });
  if (checkIn) {
    const codeParagraph = `<p>${escapeHtml(checkIn.code)}</p>`;
    rendered.html = rendered.html.replace(
      codeParagraph,
      `<p><img src="cid:${QR_CID}" alt="${escapeHtml(checkIn.alt)}" width="240" height="240" style="display: block;"></p>\n${codeParagraph}`,
    );
  }
  await queueMail(tx, { kind, to: reg.email, ...rendered, attachments });
}
