// Texts of the public input form, the "Send innspill" block on the event page and the receipt
// mail, in the three site languages.
import type { Locale } from "~/i18n";

type Texts = {
  title: string;
  intro: string;
  introAfter: string;
  theme: string;
  chooseTheme: string;
  text: string;
  textHelp: string;
  contactHeading: string;
  contactIntro: string;
  name: string;
  email: string;
  phone: string;
  consent: string;
  privacyNotice: string;
  send: string;
  thanks: string;
  thanksMail: string;
  backToEvent: string;
  blockHeading: string;
  blockIntro: string;
  blockLink: string;
  blockRequest: string;
  blockRequestLink: string;
  closed: string;
  errors: Record<"input.theme" | "input.text" | "input.consent", string>;
  mailSubject: string;
  mailBody: string;
  mailFollow: string;
  mailLink: string;
  mailGreetingNoName: string;
};

export const inputTexts: Record<Locale, Texts> = {
  nb: {
    title: "Send innspill",
    intro: "Har du noe du vil at formannskapet skal vite før dialogmøtet? Skriv det her. Innspillene blir lest og fulgt opp, og du kan se på arrangementssiden hva som skjedde med dem.",
    introAfter: "Møtet er holdt, men du kan fortsatt sende innspill. De blir lest og fulgt opp sammen med det som kom fram på møtet.",
    theme: "Tema",
    chooseTheme: "Velg tema",
    text: "Innspillet ditt",
    textHelp: "Skriv ikke opplysninger om andre personer. Innspillet kan bli sitert uten navn når vi svarer offentlig.",
    contactHeading: "Kontaktopplysninger (valgfritt)",
    contactIntro: "Legger du igjen e-postadressen din, får du beskjed når oppfølgingen av innspillet endrer seg. Du kan også sende innspill uten navn.",
    name: "Navn (valgfritt)",
    email: "E-postadresse (valgfritt)",
    phone: "Mobilnummer (valgfritt)",
    consent: "Jeg har lest personvernerklæringen og godtar at kontaktopplysningene mine brukes til å følge opp innspillet.",
    privacyNotice: "Personvernerklæring",
    send: "Send innspill",
    thanks: "Takk! Innspillet ditt er mottatt.",
    thanksMail: "Vi har sendt en kvittering til e-postadressen din.",
    backToEvent: "Tilbake til arrangementet",
    blockHeading: "Send innspill",
    blockIntro: "Har du et innspill til formannskapet – før eller etter møtet? Alle innspill blir lest og fulgt opp.",
    blockLink: "Send innspill til dette møtet",
    blockRequest: "Vil laget eller foreningen din ha ordet på møtet?",
    blockRequestLink: "Be om et innlegg",
    closed: "Dette møtet tar ikke imot innspill.",
    errors: {
      "input.theme": "Velg et tema fra listen.",
      "input.text": "Skriv innspillet ditt (minst 3 tegn).",
      "input.consent": "Du må godta personvernerklæringen når du legger igjen e-post eller telefonnummer.",
    },
    mailSubject: "Vi har mottatt innspillet ditt: {event}",
    mailBody: "Takk for innspillet ditt til {event}. {Unit} leser alle innspill og gjør dem til oppfølgingspunkter der det passer.",
    mailFollow: "Du får en e-post når oppfølgingen av innspillet ditt endrer status.",
    mailLink: "Se arrangementet og hva som skjer med innspillene:",
    mailGreetingNoName: "der",
  },
  nn: {
    title: "Send innspel",
    intro: "Har du noko du vil at formannskapet skal vite før dialogmøtet? Skriv det her. Innspela blir lesne og følgde opp, og du kan sjå på arrangementssida kva som skjedde med dei.",
    introAfter: "Møtet er halde, men du kan framleis sende innspel. Dei blir lesne og følgde opp saman med det som kom fram på møtet.",
    theme: "Tema",
    chooseTheme: "Vel tema",
    text: "Innspelet ditt",
    textHelp: "Skriv ikkje opplysningar om andre personar. Innspelet kan bli sitert utan namn når vi svarar offentleg.",
    contactHeading: "Kontaktopplysningar (valfritt)",
    contactIntro: "Legg du att e-postadressa di, får du melding når oppfølginga av innspelet endrar seg. Du kan òg sende innspel utan namn.",
    name: "Namn (valfritt)",
    email: "E-postadresse (valfritt)",
    phone: "Mobilnummer (valfritt)",
    consent: "Eg har lese personvernerklæringa og godtek at kontaktopplysningane mine blir brukte til å følgje opp innspelet.",
    privacyNotice: "Personvernerklæring",
    send: "Send innspel",
    thanks: "Takk! Innspelet ditt er motteke.",
    thanksMail: "Vi har sendt ei kvittering til e-postadressa di.",
    backToEvent: "Tilbake til arrangementet",
    blockHeading: "Send innspel",
    blockIntro: "Har du eit innspel til formannskapet – før eller etter møtet? Alle innspel blir lesne og følgde opp.",
    blockLink: "Send innspel til dette møtet",
    blockRequest: "Vil laget eller foreininga di ha ordet på møtet?",
    blockRequestLink: "Be om eit innlegg",
    closed: "Dette møtet tek ikkje imot innspel.",
    errors: {
      "input.theme": "Vel eit tema frå lista.",
      "input.text": "Skriv innspelet ditt (minst 3 teikn).",
      "input.consent": "Du må godta personvernerklæringa når du legg att e-post eller telefonnummer.",
    },
    mailSubject: "Vi har motteke innspelet ditt: {event}",
    mailBody: "Takk for innspelet ditt til {event}. {Unit} les alle innspel og gjer dei til oppfølgingspunkt der det passar.",
    mailFollow: "Du får ein e-post når oppfølginga av innspelet ditt endrar status.",
    mailLink: "Sjå arrangementet og kva som skjer med innspela:",
    mailGreetingNoName: "der",
  },
  en: {
    title: "Send your input",
    intro: "Is there something you want the executive committee to know before the dialogue meeting? Write it here. All input is read and followed up, and the event page shows what happened to it.",
    introAfter: "The meeting has taken place, but you can still send input. It is read and followed up together with what came up at the meeting.",
    theme: "Topic",
    chooseTheme: "Choose a topic",
    text: "Your input",
    textHelp: "Do not write personal details about other people. Your input may be quoted without your name when we answer publicly.",
    contactHeading: "Contact details (optional)",
    contactIntro: "If you leave your e-mail address, we will tell you when the follow-up of your input changes. You can also send input without a name.",
    name: "Name (optional)",
    email: "E-mail address (optional)",
    phone: "Mobile number (optional)",
    consent: "I have read the privacy notice and agree that my contact details are used to follow up my input.",
    privacyNotice: "Privacy notice",
    send: "Send input",
    thanks: "Thank you! We have received your input.",
    thanksMail: "We have sent a receipt to your e-mail address.",
    backToEvent: "Back to the event",
    blockHeading: "Send your input",
    blockIntro: "Do you have input for the executive committee – before or after the meeting? All input is read and followed up.",
    blockLink: "Send input to this meeting",
    blockRequest: "Would your club or association like to speak at the meeting?",
    blockRequestLink: "Ask for a slot",
    closed: "This meeting does not take input.",
    errors: {
      "input.theme": "Choose a topic from the list.",
      "input.text": "Write your input (at least 3 characters).",
      "input.consent": "You must accept the privacy notice when you leave an e-mail address or phone number.",
    },
    mailSubject: "We have received your input: {event}",
    mailBody: "Thank you for your input to {event}. {Unit} reads all input and turns it into follow-up items where it fits.",
    mailFollow: "You will get an e-mail when the status of the follow-up of your input changes.",
    mailLink: "See the event and what happens to the input:",
    mailGreetingNoName: "there",
  },
};
