// Texts of the privacy notice on public forms, in the three site languages.
import type { Locale } from "~/i18n";

type Texts = {
  heading: string;
  /** {date}: when the diet and accessibility answers are deleted */
  needs: string;
  /** {date}: when the registration is anonymised */
  registration: string;
  /** {date}: when the contact details on citizen input are removed */
  input: string;
  rights: string;
};

export const privacyTexts: Record<Locale, Texts> = {
  nb: {
    heading: "Personvernerklæring",
    needs: "Svar om kosthold og tilrettelegging slettes {date}.",
    registration: "Påmeldingen anonymiseres {date}.",
    input: "Navn, e-postadresse og telefonnummer du gir oss med innspillet, slettes {date}. Selve innspillet blir stående uten dem.",
    rights: "Du kan når som helst be om å få se eller slette opplysningene vi har om deg.",
  },
  nn: {
    heading: "Personvernerklæring",
    needs: "Svar om kosthald og tilrettelegging blir sletta {date}.",
    registration: "Påmeldinga blir anonymisert {date}.",
    input: "Namn, e-postadresse og telefonnummer du gir oss med innspelet, blir sletta {date}. Sjølve innspelet blir ståande utan dei.",
    rights: "Du kan når som helst be om å få sjå eller slette opplysningane vi har om deg.",
  },
  en: {
    heading: "Privacy notice",
    needs: "Answers about diet and accessibility are deleted on {date}.",
    registration: "Your registration is anonymised on {date}.",
    input: "The name, e-mail address and phone number you give with your input are deleted on {date}. The input itself stays, without them.",
    rights: "You can ask at any time to see or delete the information we hold about you.",
  },
};
