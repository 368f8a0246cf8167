// The accessibility statement's facts from the organisation settings (Digdir's required content),
// in the three site languages. The rest of the page is in the site catalogs.
import type { Locale } from "~/i18n/locales";

export type StatementTexts = {
  status: string;
  lastChecked: string;
  notChecked: string;
  nonConformities: string;
  noNonConformities: string;
  statementLink: string;
  complaintLink: string;
  contact: string;
};

export const statementTexts: Record<Locale, StatementTexts> = {
  nb: {
    status: "Status for erklæringen",
    lastChecked: "Løsningen ble sist kontrollert {date}.",
    notChecked: "Datoen for siste kontroll er ikke fylt inn ennå.",
    nonConformities: "Kjente avvik fra kravene",
    noNonConformities: "Vi kjenner ikke til avvik fra kravene utover begrensningene over.",
    statementLink: "Les tilgjengelighetserklæringen på uustatus.no",
    complaintLink: "Klag til Tilsynet for universell utforming av ikt (Uutilsynet)",
    contact: "Kontakt: {contact}",
  },
  nn: {
    status: "Status for erklæringa",
    lastChecked: "Løysinga vart sist kontrollert {date}.",
    notChecked: "Datoen for siste kontroll er ikkje fylt inn enno.",
    nonConformities: "Kjende avvik frå krava",
    noNonConformities: "Vi kjenner ikkje til avvik frå krava utover avgrensingane over.",
    statementLink: "Les tilgjengelegheitserklæringa på uustatus.no",
    complaintLink: "Klag til Tilsynet for universell utforming av ikt (Uutilsynet)",
    contact: "Kontakt: {contact}",
  },
  en: {
    status: "Status of this statement",
    lastChecked: "The service was last checked on {date}.",
    notChecked: "The date of the last check has not been filled in yet.",
    nonConformities: "Known non-conformities",
    noNonConformities: "We know of no non-conformities beyond the limitations above.",
    statementLink: "Read the accessibility statement on uustatus.no",
    complaintLink: "Complain to the Authority for Universal Design of ICT (Uutilsynet)",
    contact: "Contact: {contact}",
  },
};
