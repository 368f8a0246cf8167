// Attendee-facing words of staff messages (the staff write the message itself).
import type { Locale } from "~/i18n/locales";

export const messagesText: Record<Locale, { event: string }> = {
  nb: { event: "Arrangement" },
  nn: { event: "Arrangement" },
  en: { event: "Event" },
};
