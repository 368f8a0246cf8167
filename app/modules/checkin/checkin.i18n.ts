// Attendee-facing text about the check-in code (in the confirmation mail and on the personal
// page), in the three languages the public side speaks.
import type { Locale } from "~/i18n";

type Catalog = { intro: string; alt: string; code: string };

export const nb: Catalog = {
  intro: "Vis QR-koden under ved inngangen, så sjekker vi deg inn.",
  alt: "QR-kode for innsjekking",
  code: "Innsjekkingskode: {code}",
};

export const nn: Catalog = {
  intro: "Vis QR-koden under ved inngangen, så sjekkar vi deg inn.",
  alt: "QR-kode for innsjekking",
  code: "Innsjekkingskode: {code}",
};

export const en: Catalog = {
  intro: "Show the QR code below at the entrance and we will check you in.",
  alt: "QR code for check-in",
  code: "Check-in code: {code}",
};

const catalogs: Record<Locale, Catalog> = { nb, nn, en };

export function checkInText(locale: Locale): Catalog {
  return catalogs[locale] ?? nb;
}
