// Demo content for an empty database: Samhandlingskonferansen 2022 with its programme and
// speakers, a series of six formannskapets dialogmøter around `now` (with input, minutes and
// follow-up: dialogue-cycle.seed.server.ts), one dialogverksted and one draft. Runs only when there are no events at all, and writes everything in one
// transaction. Apart from `now` (which places the dialogue meetings and the workshop) the
// content is fixed, so two runs with the same `now` give the same data.
import { TZDate } from "@date-fns/tz";
import type { Db, Tx } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db.server";
import { seedDialogueCycle, type SeededMeeting } from "./dialogue-cycle.seed.server";

const TIME_ZONE = "Europe/Oslo";
const MINUTE = 60_000;

/**
 * The UTC instant of a wall-clock time in Europe/Oslo. `month` is 1–12 (not 0–11).
 * Days outside the month roll over as with `Date` (day 0 is the last day of the previous month).
 */
export function osloTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, 0, TIME_ZONE).getTime());
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (plain calendar days, no time zone involved)

type Day = { year: number; month: number; day: number };

function addDays(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(d: Day): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The n-th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, dow: number, n: number): Day {
  const first = weekday({ year, month, day: 1 });
  return { year, month, day: 1 + ((dow - first + 7) % 7) + (n - 1) * 7 };
}

/** The calendar day in Oslo of an instant. */
function osloDay(instant: Date): Day {
  const t = new TZDate(instant.getTime(), TIME_ZONE);
  return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate() };
}

/** "17.30" → the instant on that Oslo day. */
function at(d: Day, hhmm: string): Date {
  const [h, m] = hhmm.split(".").map(Number);
  return osloTime(d.year, d.month, d.day, h, m);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Lowercase ASCII slug: æ→ae, ø→o, å→a, other accents dropped, anything else becomes a hyphen. */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Registration closes at 12.00 the day before the event (Oslo time). */
function closesDayBefore(d: Day): Date {
  return at(addDays(d, -1), "12.00");
}

// ---------------------------------------------------------------------------------------------
// Texts

function privacyNotice(what: string, options: { streamed?: boolean } = {}): string {
  const parts = [
    `Kristiansand kommune ved Demokratienheten er behandlingsansvarlig for påmeldingen til ${what}.`,
    "Vi ber om navn og e-postadresse, og om du vil, mobilnummer og hvilken organisasjon du representerer.",
    "Opplysningene brukes bare til å holde oversikt over påmeldte og venteliste, sende deg bekreftelse med kalenderinvitasjon og gi beskjed om endringer.",
    "Svar om kosthold, allergier og tilrettelegging er frivillige og brukes bare til å planlegge servering og tilrettelegging. De lagres adskilt fra påmeldingen og slettes automatisk 14 dager etter arrangementet.",
    "Det er bare Demokratienheten og de som arrangerer arrangementet, som ser påmeldingene. Opplysningene deles ikke med andre, og nyhetsbrev får du bare hvis du krysser av for det.",
    "Ett år etter arrangementet anonymiseres påmeldingen, slik at bare antall deltakere står igjen.",
  ];
  if (options.streamed) {
    parts.push("Arrangementet strømmes direkte. Deltakere i salen kan komme med i oversiktsbilder, men vi viser ikke portretter uten samtykke.");
  }
  parts.push(
    "Du kan når som helst be om innsyn, retting eller sletting. Kontakt Demokratienheten i Kristiansand kommune, postmottak@kristiansand.kommune.no.",
  );
  return parts.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Organisations and speakers

type OrgKind =
  | "VELFORENING"
  | "DISTRICT_COUNCIL"
  | "SPORTS_CLUB"
  | "CHURCH"
  | "BUSINESS"
  | "VOLUNTARY"
  | "SCHOOL"
  | "MUNICIPALITY"
  | "OTHER";

type OrgSeed = { name: string; kind: OrgKind; description?: string; websiteUrl?: string };

const CONFERENCE_ORGS = {
  kristiansand: {
    name: "Kristiansand kommune",
    kind: "MUNICIPALITY",
    description: "Kommunen som arrangerer konferansen, dialogmøtene og dialogverkstedene, med visjonen «Sterkere sammen».",
    websiteUrl: "https://www.kristiansand.kommune.no",
  },
  trondheim: {
    name: "Trondheim kommune",
    kind: "MUNICIPALITY",
    description: "Kommunen bak Pilot 0-24 – Innbyggernes modell og arbeidet i Saupstad-Kolstad.",
    websiteUrl: "https://www.trondheim.kommune.no",
  },
  jegersberg: {
    name: "Jegersberg gård",
    kind: "MUNICIPALITY",
    description:
      "Rehabiliterings- og kompetansesenter der personer med langvarig rusavhengighet kan bo og leve i tre år mens de jobber eller tar utdanning. Kristiansand kommune samarbeider med Lillesand og Vennesla om driften. Her holder også JegErUng til.",
  },
  energiverket: {
    name: "Energiverket",
    kind: "MUNICIPALITY",
    description: "Et av innslagene fra Kristiansand kommune som gjorde sterkt inntrykk på deltakerne på Samhandlingskonferansen 2022.",
  },
  aarhus: {
    name: "Aarhus universitet",
    kind: "OTHER",
    websiteUrl: "https://www.au.dk",
  },
  ntnu: {
    name: "NTNU",
    kind: "OTHER",
    description: "Norges teknisk-naturvitenskapelige universitet.",
    websiteUrl: "https://www.ntnu.no",
  },
} satisfies Record<string, OrgSeed>;

type OrgKey = keyof typeof CONFERENCE_ORGS;

type SpeakerSeed = { name: string; role: string; org: OrgKey | null; bio: string };

const SPEAKERS = {
  skisland: {
    name: "Jan Oddvar Skisland",
    role: "Ordfører",
    org: "kristiansand",
    bio: "Jan Oddvar Skisland var ordfører i Kristiansand da han åpnet Samhandlingskonferansen 2022. I åpningstalen pekte han på klimaendringer, eldrebølge og levekårsforskjeller som store utfordringer for Kommune-Norge, og på at et godt og bærekraftig velferdssamfunn er et fellesskapsprosjekt. Budskapet hans var at kommunens folk må opp av kontorstolen og ut for å samhandle med innbyggerne.",
  },
  dunsaed: {
    name: "Camilla Dunsæd",
    role: "Kommunedirektør",
    org: "kristiansand",
    bio: "Camilla Dunsæd er kommunedirektør i Kristiansand. Hun peker på at bystyret er tydelig på at kommunen skal samhandle med innbyggerne og andre samfunnsaktører for å oppfylle visjonen «Sterkere sammen». Kjernen i den samhandlende kommunen er etter hennes syn kapasitetsbygging i mennesker og lokalsamfunn, med livskvalitet som mål.",
  },
  andersson: {
    name: "Sara Andersson",
    role: "Rådgiver og prosjektleder, Pilot 0-24 – Innbyggernes modell",
    org: "trondheim",
    bio: "Sara Andersson er prosjektleder i kommunedirektørens fagstab for helse og velferd i Trondheim kommune og en av lederne for Pilot 0-24 – Innbyggernes modell. Prosjektet går på tvers av sektorer for å gjøre tjenestene til utsatte barn og unge og familiene deres bedre koordinert og mer helhetlige. «Vi må spørre innbyggerne hva de trenger for å få et bedre liv.»",
  },
  alfsen: {
    name: "Kristin Tveranger Alfsen",
    role: "Rådgiver og prosjektleder, Pilot 0-24 – Innbyggernes modell",
    org: "trondheim",
    bio: "Kristin Tveranger Alfsen er rådgiver i Trondheim kommune og prosjektleder i Pilot 0-24 – Innbyggernes modell. Delprosjektene disponerer til sammen 16 millioner kroner fram til juni 2023, uten at det er bestemt på forhånd hvordan pengene skal brukes. Sammen med Sara Andersson fortalte hun om «Tidlig innsats i Brundalen», der familier får rask hjelp ut fra behov de selv definerer.",
  },
  gusdal: {
    name: "Espen Andre Gusdal",
    role: "Leder, JegErUng",
    org: "jegersberg",
    bio: "Espen Andre Gusdal er leder for JegErUng ved Jegersberg gård og har vært rusfri siden 2018. Uten manus fortalte han «rett fra levera» om livet som rusavhengig fra han var 12 til han var 33 år, og om hvordan gården ga ham tillit. JegErUng, der elever som trenger noe annet enn skolen kan tilby får oppgaver på gården, ble et fast tilbud i Kristiansand kommune i januar 2020.",
  },
  oyasaeter: {
    name: "Are Risto Øyasæter",
    role: "Saupstad-Kolstad",
    org: "trondheim",
    bio: "Are Risto Øyasæter har i åtte år jobbet tett på befolkningen i området Saupstad-Kolstad i Trondheim, sammen med Lene Markussen. Der har samhandling og byutvikling endret bydelens stolthet og relasjonelle kapasitet.",
  },
  markussen: {
    name: "Lene Markussen",
    role: "Saupstad-Kolstad",
    org: "trondheim",
    bio: "Lene Markussen har i åtte år jobbet tett på befolkningen i området Saupstad-Kolstad i Trondheim, sammen med Are Risto Øyasæter. Hun fortalte om hvordan samhandling med innbyggerne og byutvikling har gitt bydelen ny stolthet.",
  },
  hojberg: {
    name: "Niels Højberg",
    role: "Ledelsesekspert og rådgiver, Institut for Statskundskab",
    org: "aarhus",
    bio: "Niels Højberg er tidligere kommunedirektør i Aarhus, nå ledelsesekspert og rådgiver ved Aarhus universitet. Under overskriften «Mindre system. Mer borger.» argumenterte han for at kommunene må ta i bruk samhandling for ikke å tape velferd når det på grunn av demografiske endringer snart blir for få hender til å gjøre jobben.",
  },
  ness: {
    name: "Ottar Ness",
    role: "Professor i rådgivningsvitenskap",
    org: "ntnu",
    bio: "Ottar Ness er professor i rådgivningsvitenskap ved NTNU. «Vi må jobbe på kryss og tvers av ressurser i lokalsamfunnet for å skape livskvalitet og verdighet, der innbyggerne selv – sammen – blir en del av løsningen.»",
  },
  lindvig: {
    name: "Gunhild Ruud Lindvig",
    role: "Innbygger, Vågsbygd",
    org: null,
    bio: "Gunhild Ruud Lindvig bor i Vågsbygd i Kristiansand. Hun fortalte hvordan hun følte seg krenket da kommunen ikke ville ha dialog eller samhandling med innbyggerne i Vågsbygd da Åsane skole skulle legges ned. «Salg ble bestemt over hodet på oss. Kristiansand har en vei å gå som samhandlingskommune.»",
  },
  horsdal: {
    name: "Aase M. Hørsdal",
    role: "Parksjef",
    org: "kristiansand",
    bio: "Aase M. Hørsdal er parksjef i Kristiansand kommune. Hun fortalte om Bydelsfondet, som er et resultat av formannskapets dialogmøter og som senker terskelen mellom kommunen og innbyggerne. Innlegget bar preg av smittende humør og stolthet over egen arbeidsplass.",
  },
  auestad: {
    name: "Hallvard Auestad",
    role: "Leder, Demokratienheten",
    org: "kristiansand",
    bio: "Hallvard Auestad leder Demokratienheten i Kristiansand kommune, som tilrettelegger for formannskapets dialogmøter med innbyggerne. «Vi har tilrettelagt for nær et dialogmøte per måned de siste to-tre årene. Det innebærer mange møter med velforeninger, næringsliv og frivillige organisasjoner.»",
  },
} satisfies Record<string, SpeakerSeed>;

type SpeakerKey = keyof typeof SPEAKERS;

// ---------------------------------------------------------------------------------------------
// Samhandlingskonferansen 2022

type ItemKind = "TALK" | "PANEL" | "BREAK" | "ORGANISATION_SLOT" | "PUPILS" | "OPEN_FLOOR" | "OTHER";

type ConferenceItem = {
  day: 1 | 2;
  from: string;
  to: string;
  kind: ItemKind;
  title: string;
  description?: string;
  room?: string;
  speakers?: SpeakerKey[];
  org?: OrgKey;
};

const MAIN_ROOM = "Store sal";
const FOYER = "Foajeen";

const CONFERENCE_PROGRAMME: ConferenceItem[] = [
  // Torsdag 27. oktober
  {
    day: 1,
    from: "09.00",
    to: "09.30",
    kind: "TALK",
    title: "Åpning: Vi må forlate kontorstolen",
    description:
      "Ordføreren åpner konferansen. Kommune-Norge står overfor klimaendringer, eldrebølge og levekårsforskjeller – et godt og bærekraftig velferdssamfunn er et fellesskapsprosjekt vi må utvikle sammen.",
    speakers: ["skisland"],
  },
  {
    day: 1,
    from: "09.30",
    to: "10.00",
    kind: "TALK",
    title: "Samhandlingskommunen Kristiansand – sterkere sammen",
    description:
      "Hvorfor Kristiansand satser på samhandling med innbyggerne, og hva kommuneplanen «Sterkere sammen – Kristiansand mot 2030» betyr for måten kommunen jobber på.",
    speakers: ["dunsaed"],
  },
  { day: 1, from: "10.00", to: "10.15", kind: "BREAK", title: "Pause med kaffe", room: FOYER },
  {
    day: 1,
    from: "10.15",
    to: "11.15",
    kind: "TALK",
    title: "Mindre system. Mer borger.",
    description:
      "Når det blir for få hender til å gjøre jobben, må kommunene ta i bruk samhandling for ikke å tape velferd. Erfaringer fra Aarhus og dansk «kommune 3.0».",
    speakers: ["hojberg"],
  },
  {
    day: 1,
    from: "11.15",
    to: "12.00",
    kind: "PANEL",
    title: "Pilot 0-24 – Innbyggernes modell",
    description:
      "Radikal innovasjon i Trondheim: tjenester til utsatte barn, unge og familier på tvers av sektorer. Om «Tidlig innsats i Brundalen», Nav i barnehagen og økonomisk støtte direkte til familier – ut fra behov de selv definerer.",
    speakers: ["andersson", "alfsen"],
  },
  { day: 1, from: "12.00", to: "12.45", kind: "BREAK", title: "Lunsj", room: FOYER },
  {
    day: 1,
    from: "12.45",
    to: "13.30",
    kind: "TALK",
    title: "Jegersberg gård og JegErUng – rett fra levera",
    description:
      "Fra rusavhengighet til leder for JegErUng: om tillit, om å bli bygget opp til den man er, og om elever som får en alternativ opplæringsarena på gården.",
    speakers: ["gusdal"],
  },
  {
    day: 1,
    from: "13.30",
    to: "14.00",
    kind: "ORGANISATION_SLOT",
    title: "Energiverket",
    description: "Et samhandlingsprosjekt fra Kristiansand kommune presenterer seg.",
    org: "energiverket",
  },
  { day: 1, from: "14.00", to: "14.15", kind: "BREAK", title: "Pause", room: FOYER },
  {
    day: 1,
    from: "14.15",
    to: "14.45",
    kind: "TALK",
    title: "Kristiansand har en vei å gå som samhandlingskommune",
    description:
      "En innbygger fra Vågsbygd forteller hvordan det opplevdes da nedleggelsen av Åsane skole ble bestemt uten dialog med dem det gjaldt.",
    speakers: ["lindvig"],
  },
  {
    day: 1,
    from: "14.45",
    to: "15.30",
    kind: "OPEN_FLOOR",
    title: "Samtale i salen: Hva har vi hørt i dag?",
    description: "Spørsmål og innspill fra deltakerne i salen og fra dem som følger sendingen.",
  },

  // Fredag 28. oktober
  {
    day: 2,
    from: "09.00",
    to: "09.15",
    kind: "OTHER",
    title: "Velkommen til dag to",
    description: "Kort oppsummering av gårsdagen og dagens program.",
  },
  {
    day: 2,
    from: "09.15",
    to: "10.15",
    kind: "TALK",
    title: "Saupstad-Kolstad: en bydels stolthet og relasjonelle kapasitet",
    description:
      "Åtte år tett på befolkningen i Saupstad-Kolstad i Trondheim – om hvordan samhandling og byutvikling har endret en bydel.",
    speakers: ["oyasaeter", "markussen"],
  },
  { day: 2, from: "10.15", to: "10.30", kind: "BREAK", title: "Pause med kaffe", room: FOYER },
  {
    day: 2,
    from: "10.30",
    to: "11.30",
    kind: "TALK",
    title: "Livskvalitet og verdighet – sammen",
    description:
      "Vi må jobbe på kryss og tvers av ressurser i lokalsamfunnet, der innbyggerne selv – sammen – blir en del av løsningen.",
    speakers: ["ness"],
  },
  { day: 2, from: "11.30", to: "12.15", kind: "BREAK", title: "Lunsj", room: FOYER },
  {
    day: 2,
    from: "12.15",
    to: "12.45",
    kind: "TALK",
    title: "Bydelsfondet – et resultat av dialogmøtene",
    description:
      "Om fondet som lag og foreninger i bydelene kan søke, og som senker terskelen mellom kommunen og innbyggerne.",
    speakers: ["horsdal"],
  },
  {
    day: 2,
    from: "12.45",
    to: "13.15",
    kind: "TALK",
    title: "Formannskapets dialogmøter – slik gjør vi det",
    description:
      "Nær ett dialogmøte i måneden: om tilretteleggingen, og om de mange møtene med velforeninger, næringsliv og frivillige organisasjoner før hvert dialogmøte.",
    speakers: ["auestad"],
  },
  { day: 2, from: "13.15", to: "13.30", kind: "BREAK", title: "Pause", room: FOYER },
  {
    day: 2,
    from: "13.30",
    to: "14.15",
    kind: "OTHER",
    title: "Samtale rundt bordene: Hva betyr samhandling for oss?",
    description: "Deltakerne drøfter i grupper hva de tar med seg tilbake til egen arbeidsplass, organisasjon eller bydel.",
  },
  {
    day: 2,
    from: "14.15",
    to: "15.15",
    kind: "PANEL",
    title: "Avslutningspanel: Hvordan endrer vi kulturen?",
    description:
      "Hvordan får vi kommuneorganisasjonen til å endre kultur og virkelig begynne å samhandle med hverandre og innbyggerne? Panelsamtale med konferansens sentrale aktører.",
    speakers: ["dunsaed", "hojberg", "ness", "andersson", "auestad"],
  },
  {
    day: 2,
    from: "15.15",
    to: "15.30",
    kind: "OTHER",
    title: "Avslutning",
    description: "Ordføreren takker for to dager og peker på veien videre.",
    speakers: ["skisland"],
  },
];

// ---------------------------------------------------------------------------------------------
// Formannskapets dialogmøter

type DistrictOrg = { name: string; kind: OrgKind; minutes: number; topic: string };

type District = {
  name: string;
  venueName: string;
  venueAddress: string;
  venuePostcode: string;
  room: string;
  school: string;
  orgs: DistrictOrg[];
};

const DISTRICTS: District[] = [
  {
    name: "Vågsbygd",
    venueName: "Vågsbygd skole",
    venueAddress: "Vågsbygdveien 46",
    venuePostcode: "4621",
    room: "Gymsalen",
    school: "Vågsbygd skole",
    orgs: [
      { name: "Vågsbygd velforening", kind: "VELFORENING", minutes: 8, topic: "Trygg skolevei og bedre gatelys" },
      { name: "Vågsbygd bydelsråd", kind: "DISTRICT_COUNCIL", minutes: 8, topic: "Skolestruktur og møteplasser i bydelen" },
      { name: "Vågsbygd idrettslag", kind: "SPORTS_CLUB", minutes: 7, topic: "Hallkapasitet og frivillige trenere" },
      { name: "Vågsbygd menighet", kind: "CHURCH", minutes: 7, topic: "Et møtested for alle generasjoner" },
    ],
  },
  {
    name: "Lund",
    venueName: "Kristiansand katedralskole Gimle",
    venueAddress: "Gimleveien 25",
    venuePostcode: "4630",
    room: "Aulaen",
    school: "Kristiansand katedralskole Gimle",
    orgs: [
      { name: "Lund velforening", kind: "VELFORENING", minutes: 8, topic: "Trafikken gjennom bydelen" },
      { name: "Lund bydelsråd", kind: "DISTRICT_COUNCIL", minutes: 7, topic: "Grøntområder og turstier langs Otra" },
      { name: "Lund idrettslag", kind: "SPORTS_CLUB", minutes: 7, topic: "Aktivitet for barn og unge som faller utenfor" },
      { name: "Lund menighet", kind: "CHURCH", minutes: 8, topic: "Frivillighet og fellesskap for eldre" },
    ],
  },
  {
    name: "Søm",
    venueName: "Søm skole",
    venueAddress: "Sømsveien 139",
    venuePostcode: "4637",
    room: "Gymsalen",
    school: "Søm skole",
    orgs: [
      { name: "Søm velforening", kind: "VELFORENING", minutes: 10, topic: "Gang- og sykkelvei langs Sømsveien" },
      { name: "Søm bydelsråd", kind: "DISTRICT_COUNCIL", minutes: 10, topic: "Et samlingssted for hele bydelen" },
      { name: "Søm idrettslag", kind: "SPORTS_CLUB", minutes: 10, topic: "Kunstgress og lys på banen" },
    ],
  },
  {
    name: "Hånes",
    venueName: "Hånes skole",
    venueAddress: "Hånesveien 47",
    venuePostcode: "4638",
    room: "Gymsalen",
    school: "Hånes skole",
    orgs: [
      { name: "Hånes velforening", kind: "VELFORENING", minutes: 8, topic: "Busstilbudet på kveld og i helg" },
      { name: "Hånes bydelsråd", kind: "DISTRICT_COUNCIL", minutes: 7, topic: "Boligbygging og nye innbyggere" },
      { name: "Hånes idrettslag", kind: "SPORTS_CLUB", minutes: 7, topic: "Dugnad, frivillige og kommunale avgifter" },
      { name: "Hånes menighet", kind: "CHURCH", minutes: 8, topic: "Ungdomsarbeid og trygge møteplasser" },
    ],
  },
  {
    name: "Randesund",
    venueName: "Tinntjønn skole",
    venueAddress: "Ålefjærveien 300",
    venuePostcode: "4639",
    room: "Gymsalen",
    school: "Tinntjønn skole",
    orgs: [
      { name: "Randesund velforening", kind: "VELFORENING", minutes: 8, topic: "Adkomst til friområdene ved sjøen" },
      { name: "Randesund bydelsråd", kind: "DISTRICT_COUNCIL", minutes: 7, topic: "Hva Randesund trenger de neste ti årene" },
      { name: "Randesund idrettslag", kind: "SPORTS_CLUB", minutes: 7, topic: "Flere hender til barneidretten" },
      { name: "Randesund frivilligsentral", kind: "VOLUNTARY", minutes: 8, topic: "Nye innbyggere og frivillighet" },
    ],
  },
  {
    name: "Grim",
    venueName: "Grim skole",
    venueAddress: "Grimsmyra 65",
    venuePostcode: "4616",
    room: "Gymsalen",
    school: "Grim skole",
    orgs: [
      { name: "Grim velforening", kind: "VELFORENING", minutes: 10, topic: "Støy og trafikk langs hovedveiene" },
      { name: "Grim bydelsråd", kind: "DISTRICT_COUNCIL", minutes: 10, topic: "Levekår og møteplasser på Grim" },
      { name: "Næringsforeningen på Grim torv", kind: "BUSINESS", minutes: 10, topic: "Et levende Grim torv" },
    ],
  },
];

function dialogueSummary(district: string): string {
  return `Formannskapet kommer til ${district} for å høre hva som er viktig for dem som bor her. Lokale lag og foreninger og elever har ordet, og etter pausen er ordet fritt.`;
}

function dialogueDescription(d: District): string {
  return [
    `Formannskapets dialogmøter er en del av Kristiansand kommunes arbeid som samhandlingskommune. Denne gangen møter formannskapet innbyggerne i ${d.name}.`,
    `Demokratienheten har laget programmet sammen med lokale velforeninger, bydelsrådet, idrettslag, menigheter og næringsliv. Hver organisasjon får om lag fem minutter til å fortelle hva som er viktig i bydelen, og elever fra ${d.school} har ordet. Etter en kaffepause er ordet fritt.`,
    "Formannskapet er der for å lytte. Alle innspill noteres og følges opp av administrasjonen, og referatet publiseres etter møtet. Du kan også sende innspill før og etter møtet.",
    "Møtet er åpent for alle, og det er gratis. Meld deg på, så vi vet hvor mange som kommer og kan tilrettelegge.",
  ].join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// The seed

type Orgs = Map<string, string>; // slug → id

async function ensureOrganisation(tx: Tx, orgs: Orgs, seed: OrgSeed): Promise<string> {
  const slug = slugify(seed.name);
  const known = orgs.get(slug);
  if (known) return known;
  const row = await tx.organisation.upsert({
    where: { slug },
    update: {},
    create: {
      slug,
      name: seed.name,
      kind: seed.kind,
      description: seed.description ?? null,
      websiteUrl: seed.websiteUrl ?? null,
    },
    select: { id: true },
  });
  orgs.set(slug, row.id);
  return row.id;
}

async function seedConference(tx: Tx, orgs: Orgs): Promise<void> {
  const orgIds = {} as Record<OrgKey, string>;
  for (const key of Object.keys(CONFERENCE_ORGS) as OrgKey[]) {
    orgIds[key] = await ensureOrganisation(tx, orgs, CONFERENCE_ORGS[key]);
  }

  const speakerIds = {} as Record<SpeakerKey, string>;
  for (const key of Object.keys(SPEAKERS) as SpeakerKey[]) {
    const s: SpeakerSeed = SPEAKERS[key];
    const slug = slugify(s.name);
    const row = await tx.speaker.upsert({
      where: { slug },
      update: {},
      create: {
        slug,
        name: s.name,
        role: s.role,
        bio: s.bio,
        organisationId: s.org ? orgIds[s.org] : null,
      },
      select: { id: true },
    });
    speakerIds[key] = row.id;
  }

  const day1: Day = { year: 2022, month: 10, day: 27 };
  const day2: Day = { year: 2022, month: 10, day: 28 };

  await tx.event.create({
    data: {
      slug: "samhandlingskonferansen-2022",
      kind: "CONFERENCE",
      status: "PUBLISHED",
      title: "Samhandlingskonferansen 2022",
      summary:
        "To dager om hvordan kommunen kan samhandle med innbyggerne – med inspirasjon fra Trondheim, Aarhus, NTNU og prosjekter i Kristiansand. Konferansen strømmes direkte.",
      description: [
        "Kommune-Norge står overfor store utfordringer: klimaendringer, eldrebølge og levekårsforskjeller. Et godt og bærekraftig velferdssamfunn er et fellesskapsprosjekt som vi som bor og virker i kommunen, må utvikle – sammen.",
        "Med Samhandlingskonferansen 2022 vil Kristiansand kommune hente inspirasjon og kunnskap fra danske og norske kommuner og fra akademia om hvordan vi best samhandler med innbyggerne. Du møter dem som går foran: Pilot 0-24 – Innbyggernes modell og Saupstad-Kolstad fra Trondheim, Niels Højberg fra Aarhus, Ottar Ness fra NTNU, Jegersberg gård, Energiverket og Bydelsfondet – og innbyggere som forteller hvordan samhandlingen oppleves fra deres side.",
        "Hele konferansen strømmes direkte på Kristiansand kommunes Facebook-side, for dem som ikke har plass i salen.",
      ].join("\n\n"),
      venueName: "Kilden teater- og konserthus",
      venueAddress: "Sjølystveien 2",
      venuePostcode: "4610",
      venueCity: "Kristiansand",
      startsAt: at(day1, "09.00"),
      endsAt: at(day2, "15.30"),
      capacity: 130,
      registrationClosesAt: osloTime(2022, 10, 20, 12, 0),
      livestreamUrl: "https://www.facebook.com/kristiansandkommune/live",
      privacyNotice: privacyNotice("Samhandlingskonferansen 2022", { streamed: true }),
      programmeItems: {
        create: CONFERENCE_PROGRAMME.map((item) => {
          const d = item.day === 1 ? day1 : day2;
          return {
            title: item.title,
            description: item.description ?? "",
            kind: item.kind,
            startsAt: at(d, item.from),
            endsAt: at(d, item.to),
            room: item.room ?? MAIN_ROOM,
            organisationId: item.org ? orgIds[item.org] : null,
            speakers: {
              create: (item.speakers ?? []).map((key, position) => ({ speakerId: speakerIds[key], position })),
            },
          };
        }),
      },
    },
  });
}

async function seedDialogueMeetings(tx: Tx, orgs: Orgs, now: Date): Promise<void> {
  const today = osloDay(now);
  let waitingListDemoPlaced = false;
  const meetings: SeededMeeting[] = [];

  for (let i = 0; i < DISTRICTS.length; i++) {
    const d = DISTRICTS[i];
    const { year, month } = addMonths(today.year, today.month, i - 2);
    const day = nthWeekday(year, month, 3, 2); // second Wednesday
    const startsAt = at(day, "17.00");
    const upcoming = startsAt.getTime() > now.getTime();
    const capacity = upcoming && !waitingListDemoPlaced ? 12 : 80;
    if (capacity === 12) waitingListDemoPlaced = true;

    const minute = (offset: number) => new Date(startsAt.getTime() + offset * MINUTE);
    const items: Array<{
      title: string;
      description: string;
      kind: ItemKind;
      startsAt: Date;
      endsAt: Date;
      room: string;
      organisationId: string | null;
    }> = [];
    let t = 0;
    const push = (kind: ItemKind, title: string, description: string, minutes: number, organisationId: string | null = null) => {
      items.push({ kind, title, description, startsAt: minute(t), endsAt: minute(t + minutes), room: d.room, organisationId });
      t += minutes;
    };

    push(
      "OTHER",
      "Velkommen ved ordføreren",
      `Ordføreren ønsker velkommen og forteller hvorfor formannskapet kommer til ${d.name}.`,
      10,
    );
    for (const o of d.orgs) {
      const orgId = await ensureOrganisation(tx, orgs, { name: o.name, kind: o.kind });
      push("ORGANISATION_SLOT", `${o.name}: ${o.topic}`, `${o.name} har ordet i ${o.minutes} minutter.`, o.minutes, orgId);
    }
    const schoolId = await ensureOrganisation(tx, orgs, { name: d.school, kind: "SCHOOL" });
    push(
      "PUPILS",
      `Elever fra ${d.school} har ordet`,
      "Elevene forteller hva som er bra med å vokse opp i bydelen, og hva de ønsker seg.",
      10,
      schoolId,
    );
    push("BREAK", "Pause med kaffe", "Kaffe, te og noe å bite i. En god anledning til å snakke med politikerne.", 15);
    const openFloorMinutes = 135 - t; // until 19.15
    push(
      "OPEN_FLOOR",
      "Åpen post: ordet er fritt",
      "Alle kan ta ordet eller stille spørsmål til formannskapet. Du kan også sende spørsmål fra mobilen.",
      openFloorMinutes,
    );
    push(
      "OTHER",
      "Oppsummering og veien videre",
      "Ordføreren oppsummerer kvelden. Demokratienheten forteller hvordan innspillene blir fulgt opp og når referatet publiseres.",
      15,
    );

    const event = await tx.event.create({
      select: { id: true, startsAt: true, endsAt: true, programmeItems: { select: { id: true, kind: true }, orderBy: { startsAt: "asc" } } },
      data: {
        slug: `dialogmote-${slugify(d.name)}-${year}-${pad2(month)}`,
        kind: "DIALOGUE_MEETING",
        status: "PUBLISHED",
        title: `Dialogmøte med formannskapet – ${d.name}`,
        summary: dialogueSummary(d.name),
        description: dialogueDescription(d),
        district: d.name,
        venueName: d.venueName,
        venueAddress: d.venueAddress,
        venuePostcode: d.venuePostcode,
        venueCity: "Kristiansand",
        startsAt,
        endsAt: at(day, "19.30"),
        capacity,
        registrationClosesAt: closesDayBefore(day),
        privacyNotice: privacyNotice(`dialogmøtet med formannskapet i ${d.name}`),
        programmeItems: { create: items },
      },
    });
    const slots = event.programmeItems.filter((item) => item.kind === "ORGANISATION_SLOT");
    meetings.push({
      id: event.id,
      district: d.name,
      school: d.school,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      orgTopics: d.orgs.map((o, index) => ({ organisation: o.name, topic: o.topic, itemId: slots[index].id })),
    });
  }
  await seedDialogueCycle(tx, meetings, now);
}

async function seedWorkshop(tx: Tx, now: Date): Promise<void> {
  // About three weeks ahead: the Thursday of the week (Monday–Sunday) that holds now + 21 days.
  const target = addDays(osloDay(now), 21);
  const sinceMonday = (weekday(target) + 6) % 7;
  const day = addDays(target, 3 - sinceMonday);
  const room = "Bystyresalen";
  const slot = (from: string, to: string, kind: ItemKind, title: string, description: string) => ({
    kind,
    title,
    description,
    startsAt: at(day, from),
    endsAt: at(day, to),
    room,
  });

  await tx.event.create({
    data: {
      slug: `dialogverksted-frivilligheten-${day.year}-${pad2(day.month)}`,
      kind: "WORKSHOP",
      status: "PUBLISHED",
      title: "Dialogverksted: Frivilligheten og kommunen – sterkere sammen",
      summary:
        "Et verksted for lag, foreninger, frivillige, politikere og ansatte: hva fungerer i samarbeidet mellom frivilligheten og kommunen i dag, og hva bør vi gjøre sammen?",
      description: [
        "Frivilligheten er ett av fem fokusområder i prosjektet «Samhandlingskommunen Kristiansand». I dialogverkstedene sitter innbyggere, politikere, ledere og ansatte i kommunen rundt de samme bordene.",
        "Kvelden veksler mellom korte innledninger og arbeid i grupper. Demokratienheten samler innspillene og publiserer en oppsummering etterpå.",
        "Verkstedet passer for deg som er aktiv i et lag eller en forening, eller som vil bli det. Det er gratis, og det blir servert mat.",
      ].join("\n\n"),
      venueName: "Kristiansand rådhus",
      venueAddress: "Rådhusgata 18",
      venuePostcode: "4611",
      venueCity: "Kristiansand",
      startsAt: at(day, "18.00"),
      endsAt: at(day, "20.30"),
      capacity: 40,
      registrationClosesAt: closesDayBefore(day),
      privacyNotice: privacyNotice("dialogverkstedet om frivilligheten og kommunen"),
      programmeItems: {
        create: [
          slot("18.00", "18.15", "OTHER", "Velkommen og hensikten med kvelden", "Demokratienheten ønsker velkommen og forklarer hvordan innspillene blir brukt."),
          slot("18.15", "18.35", "TALK", "Frivilligheten i Kristiansand – hva trenger dere av kommunen?", "En kort innledning med erfaringer fra dialogmøtene og Bydelsfondet."),
          slot("18.35", "19.20", "OTHER", "Gruppearbeid 1: Hva fungerer i dag?", "Rundt bordene: gode eksempler på samarbeid mellom frivilligheten og kommunen."),
          slot("19.20", "19.35", "BREAK", "Pause med mat", "Enkel servering."),
          slot("19.35", "20.15", "OTHER", "Gruppearbeid 2: Hva bør vi gjøre sammen?", "Hvert bord blir enige om tre forslag til kommunen."),
          slot("20.15", "20.30", "OTHER", "Oppsummering og veien videre", "Forslagene fra bordene legges fram, og vi forteller hvordan de blir fulgt opp."),
        ],
      },
    },
  });
}

async function seedDraft(tx: Tx, now: Date): Promise<void> {
  const year = Math.max(osloDay(now).year + 1, 2023);
  const first = nthWeekday(year, 10, 4, 4); // fourth Thursday of October
  const second = addDays(first, 1);
  await tx.event.create({
    data: {
      slug: `samhandlingskonferansen-${year}`,
      kind: "CONFERENCE",
      status: "DRAFT",
      title: `Samhandlingskonferansen ${year}`,
      summary: "Utkast: neste samhandlingskonferanse. Program og talere er ikke klare ennå.",
      description: "Dette arrangementet er et utkast og vises ikke for publikum før det publiseres.",
      venueName: "Kilden teater- og konserthus",
      venueAddress: "Sjølystveien 2",
      venuePostcode: "4610",
      venueCity: "Kristiansand",
      startsAt: at(first, "09.00"),
      endsAt: at(second, "15.30"),
      capacity: 150,
      privacyNotice: privacyNotice(`Samhandlingskonferansen ${year}`, { streamed: true }),
    },
  });
}

/**
 * A workshop that takes place on the day the database is seeded (from an hour ago to three
 * hours from now), so the live questions and polls can be tried at once. Registration is
 * closed: it has started.
 */
async function seedTodayWorkshop(tx: Tx, now: Date): Promise<void> {
  const FIVE_MINUTES = 5 * MINUTE;
  const startsAt = new Date(Math.floor((now.getTime() - 60 * MINUTE) / FIVE_MINUTES) * FIVE_MINUTES);
  const after = (minutes: number) => new Date(startsAt.getTime() + minutes * MINUTE);
  const endsAt = after(240);
  const day = osloDay(now);
  const slot = (from: number, to: number, kind: ItemKind, title: string, description: string) => ({
    kind,
    title,
    description,
    startsAt: after(from),
    endsAt: after(to),
    room: "Bystyresalen",
  });
  const event = await tx.event.create({
    select: { id: true, title: true, programmeItems: { select: { id: true, kind: true, startsAt: true }, orderBy: { startsAt: "asc" } } },
    data: {
      slug: `dialogverksted-i-dag-trygg-skolevei-${day.year}-${pad2(day.month)}-${pad2(day.day)}`,
      kind: "WORKSHOP",
      status: "PUBLISHED",
      publishedAt: now,
      title: "Dialogverksted i dag: Trygg skolevei i Vågsbygd",
      summary:
        "Foreldre, elever, politikere og kommunen snakker om skoleveien i Vågsbygd. Still spørsmål og svar på avstemninger fra mobilen – i salen eller mens du ser direktesendingen.",
      description: [
        "Verkstedet pågår i dag. Du kan følge det på direktesending og stille spørsmål fra mobilen med koden som vises på skjermen i salen.",
        "Demokratienheten samler spørsmålene og svarene fra avstemningene og publiserer en oppsummering etterpå.",
      ].join("\n\n"),
      venueName: "Kristiansand rådhus",
      venueAddress: "Rådhusgata 18",
      venuePostcode: "4611",
      venueCity: "Kristiansand",
      startsAt,
      endsAt,
      capacity: 80,
      registrationClosesAt: startsAt,
      reminderHoursBefore: null,
      livestreamUrl: "https://www.facebook.com/kristiansandkommune/live",
      privacyNotice: privacyNotice("dialogverkstedet om trygg skolevei i Vågsbygd", { streamed: true }),
      programmeItems: {
        create: [
          slot(0, 30, "OTHER", "Velkommen og hensikten med verkstedet", "Demokratienheten ønsker velkommen og forklarer hvordan spørsmål og avstemninger fungerer."),
          slot(30, 90, "TALK", "Skoleveien i dag – tall og erfaringer", "Kommunen legger fram ulykkestall, trafikktellinger og innspill fra foreldre."),
          slot(90, 105, "BREAK", "Pause", "Kaffe og frukt."),
          slot(105, 210, "OPEN_FLOOR", "Spørsmål fra salen", "Politikerne svarer på spørsmålene fra salen og fra dem som ser direktesendingen."),
          slot(210, 240, "OTHER", "Oppsummering og veien videre", "Hva tar vi med oss, og når får dere svar?"),
        ],
      },
    },
  });
  await seedTodayWorkshopRoom(tx, event, now);
}

// ---- evening: the workshop runs on one code for the whole event
/**
 * The workshop's one room (the code for the whole evening, following the programme), with a few
 * questions from the audience, each marked with the programme item that was on when it was asked.
 */
async function seedTodayWorkshopRoom(
  tx: Tx,
  event: { id: string; title: string; programmeItems: Array<{ id: string; kind: string; startsAt: Date }> },
  now: Date,
): Promise<void> {
  const room = await tx.liveRoom.create({
    data: { eventId: event.id, programmeItemId: null, title: event.title, code: demoRoomCode(), followProgramme: true },
    select: { id: true },
  });
  const [welcome, today] = event.programmeItems.filter((i) => i.kind !== "BREAK");
  const questions: Array<{ item: typeof welcome; text: string; name: string | null; upvotes: number; minutesAgo: number }> = [
    { item: welcome, text: "Blir spørsmålene fra i kveld sendt videre til bystyret?", name: "Kari", upvotes: 4, minutesAgo: 50 },
    { item: today, text: "Hvorfor mangler det fortau langs Kirsebærveien når så mange barn går der?", name: null, upvotes: 9, minutesAgo: 12 },
    { item: today, text: "Kan kommunen telle trafikken på morgenen også, ikke bare på ettermiddagen?", name: "Ola", upvotes: 5, minutesAgo: 6 },
  ];
  for (const [i, q] of questions.entries()) {
    if (!q.item) continue;
    await tx.question.create({
      data: {
        roomId: room.id,
        participantId: `demo-participant-${i + 1}`,
        displayName: q.name,
        text: q.text,
        programmeItemId: q.item.id,
        status: "APPROVED",
        upvoteCount: q.upvotes,
        createdAt: new Date(now.getTime() - q.minutesAgo * MINUTE),
        // The count is kept in step with the upvote rows.
        upvotes: { create: Array.from({ length: q.upvotes }, (_, n) => ({ participantId: `demo-voter-${n + 1}` })) },
      },
    });
  }
  // Polls prepared in the poll library, as the democracy unit would before the evening: drafts
  // for their programme items, opened by the moderator when the item is on.
  const openFloor = event.programmeItems.find((i) => i.kind === "OPEN_FLOOR");
  const drafts = [
    { item: welcome, title: "Hvordan kommer barna dine til skolen?", kind: "SINGLE", options: ["Går", "Sykler", "Buss", "Blir kjørt"] },
    { item: today, title: "Ett ord om skoleveien i dag", kind: "WORDCLOUD", options: [] },
    { item: openFloor, title: "Hva bør kommunen gjøre først?", kind: "RANKING", options: ["Fortau langs Kirsebærveien", "Bedre lys ved bussholdeplassen", "Fartshumper", "Skolepatrulje om morgenen"] },
  ];
  for (const [position, d] of drafts.entries()) {
    await tx.poll.create({
      data: {
        roomId: room.id,
        programmeItemId: d.item?.id ?? null,
        title: d.title,
        kind: d.kind,
        status: "DRAFT",
        position,
        options: { create: d.options.map((label, i) => ({ label, position: i })) },
      },
    });
  }
}

/** A join code in the live alphabet (6 characters, no look-alikes); the database keeps codes unique. */
function demoRoomCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  let code = "";
  for (let i = 0; i < 6; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)];
  return code;
}
// ---- end evening

/**
 * Fills an empty database with demo content. Does nothing when any event exists.
 * `now` places the dialogue meetings (two before, about four after) and the workshop.
 */
/** A simple logo of shapes and text, drawn for the demo (no municipal arms). */
const DEMO_LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 64" width="240" height="64" role="img" aria-label="Kristiansand kommune">
<rect x="2" y="6" width="52" height="52" rx="10" fill="#00315a"/>
<path d="M14 44 L28 18 L42 44 Z" fill="#ffffff"/>
<circle cx="28" cy="40" r="5" fill="#00315a"/>
<text x="66" y="30" font-family="Arial, Helvetica, sans-serif" font-size="20" font-weight="700" fill="#00315a">Kristiansand</text>
<text x="66" y="52" font-family="Arial, Helvetica, sans-serif" font-size="16" fill="#00315a">kommune</text>
</svg>
`;

/** The organisation settings for the demo: Kristiansand kommune, Demokratienheten. */
async function seedOrgSettings(tx: Tx) {
  const data = {
    orgNameNb: "Kristiansand kommune",
    orgNameNn: "Kristiansand kommune",
    orgNameEn: "Kristiansand Municipality",
    unitNameNb: "Demokratienheten",
    unitNameNn: "Demokratieininga",
    unitNameEn: "the Democracy Unit",
    contactEmail: "postmottak@kristiansand.kommune.no",
    contactPhone: "+4738075000",
    postalAddress: "Postboks 4\n4685 Nodeland",
    dataController: "Kristiansand kommune ved Demokratienheten",
    privacyEmail: "postmottak@kristiansand.kommune.no",
    mailSenderName: "Kristiansand kommune – Demokratienheten",
    mailSignatureNb: "Vennlig hilsen\nDemokratienheten, Kristiansand kommune",
    mailSignatureNn: "Venleg helsing\nDemokratieininga, Kristiansand kommune",
    mailSignatureEn: "Kind regards\nThe Democracy Unit (Demokratienheten), Kristiansand Municipality",
    districts: JSON.stringify(["Vågsbygd", "Lund", "Søm", "Hånes", "Randesund", "Grim", "Sentrum", "Tveit"]),
    defaultVenueCity: "Kristiansand",
    brandColor: "#00315a",
    logo: Buffer.from(DEMO_LOGO, "utf8"),
    logoType: "image/svg+xml",
    a11yLastCheckedOn: new Date("2026-11-20T00:00:00Z"),
    a11yNonConformities:
      "Kamera-skanning av QR-koder ved innsjekking krever kamera; ansatte kan alltid søke opp deltakere på navn i stedet.",
    a11yComplaintUrl: "https://www.uutilsynet.no/",
  };
  await tx.orgSettings.upsert({ where: { id: "org" }, create: { id: "org", ...data }, update: {} });
}

export async function seedDemoContent(db: Db, now: Date = new Date()): Promise<{ seeded: boolean }> {
  if ((await db.event.findFirst({ select: { id: true } })) !== null) return { seeded: false };
  try {
    return await db.$transaction(
      async (tx) => {
        // Checked again inside the transaction, in case another process got here first.
        if ((await tx.event.findFirst({ select: { id: true } })) !== null) return { seeded: false };
        const orgs: Orgs = new Map();
        await seedConference(tx, orgs);
        await seedDialogueMeetings(tx, orgs, now);
        await seedWorkshop(tx, now);
        await seedDraft(tx, now);
        await seedTodayWorkshop(tx, now);
        await seedOrgSettings(tx);
        return { seeded: true };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (err) {
    // Two processes seeding at once: the other one won.
    if (isUniqueViolation(err)) return { seeded: false };
    throw err;
  }
}
