// Mails to registrants when the organiser changes the time or place of an event, or cancels it.
// Each carries the attendee's personal invitation (same UID as the confirmation): an updated
// REQUEST with a higher SEQUENCE, or a CANCEL, so calendar apps update the entry they have.
import { translator } from "~/i18n/i18n.server";
import { eventLocation, invitationIcs, type CalendarEvent } from "~/modules/calendar/ics.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { renderMail } from "~/modules/mail/render.server";
import { formatDateTimeRange, isLocaleSafe } from "~/modules/registration/registration-locale";
import { absoluteUrl } from "~/utils/config.server";
import type { Tx } from "~/utils/db.server";

export type EventMailKind = "EVENT_CHANGED" | "EVENT_CANCELLED";

type Reg = { id: string; token: string; name: string; email: string; locale: string; icsSequence: number };

export async function queueEventMail(tx: Tx, kind: EventMailKind, event: CalendarEvent, reg: Reg) {
  const locale = isLocaleSafe(reg.locale);
  const t = translator(locale);
  const changed = kind === "EVENT_CHANGED";
  const rendered = renderMail({
    locale,
    subject: t(changed ? "staff-events:mail.changed.subject" : "staff-events:mail.cancelled.subject", { event: event.title }),
    greetingName: reg.name,
    paragraphs: changed
      ? [t("staff-events:mail.changed.body", { event: event.title }), t("staff-events:mail.changed.calendar")]
      : [t("staff-events:mail.cancelled.body", { event: event.title })],
    facts: [
      [t("mail.when"), formatDateTimeRange(event.startsAt, event.endsAt, locale)],
      [t("mail.where"), eventLocation(event)],
    ],
    link: { intro: t("mail.link"), label: t("mail.linkButton"), url: absoluteUrl(`/registrations/${reg.token}`) },
  });
  await queueMail(tx, {
    kind,
    to: reg.email,
    ...rendered,
    attachments: [
      changed
        ? { filename: t("staff-events:mail.changed.file"), contentType: "text/calendar; charset=utf-8", method: "REQUEST", content: invitationIcs(event, reg, "REQUEST") }
        : { filename: t("staff-events:mail.cancelled.file"), contentType: "text/calendar; charset=utf-8", method: "CANCEL", content: invitationIcs(event, reg, "CANCEL") },
    ],
  });
}
