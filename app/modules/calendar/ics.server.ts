// iCalendar files (ical-generator): one event, a programme, the public feed, and the
// personal invitations and cancellations attached to e-mails.
// UIDs are stable: event-<id>@host for public files, registration-<id>@host for a person's
// invitation (so cancelling one's own copy never touches a subscribed feed). SEQUENCE is the
// event's sequence (raised when time or place changes) plus the registration's own bumps.
import { translator } from "~/i18n/i18n.server";
import { DEFAULT_LOCALE, type Locale } from "~/i18n";
import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import { absoluteUrl, config } from "~/utils/config.server";
import { formatPostalPlace } from "~/utils/format";
import { mailSender } from "~/modules/mail/sender.server";
import { OSLO_TZID, osloVTimezone } from "./vtimezone";

export type CalendarEvent = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  venuePostcode: string;
  venueCity: string;
  livestreamUrl: string | null;
  sequence: number;
  updatedAt: Date;
  /** For mails and pages in the reader's language (app/modules/events/event-text.ts). */
  contentLanguage?: string;
  translations?: string;
};

/** Prisma `select` for exactly the fields of a CalendarEvent. */
export const calendarEventSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  status: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  venuePostcode: true,
  venueCity: true,
  livestreamUrl: true,
  sequence: true,
  updatedAt: true,
  contentLanguage: true,
  translations: true,
} as const;

export type CalendarItem = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  updatedAt: Date;
};

function host(): string {
  return new URL(config().baseUrl).hostname || "localhost";
}

function oslo(date: Date) {
  // ical-generator formats a TZDate in its own zone; a plain Date would be formatted in the
  // process's local zone, whatever that is.
  return new TZDate(date, OSLO_TZID);
}


function newCalendar(name: string, method?: ICalCalendarMethod): ICalCalendar {
  return ical({
    name,
    prodId: { company: "Samhandling", product: "Samhandling", language: "NB" },
    // No calendar-wide zone name: DTSTAMP then stays in UTC as RFC 5545 requires, while every
    // event carries TZID=Europe/Oslo and the generator adds the matching VTIMEZONE.
    timezone: { name: "", generator: (tz) => (tz === OSLO_TZID ? osloVTimezone() : null) },
    method,
    ttl: 60 * 60,
  });
}

export function eventLocation(e: CalendarEvent): string {
  return `${e.venueName}, ${e.venueAddress}, ${formatPostalPlace(e.venuePostcode, e.venueCity)}`;
}

function eventDescription(e: CalendarEvent): string {
  const lines = [e.summary, "", absoluteUrl(`/events/${e.slug}`)];
  if (e.livestreamUrl) lines.push("", `Direktesending: ${e.livestreamUrl}`);
  return lines.join("\n");
}

function addEvent(cal: ICalCalendar, e: CalendarEvent, uid: string, sequence: number) {
  return cal.createEvent({
    id: uid,
    sequence,
    start: oslo(e.startsAt),
    end: oslo(e.endsAt),
    timezone: OSLO_TZID,
    stamp: e.updatedAt,
    lastModified: e.updatedAt,
    summary: e.title,
    description: eventDescription(e),
    location: eventLocation(e),
    url: absoluteUrl(`/events/${e.slug}`),
    status: e.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

export const eventUid = (eventId: string) => `event-${eventId}@${host()}`;
export const itemUid = (itemId: string) => `item-${itemId}@${host()}`;
export const registrationUid = (registrationId: string) => `registration-${registrationId}@${host()}`;

/** /events/:slug/calendar.ics */
export function eventIcs(e: CalendarEvent): string {
  const cal = newCalendar(e.title, ICalCalendarMethod.PUBLISH);
  addEvent(cal, e, eventUid(e.id), e.sequence);
  return cal.toString();
}

/** /events/:slug/programme.ics: one VEVENT per programme item. */
export function programmeIcs(e: CalendarEvent, items: CalendarItem[], locale: Locale = DEFAULT_LOCALE): string {
  const cal = newCalendar(translator(locale)("public:calendar.programmeName", { event: e.title }), ICalCalendarMethod.PUBLISH);
  for (const item of items) {
    cal.createEvent({
      id: itemUid(item.id),
      sequence: e.sequence,
      start: oslo(item.startsAt),
      end: oslo(item.endsAt),
      timezone: OSLO_TZID,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      summary: item.title,
      description: [item.description, "", `${e.title}: ${absoluteUrl(`/events/${e.slug}`)}`].join("\n").trim(),
      location: [item.room, eventLocation(e)].filter(Boolean).join(", "),
      url: absoluteUrl(`/events/${e.slug}#item-${item.id}`),
      status: e.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** /calendar.ics: every published upcoming event, for subscription. */
export function feedIcs(name: string, events: CalendarEvent[]): string {
  const cal = newCalendar(name, ICalCalendarMethod.PUBLISH);
  for (const e of events) addEvent(cal, e, eventUid(e.id), e.sequence);
  return cal.toString();
}

/**
 * A personal invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL) for one
 * registration, attached to the confirmation, promotion and cancellation mails.
 */
export function invitationIcs(
  e: CalendarEvent,
  reg: { id: string; name: string; email: string; icsSequence: number },
  method: "REQUEST" | "CANCEL",
): string {
  const cal = newCalendar(e.title, method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  const event = addEvent(cal, e, registrationUid(reg.id), e.sequence + reg.icsSequence);
  const sender = mailSender();
  event.organizer({ name: sender.name, email: sender.address });
  event.createAttendee({ name: reg.name, email: reg.email, rsvp: false, status: "ACCEPTED" as never });
  if (method === "CANCEL") event.status(ICalEventStatus.CANCELLED);
  return cal.toString();
}
