// The reminder mail: time, place, the programme (grouped by day when it spans several),
// the livestream and the personal link, as text and HTML in the attendee's language.
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n";
import { escapeHtml, type RenderedMail } from "~/modules/mail/render.server";
import { pickEventText } from "~/modules/events/event-text";
import { absoluteUrl } from "~/utils/config.server";
import { formatDate, formatDateTime, formatDateTimeRange, formatPostalPlace, formatTimeRange, osloDayKey } from "~/utils/format";

export type ReminderEvent = {
  title: string;
  contentLanguage?: string;
  translations?: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  venuePostcode: string;
  venueCity: string;
  livestreamUrl: string | null;
  programmeItems: Array<{ title: string; startsAt: Date; endsAt: Date; room: string | null }>;
};

export type ProgrammeDay = { heading: string | null; lines: Array<{ time: string; title: string }> };

/** The programme as lines "17.00–17.05 Title (room)", with a heading per day only when it spans several. */
export function programmeDays(items: ReminderEvent["programmeItems"], locale: Locale): ProgrammeDay[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const days = new Map<string, ProgrammeDay>();
  for (const item of sorted) {
    const key = osloDayKey(item.startsAt);
    let day = days.get(key);
    if (!day) {
      day = { heading: formatDate(item.startsAt, locale), lines: [] };
      days.set(key, day);
    }
    day.lines.push({
      time: formatTimeRange(item.startsAt, item.endsAt, locale),
      title: item.room ? `${item.title} (${item.room})` : item.title,
    });
  }
  const list = [...days.values()];
  if (list.length === 1) list[0].heading = null;
  return list;
}

export function renderReminderMail(
  event: ReminderEvent,
  recipient: { name: string; token: string },
  locale: Locale,
): RenderedMail {
  const t = translator(locale);
  const title = pickEventText(event, "title", locale).text;
  const subject = t("public:reminder.subject", { event: title, date: formatDateTime(event.startsAt, locale) });
  const greeting = t("mail.greeting", { name: recipient.name });
  const intro = t("public:reminder.intro", { event: title });
  const facts: Array<[string, string]> = [
    [t("mail.when"), formatDateTimeRange(event.startsAt, event.endsAt, locale)],
    [t("mail.where"), `${event.venueName}, ${event.venueAddress}, ${formatPostalPlace(event.venuePostcode, event.venueCity)}`],
  ];
  if (event.livestreamUrl) facts.push([t("public:reminder.livestream"), event.livestreamUrl]);
  const days = programmeDays(event.programmeItems, locale);
  const link = absoluteUrl(`/registrations/${recipient.token}`);
  const signature = t("mail.signature");

  const text = [
    greeting,
    "",
    intro,
    "",
    ...facts.map(([label, value]) => `${label}: ${value}`),
    "",
    ...(days.length
      ? [
          `${t("public:reminder.programme")}:`,
          ...days.flatMap((day) => [
            ...(day.heading ? ["", `${day.heading[0].toUpperCase()}${day.heading.slice(1)}`] : []),
            ...day.lines.map((l) => `${l.time}  ${l.title}`),
          ]),
          "",
        ]
      : []),
    t("public:reminder.cannotCome"),
    "",
    t("mail.link"),
    link,
    "",
    signature,
    "",
  ].join("\n");

  const programmeHtml = days.length
    ? `<h2 style="font-size: 18px; margin: 24px 0 8px;">${escapeHtml(t("public:reminder.programme"))}</h2>
${days
  .map(
    (day) =>
      `${day.heading ? `<h3 style="font-size: 16px; margin: 16px 0 4px;">${escapeHtml(day.heading)}</h3>` : ""}<table role="presentation" style="border-collapse: collapse;">${day.lines
        .map(
          (l) =>
            `<tr><td style="padding: 2px 12px 2px 0; vertical-align: top; white-space: nowrap;">${escapeHtml(l.time)}</td><td style="padding: 2px 0;">${escapeHtml(l.title)}</td></tr>`,
        )
        .join("")}</table>`,
  )
  .join("\n")}`
    : "";

  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<table role="presentation" style="border-collapse: collapse;">${facts
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top;">${escapeHtml(label)}</th><td style="padding: 4px 0;">${
          value === event.livestreamUrl ? `<a href="${escapeHtml(value)}" style="color: #004b87;">${escapeHtml(value)}</a>` : escapeHtml(value)
        }</td></tr>`,
    )
    .join("")}</table>
${programmeHtml}
<p>${escapeHtml(t("public:reminder.cannotCome"))}</p>
<p>${escapeHtml(t("mail.link"))}<br><a href="${escapeHtml(link)}" style="color: #004b87; font-weight: bold;">${escapeHtml(t("mail.linkButton"))}</a></p>
<p>${escapeHtml(signature).replace(/\n/g, "<br>")}</p>
</body></html>
`;
  return { subject, text, html };
}
