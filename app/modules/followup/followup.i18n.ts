// Public texts about minutes and follow-up (event page, item page, status mail) in the three
// site languages. Titles, summaries and answers are written by staff in bokmål.
import type { Locale } from "~/i18n";
import type { FollowUpStatus } from "./followup.schema";

type Texts = {
  minutesHeading: string;
  minutesPublished: string;
  followUpHeading: string;
  followUpIntro: string;
  none: string;
  unit: string;
  status: string;
  reason: string;
  answer: string;
  readMore: string;
  summary: string;
  history: string;
  backToEvent: string;
  notFound: string;
  statuses: Record<FollowUpStatus, string>;
  mailSubject: string;
  mailBody: string;
  mailLink: string;
  mailGreetingNoName: string;
};

export const followUpTexts: Record<Locale, Texts> = {
  nb: {
    minutesHeading: "Referat",
    minutesPublished: "Publisert {when}",
    followUpHeading: "Hva skjedde med innspillene?",
    followUpIntro: "Innspill og spørsmål fra møtet blir fulgt opp av kommunen. Her ser du hvem som har ansvaret, hvor langt saken har kommet og hva svaret er.",
    none: "Ingen oppfølgingspunkter ennå.",
    unit: "Ansvarlig",
    status: "Status",
    reason: "Begrunnelse",
    answer: "Svar",
    readMore: "Les mer om «{title}»",
    summary: "Hva som ble tatt opp",
    history: "Historikk",
    backToEvent: "Tilbake til {event}",
    notFound: "Fant ikke oppfølgingspunktet.",
    statuses: { REGISTERED: "Registrert", IN_PROGRESS: "Under arbeid", DONE: "Gjennomført", WONT_DO: "Blir ikke gjennomført" },
    mailSubject: "Oppfølgingen av innspillet ditt er oppdatert: {status}",
    mailBody: "Innspillet du sendte til {event} følges opp som «{title}». Status er nå: {status}.",
    mailLink: "Se svaret og hele historikken her:",
    mailGreetingNoName: "der",
  },
  nn: {
    minutesHeading: "Referat",
    minutesPublished: "Publisert {when}",
    followUpHeading: "Kva skjedde med innspela?",
    followUpIntro: "Innspel og spørsmål frå møtet blir følgde opp av kommunen. Her ser du kven som har ansvaret, kor langt saka har kome og kva svaret er.",
    none: "Ingen oppfølgingspunkt enno.",
    unit: "Ansvarleg",
    status: "Status",
    reason: "Grunngiving",
    answer: "Svar",
    readMore: "Les meir om «{title}»",
    summary: "Kva som vart teke opp",
    history: "Historikk",
    backToEvent: "Tilbake til {event}",
    notFound: "Fann ikkje oppfølgingspunktet.",
    statuses: { REGISTERED: "Registrert", IN_PROGRESS: "Under arbeid", DONE: "Gjennomført", WONT_DO: "Blir ikkje gjennomført" },
    mailSubject: "Oppfølginga av innspelet ditt er oppdatert: {status}",
    mailBody: "Innspelet du sende til {event} blir følgt opp som «{title}». Status er no: {status}.",
    mailLink: "Sjå svaret og heile historikken her:",
    mailGreetingNoName: "der",
  },
  en: {
    minutesHeading: "Minutes",
    minutesPublished: "Published {when}",
    followUpHeading: "What happened to the input?",
    followUpIntro: "The municipality follows up input and questions from the meeting. Here you see who is responsible, how far each matter has come and what the answer is.",
    none: "No follow-up items yet.",
    unit: "Responsible",
    status: "Status",
    reason: "Reason",
    answer: "Answer",
    readMore: "Read more about “{title}”",
    summary: "What was raised",
    history: "History",
    backToEvent: "Back to {event}",
    notFound: "We could not find this follow-up item.",
    statuses: { REGISTERED: "Registered", IN_PROGRESS: "In progress", DONE: "Done", WONT_DO: "Will not be done" },
    mailSubject: "The follow-up of your input has been updated: {status}",
    mailBody: "The input you sent to {event} is being followed up as “{title}”. The status is now: {status}.",
    mailLink: "See the answer and the full history here:",
    mailGreetingNoName: "there",
  },
};

export function statusText(status: string, locale: Locale): string {
  return (followUpTexts[locale].statuses as Record<string, string>)[status] ?? status;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}
