// Texts of the live block on the public event page, in the three site languages. The live
// pages themselves are bokmål, like the rest of the staff and live tools.
import type { Locale } from "~/i18n";

type Texts = {
  heading: string;
  intro: string;
  join: string;
  code: string;
  now: string;
  sessions: string;
};

export const liveTexts: Record<Locale, Texts> = {
  nb: {
    heading: "Still spørsmål – delta live",
    intro: "Still spørsmål, stem fram andres spørsmål og svar på avstemninger fra mobilen – i salen eller mens du ser direktesendingen. Du trenger ingen konto.",
    join: "Still spørsmål og delta",
    code: "Kode",
    now: "pågår nå",
    sessions: "Spørsmål til hver programpost",
  },
  nn: {
    heading: "Still spørsmål – delta direkte",
    intro: "Still spørsmål, stem fram spørsmåla til andre og svar på avstemmingar frå mobilen – i salen eller medan du ser direktesendinga. Du treng ingen konto.",
    join: "Still spørsmål og delta",
    code: "Kode",
    now: "går no",
    sessions: "Spørsmål til kvar programpost",
  },
  en: {
    heading: "Ask questions – take part live",
    intro: "Ask questions, upvote other people's questions and answer polls from your phone – in the hall or while watching the live stream. No account needed.",
    join: "Ask a question and take part",
    code: "Code",
    now: "on now",
    sessions: "Questions for each session",
  },
};
