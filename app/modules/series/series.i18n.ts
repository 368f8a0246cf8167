// Texts of the public series page in nb, nn and en.
export type SeriesTexts = {
  upcoming: string;
  past: string;
  noUpcoming: string;
  subscribe: string;
  subscribeHelp: string;
  meetings: string;
  partOfSeries: string;
};

const nb: SeriesTexts = {
  upcoming: "Kommende møter",
  past: "Tidligere møter",
  noUpcoming: "Ingen kommende møter er publisert ennå.",
  subscribe: "Abonner på møteserien i kalenderen din (.ics)",
  subscribeHelp: "Kalenderen oppdateres når møter legges til eller endres.",
  meetings: "Møter i serien",
  partOfSeries: "Del av møteserien",
};

const nn: SeriesTexts = {
  upcoming: "Komande møte",
  past: "Tidlegare møte",
  noUpcoming: "Ingen komande møte er publiserte enno.",
  subscribe: "Abonner på møteserien i kalenderen din (.ics)",
  subscribeHelp: "Kalenderen vert oppdatert når møte vert lagde til eller endra.",
  meetings: "Møte i serien",
  partOfSeries: "Del av møteserien",
};

const en: SeriesTexts = {
  upcoming: "Upcoming meetings",
  past: "Past meetings",
  noUpcoming: "No upcoming meetings have been published yet.",
  subscribe: "Subscribe to the series in your calendar (.ics)",
  subscribeHelp: "The calendar updates when meetings are added or changed.",
  meetings: "Meetings in the series",
  partOfSeries: "Part of the series",
};

export const seriesTexts = { nb, nn, en } as const;
