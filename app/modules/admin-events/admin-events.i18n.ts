// Attendee-facing texts of the mails an organiser's change sends, in nb, nn and en.
export type EventMailTexts = {
  changedSubject: string;
  changedBody: string;
  changedCalendar: string;
  cancelledSubject: string;
  cancelledBody: string;
};

const nb: EventMailTexts = {
  changedSubject: "Endret tid eller sted: {event}",
  changedBody: "Arrangøren har endret tid eller sted for «{event}». Her er oppdatert informasjon.",
  changedCalendar: "Den vedlagte kalenderoppføringen oppdaterer den du fikk tidligere.",
  cancelledSubject: "Avlyst: {event}",
  cancelledBody: "Arrangøren har dessverre avlyst «{event}». Påmeldingen din gjelder ikke lenger, og du trenger ikke gjøre noe.",
};

const nn: EventMailTexts = {
  changedSubject: "Endra tid eller stad: {event}",
  changedBody: "Arrangøren har endra tid eller stad for «{event}». Her er oppdatert informasjon.",
  changedCalendar: "Den vedlagde kalenderoppføringa oppdaterer den du fekk tidlegare.",
  cancelledSubject: "Avlyst: {event}",
  cancelledBody: "Arrangøren har dessverre avlyst «{event}». Påmeldinga di gjeld ikkje lenger, og du treng ikkje gjere noko.",
};

const en: EventMailTexts = {
  changedSubject: "New time or place: {event}",
  changedBody: "The organiser has changed the time or place of “{event}”. Here are the updated details.",
  changedCalendar: "The attached calendar entry updates the one you received earlier.",
  cancelledSubject: "Cancelled: {event}",
  cancelledBody: "Unfortunately the organiser has cancelled “{event}”. Your registration no longer applies and you do not need to do anything.",
};

export const eventMailTexts = { nb, nn, en } as const;
