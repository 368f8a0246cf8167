// Texts of the public request pages and the sender's mails, in the three site languages.
import type { Locale } from "~/i18n/locales";
import type { RequestErrorKey } from "./request.schema";

type Status = "RECEIVED" | "IN_REVIEW" | "ACCEPTED" | "ANSWERED" | "DECLINED";

export type RequestTexts = {
  title: string;
  intro: string;
  kindLegend: string;
  kindSlot: string;
  kindMeeting: string;
  event: string;
  eventHelp: string;
  noEvents: string;
  choose: string;
  district: string;
  districtHelp: string;
  organisationName: string;
  organisationNumber: string;
  organisationNumberHelp: string;
  contactName: string;
  contactEmail: string;
  contactEmailHelp: string;
  contactPhone: string;
  topic: string;
  topicHelp: string;
  description: string;
  descriptionHelp: string;
  preferredTime: string;
  preferredTimeHelp: string;
  optional: string;
  required: string;
  privacyHeading: string;
  privacy: string[];
  consent: string;
  honeypot: string;
  send: string;
  errors: Record<RequestErrorKey, string>;
  // The status page
  statusTitle: string;
  statusIntro: string;
  sent: string;
  statusLabel: string;
  statuses: Record<Status, string>;
  statusExplained: Record<Status, string>;
  yourRequest: string;
  kindLabel: string;
  meeting: string;
  reply: string;
  reason: string;
  slotHeading: string;
  slotTime: string;
  slotEvent: string;
  seeEvent: string;
  history: string;
  notFound: string;
  // Mail
  mailSubject: Record<Status, string>;
  mailBody: Record<Status, string>;
  mailMessage: string;
  mailReason: string;
  mailLink: string;
  mailLinkButton: string;
  mailTopic: string;
  mailEvent: string;
  mailSlot: string;
  mailPlace: string;
};

const nb: RequestTexts = {
  title: "Be om dialogmøte eller innlegg",
  intro:
    "Er dere en velforening, et lag eller en forening som vil snakke med formannskapet? Be om et innlegg på et dialogmøte som er planlagt, eller om et dialogmøte i bydelen deres. {Unit} svarer, og dere kan følge forespørselen gjennom en personlig lenke. Skjemaet finner du også nederst på alle sider: «Be om dialogmøte».",
  kindLegend: "Hva ber dere om?",
  kindSlot: "Et innlegg (om lag 5 minutter) på et planlagt dialogmøte",
  kindMeeting: "Et dialogmøte i bydelen vår",
  event: "Dialogmøte",
  eventHelp: "Gjelder bare innlegg på et planlagt dialogmøte.",
  noEvents: "Det er ingen planlagte dialogmøter akkurat nå. Be om et dialogmøte i bydelen i stedet.",
  choose: "Velg",
  district: "Bydel",
  districtHelp: "Gjelder bare et dialogmøte i bydelen.",
  organisationName: "Navn på organisasjonen",
  organisationNumber: "Organisasjonsnummer (valgfritt)",
  organisationNumberHelp: "Ni siffer fra Brønnøysundregistrene, for eksempel 963 296 746.",
  contactName: "Kontaktperson",
  contactEmail: "E-postadresse",
  contactEmailHelp: "Vi sender kvittering og svar hit, med lenken der dere følger forespørselen.",
  contactPhone: "Telefon (valgfritt)",
  topic: "Tema",
  topicHelp: "Hva vil dere ta opp? For eksempel «Trygg skolevei».",
  description: "Beskrivelse",
  descriptionHelp: "Fortell kort hva dere vil si eller oppnå.",
  preferredTime: "Ønsket tidspunkt (valgfritt)",
  preferredTimeHelp: "For eksempel «en kveld i mars» eller «ikke i skoleferien».",
  optional: "(valgfritt)",
  required: "(må fylles ut)",
  privacyHeading: "Personvern",
  privacy: [
    "Vi lagrer det dere skriver i skjemaet: organisasjonen, kontaktpersonens navn, e-postadresse og eventuelt telefonnummer, og hva forespørselen gjelder.",
    "Opplysningene brukes bare til å behandle forespørselen og svare dere. Det er {unit} i {org} som ser dem.",
    "Blir forespørselen godtatt, står organisasjonens navn og temaet i det offentlige programmet for møtet. Kontaktopplysningene vises aldri offentlig.",
    "Kontaktopplysningene slettes ett år etter at forespørselen er avgjort.",
  ],
  consent: "Jeg har lest om personvern og godtar at opplysningene brukes til å behandle forespørselen.",
  honeypot: "La dette feltet stå tomt",
  send: "Send forespørselen",
  errors: {
    kind: "Velg om dere ber om et innlegg eller et dialogmøte.",
    event: "Velg dialogmøtet dere vil ha innlegg på.",
    eventGone: "Dialogmøtet tar ikke imot forespørsler lenger. Velg et annet.",
    district: "Velg bydelen.",
    organisationName: "Skriv inn navnet på organisasjonen.",
    organisationNumber: "Organisasjonsnummeret er ikke gyldig. Det har ni siffer, for eksempel 963 296 746.",
    contactName: "Skriv inn navnet på kontaktpersonen.",
    email: "Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel.no.",
    phone: "Skriv inn et gyldig telefonnummer, for eksempel 12 34 56 78 eller +47 12 34 56 78.",
    topic: "Skriv inn temaet.",
    description: "Skriv en kort beskrivelse.",
    tooLong: "Teksten er for lang.",
    invalidChars: "Teksten inneholder tegn vi ikke kan ta imot.",
    consent: "Du må godta at vi bruker opplysningene for å sende forespørselen.",
    badRequest: "Vi kunne ikke lese skjemaet. Last siden på nytt og prøv igjen.",
    tooMany: "Det er sendt for mange skjemaer herfra. Vent litt og prøv igjen.",
  },
  statusTitle: "Forespørselen deres",
  statusIntro: "Denne siden er personlig. Ta vare på lenken; vi sender den også på e-post.",
  sent: "Takk! Forespørselen er sendt. Vi har sendt en kvittering på e-post.",
  statusLabel: "Status",
  statuses: { RECEIVED: "Mottatt", IN_REVIEW: "Under behandling", ACCEPTED: "Godtatt", ANSWERED: "Besvart", DECLINED: "Avslått" },
  statusExplained: {
    RECEIVED: "Vi har mottatt forespørselen og ser på den så snart vi kan.",
    IN_REVIEW: "{Unit} behandler forespørselen.",
    ACCEPTED: "Forespørselen er godtatt.",
    ANSWERED: "{Unit} har svart på forespørselen.",
    DECLINED: "Forespørselen er avslått.",
  },
  yourRequest: "Hva dere ba om",
  kindLabel: "Gjelder",
  meeting: "Dialogmøte",
  reply: "Svar fra {unit}",
  reason: "Begrunnelse",
  slotHeading: "Innlegget deres i programmet",
  slotTime: "Tid",
  slotEvent: "Møte",
  seeEvent: "Se møtet og programmet",
  history: "Historikk",
  notFound: "Vi finner ingen forespørsel med denne lenken. Sjekk at hele lenken fra e-posten er med.",
  mailSubject: {
    RECEIVED: "Vi har mottatt forespørselen: {topic}",
    IN_REVIEW: "Forespørselen er under behandling: {topic}",
    ACCEPTED: "Forespørselen er godtatt: {topic}",
    ANSWERED: "Svar på forespørselen: {topic}",
    DECLINED: "Forespørselen er avslått: {topic}",
  },
  mailBody: {
    RECEIVED: "Takk for forespørselen fra {organisation}. {Unit} ser på den og gir beskjed når noe skjer.",
    IN_REVIEW: "{Unit} behandler nå forespørselen fra {organisation}.",
    ACCEPTED: "Forespørselen fra {organisation} er godtatt, og innlegget deres står i programmet.",
    ANSWERED: "{Unit} har svart på forespørselen fra {organisation}.",
    DECLINED: "Forespørselen fra {organisation} er dessverre avslått.",
  },
  mailMessage: "Melding fra {unit}: {message}",
  mailReason: "Begrunnelse: {message}",
  mailLink: "Følg forespørselen her:",
  mailLinkButton: "Se forespørselen",
  mailTopic: "Tema",
  mailEvent: "Møte",
  mailSlot: "Tid for innlegget",
  mailPlace: "Sted",
};

const nn: RequestTexts = {
  title: "Be om dialogmøte eller innlegg",
  intro:
    "Er de ei velforeining, eit lag eller ei foreining som vil snakke med formannskapet? Be om eit innlegg på eit dialogmøte som er planlagt, eller om eit dialogmøte i bydelen dykkar. {Unit} svarar, og de kan følgje førespurnaden gjennom ei personleg lenkje. Skjemaet finn du også nedst på alle sider: «Be om dialogmøte».",
  kindLegend: "Kva ber de om?",
  kindSlot: "Eit innlegg (om lag 5 minutt) på eit planlagt dialogmøte",
  kindMeeting: "Eit dialogmøte i bydelen vår",
  event: "Dialogmøte",
  eventHelp: "Gjeld berre innlegg på eit planlagt dialogmøte.",
  noEvents: "Det er ingen planlagde dialogmøte akkurat no. Be om eit dialogmøte i bydelen i staden.",
  choose: "Vel",
  district: "Bydel",
  districtHelp: "Gjeld berre eit dialogmøte i bydelen.",
  organisationName: "Namnet på organisasjonen",
  organisationNumber: "Organisasjonsnummer (valfritt)",
  organisationNumberHelp: "Ni siffer frå Brønnøysundregistera, til dømes 963 296 746.",
  contactName: "Kontaktperson",
  contactEmail: "E-postadresse",
  contactEmailHelp: "Vi sender kvittering og svar hit, med lenkja der de følgjer førespurnaden.",
  contactPhone: "Telefon (valfritt)",
  topic: "Tema",
  topicHelp: "Kva vil de ta opp? Til dømes «Trygg skuleveg».",
  description: "Skildring",
  descriptionHelp: "Fortel kort kva de vil seie eller oppnå.",
  preferredTime: "Ønskt tidspunkt (valfritt)",
  preferredTimeHelp: "Til dømes «ein kveld i mars» eller «ikkje i skuleferien».",
  optional: "(valfritt)",
  required: "(må fyllast ut)",
  privacyHeading: "Personvern",
  privacy: [
    "Vi lagrar det de skriv i skjemaet: organisasjonen, namnet, e-postadressa og eventuelt telefonnummeret til kontaktpersonen, og kva førespurnaden gjeld.",
    "Opplysningane blir berre brukte til å behandle førespurnaden og svare dykk. Det er {unit} i {org} som ser dei.",
    "Blir førespurnaden godteken, står namnet på organisasjonen og temaet i det offentlege programmet for møtet. Kontaktopplysningane blir aldri viste offentleg.",
    "Kontaktopplysningane blir sletta eitt år etter at førespurnaden er avgjord.",
  ],
  consent: "Eg har lese om personvern og godtek at opplysningane blir brukte til å behandle førespurnaden.",
  honeypot: "La dette feltet stå tomt",
  send: "Send førespurnaden",
  errors: {
    kind: "Vel om de ber om eit innlegg eller eit dialogmøte.",
    event: "Vel dialogmøtet de vil ha innlegg på.",
    eventGone: "Dialogmøtet tek ikkje imot førespurnader lenger. Vel eit anna.",
    district: "Vel bydelen.",
    organisationName: "Skriv inn namnet på organisasjonen.",
    organisationNumber: "Organisasjonsnummeret er ikkje gyldig. Det har ni siffer, til dømes 963 296 746.",
    contactName: "Skriv inn namnet på kontaktpersonen.",
    email: "Skriv inn ei gyldig e-postadresse, til dømes namn@døme.no.",
    phone: "Skriv inn eit gyldig telefonnummer, til dømes 12 34 56 78 eller +47 12 34 56 78.",
    topic: "Skriv inn temaet.",
    description: "Skriv ei kort skildring.",
    tooLong: "Teksten er for lang.",
    invalidChars: "Teksten inneheld teikn vi ikkje kan ta imot.",
    consent: "Du må godta at vi brukar opplysningane for å sende førespurnaden.",
    badRequest: "Vi kunne ikkje lese skjemaet. Last sida på nytt og prøv igjen.",
    tooMany: "Det er sendt for mange skjema herifrå. Vent litt og prøv igjen.",
  },
  statusTitle: "Førespurnaden dykkar",
  statusIntro: "Denne sida er personleg. Ta vare på lenkja; vi sender henne også på e-post.",
  sent: "Takk! Førespurnaden er send. Vi har sendt ei kvittering på e-post.",
  statusLabel: "Status",
  statuses: { RECEIVED: "Motteken", IN_REVIEW: "Under behandling", ACCEPTED: "Godteken", ANSWERED: "Svara", DECLINED: "Avslått" },
  statusExplained: {
    RECEIVED: "Vi har motteke førespurnaden og ser på han så snart vi kan.",
    IN_REVIEW: "{Unit} behandlar førespurnaden.",
    ACCEPTED: "Førespurnaden er godteken.",
    ANSWERED: "{Unit} har svara på førespurnaden.",
    DECLINED: "Førespurnaden er avslått.",
  },
  yourRequest: "Kva de bad om",
  kindLabel: "Gjeld",
  meeting: "Dialogmøte",
  reply: "Svar frå {unit}",
  reason: "Grunngiving",
  slotHeading: "Innlegget dykkar i programmet",
  slotTime: "Tid",
  slotEvent: "Møte",
  seeEvent: "Sjå møtet og programmet",
  history: "Historikk",
  notFound: "Vi finn ingen førespurnad med denne lenkja. Sjekk at heile lenkja frå e-posten er med.",
  mailSubject: {
    RECEIVED: "Vi har motteke førespurnaden: {topic}",
    IN_REVIEW: "Førespurnaden er under behandling: {topic}",
    ACCEPTED: "Førespurnaden er godteken: {topic}",
    ANSWERED: "Svar på førespurnaden: {topic}",
    DECLINED: "Førespurnaden er avslått: {topic}",
  },
  mailBody: {
    RECEIVED: "Takk for førespurnaden frå {organisation}. {Unit} ser på han og gir beskjed når noko skjer.",
    IN_REVIEW: "{Unit} behandlar no førespurnaden frå {organisation}.",
    ACCEPTED: "Førespurnaden frå {organisation} er godteken, og innlegget dykkar står i programmet.",
    ANSWERED: "{Unit} har svara på førespurnaden frå {organisation}.",
    DECLINED: "Førespurnaden frå {organisation} er dessverre avslått.",
  },
  mailMessage: "Melding frå {unit}: {message}",
  mailReason: "Grunngiving: {message}",
  mailLink: "Følg førespurnaden her:",
  mailLinkButton: "Sjå førespurnaden",
  mailTopic: "Tema",
  mailEvent: "Møte",
  mailSlot: "Tid for innlegget",
  mailPlace: "Stad",
};

const en: RequestTexts = {
  title: "Ask for a dialogue meeting or a slot",
  intro:
    "Are you a neighbourhood association, club or society that wants to talk with the executive committee? Ask for a slot at a planned dialogue meeting, or for a dialogue meeting in your district. {Unit} answers, and you follow your request through a personal link. You also find this form at the bottom of every page: “Ask for a dialogue meeting”.",
  kindLegend: "What are you asking for?",
  kindSlot: "A slot (about 5 minutes) at a planned dialogue meeting",
  kindMeeting: "A dialogue meeting in our district",
  event: "Dialogue meeting",
  eventHelp: "Only for a slot at a planned dialogue meeting.",
  noEvents: "There are no planned dialogue meetings right now. Ask for a dialogue meeting in your district instead.",
  choose: "Choose",
  district: "District",
  districtHelp: "Only for a dialogue meeting in your district.",
  organisationName: "Name of the organisation",
  organisationNumber: "Organisation number (optional)",
  organisationNumberHelp: "Nine digits from the Brønnøysund Register Centre, for example 963 296 746.",
  contactName: "Contact person",
  contactEmail: "Email address",
  contactEmailHelp: "We send the receipt and our answers here, with the link where you follow the request.",
  contactPhone: "Phone (optional)",
  topic: "Topic",
  topicHelp: "What do you want to raise? For example “Safe routes to school”.",
  description: "Description",
  descriptionHelp: "Tell us briefly what you want to say or achieve.",
  preferredTime: "Preferred time (optional)",
  preferredTimeHelp: "For example “an evening in March” or “not during school holidays”.",
  optional: "(optional)",
  required: "(required)",
  privacyHeading: "Privacy",
  privacy: [
    "We store what you write in the form: the organisation, the contact person's name, email address and phone number if given, and what the request is about.",
    "The details are used only to handle the request and answer you. {Unit} at {org} sees them.",
    "If the request is accepted, the organisation's name and the topic appear in the meeting's public programme. Contact details are never shown publicly.",
    "Contact details are deleted one year after the request has been decided.",
  ],
  consent: "I have read about privacy and agree that the details are used to handle the request.",
  honeypot: "Leave this field empty",
  send: "Send the request",
  errors: {
    kind: "Choose whether you ask for a slot or a dialogue meeting.",
    event: "Choose the dialogue meeting you want a slot at.",
    eventGone: "That dialogue meeting no longer takes requests. Choose another.",
    district: "Choose the district.",
    organisationName: "Enter the name of the organisation.",
    organisationNumber: "The organisation number is not valid. It has nine digits, for example 963 296 746.",
    contactName: "Enter the contact person's name.",
    email: "Enter a valid email address, for example name@example.com.",
    phone: "Enter a valid phone number, for example 12 34 56 78 or +47 12 34 56 78.",
    topic: "Enter the topic.",
    description: "Write a short description.",
    tooLong: "The text is too long.",
    invalidChars: "The text contains characters we cannot accept.",
    consent: "You must agree that we use the details to send the request.",
    badRequest: "We could not read the form. Reload the page and try again.",
    tooMany: "Too many forms have been sent from here. Wait a little and try again.",
  },
  statusTitle: "Your request",
  statusIntro: "This page is personal. Keep the link; we also send it by email.",
  sent: "Thank you! The request has been sent. We have emailed you a receipt.",
  statusLabel: "Status",
  statuses: { RECEIVED: "Received", IN_REVIEW: "Being reviewed", ACCEPTED: "Accepted", ANSWERED: "Answered", DECLINED: "Declined" },
  statusExplained: {
    RECEIVED: "We have received the request and will look at it as soon as we can.",
    IN_REVIEW: "{Unit} is reviewing the request.",
    ACCEPTED: "The request has been accepted.",
    ANSWERED: "{Unit} has answered the request.",
    DECLINED: "The request has been declined.",
  },
  yourRequest: "What you asked for",
  kindLabel: "Request",
  meeting: "Dialogue meeting",
  reply: "Answer from {unit}",
  reason: "Reason",
  slotHeading: "Your slot in the programme",
  slotTime: "Time",
  slotEvent: "Meeting",
  seeEvent: "See the meeting and its programme",
  history: "History",
  notFound: "We cannot find a request with this link. Check that the whole link from the email is there.",
  mailSubject: {
    RECEIVED: "We have received your request: {topic}",
    IN_REVIEW: "Your request is being reviewed: {topic}",
    ACCEPTED: "Your request has been accepted: {topic}",
    ANSWERED: "Answer to your request: {topic}",
    DECLINED: "Your request has been declined: {topic}",
  },
  mailBody: {
    RECEIVED: "Thank you for the request from {organisation}. {Unit} will look at it and let you know when something happens.",
    IN_REVIEW: "{Unit} is now reviewing the request from {organisation}.",
    ACCEPTED: "The request from {organisation} has been accepted, and your slot is in the programme.",
    ANSWERED: "{Unit} has answered the request from {organisation}.",
    DECLINED: "Unfortunately, the request from {organisation} has been declined.",
  },
  mailMessage: "Message from {unit}: {message}",
  mailReason: "Reason: {message}",
  mailLink: "Follow the request here:",
  mailLinkButton: "See the request",
  mailTopic: "Topic",
  mailEvent: "Meeting",
  mailSlot: "Time of your slot",
  mailPlace: "Place",
};

export const requestTexts: Record<Locale, RequestTexts> = { nb, nn, en };

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

/** A schema message (an error key) in the reader's language; anything else reads as "could not read". */
export function requestError(texts: RequestTexts, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message in texts.errors ? texts.errors[message as RequestErrorKey] : texts.errors.badRequest;
}
