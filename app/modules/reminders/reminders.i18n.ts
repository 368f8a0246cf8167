// Attendee-facing words of the reminder mail, in the three languages attendees can choose.
import type { Locale } from "~/i18n/locales";

type ReminderText = {
  subject: string;
  intro: string;
  programme: string;
  livestream: string;
  cannotCome: string;
};

export const reminderText: Record<Locale, ReminderText> = {
  nb: {
    subject: "Påminnelse: {event}, {date}",
    intro: "Velkommen til {event}! Dette er en påminnelse om at du er påmeldt.",
    programme: "Program",
    livestream: "Direktesending",
    cannotCome: "Kan du ikke komme likevel? Meld deg av via lenken under, så går plassen til noen på ventelisten.",
  },
  nn: {
    subject: "Påminning: {event}, {date}",
    intro: "Velkomen til {event}! Dette er ei påminning om at du er påmeld.",
    programme: "Program",
    livestream: "Direktesending",
    cannotCome: "Kan du ikkje kome likevel? Meld deg av via lenkja under, så går plassen til nokon på ventelista.",
  },
  en: {
    subject: "Reminder: {event}, {date}",
    intro: "Welcome to {event}! This is a reminder that you are registered.",
    programme: "Programme",
    livestream: "Livestream",
    cannotCome: "Can't come after all? Please cancel through the link below, so that someone on the waiting list gets your seat.",
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
