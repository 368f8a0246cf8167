// Demo content for the dialogue cycle around the seeded dialogue meetings: citizen input before
// and after the meetings, published minutes and follow-up items with their public history for the
// meetings that have taken place, and requests from organisations in every state.
//
// Everything is placed relative to `now` and to each meeting's date, so the demo always reads
// as "a meeting two months ago whose input has been followed up". Names and addresses are
// fictional (example.no).
import { newToken as token, normaliseEmail } from "~/modules/registration/registration.server";
import type { Theme } from "~/modules/input/themes";
import type { Tx } from "~/utils/db.server";

const DAY = 24 * 60 * 60_000;

export type SeededMeeting = {
  id: string;
  district: string;
  school: string;
  startsAt: Date;
  endsAt: Date;
  /** Topic of each organisation slot, in programme order */
  orgTopics: Array<{ organisation: string; topic: string; itemId: string }>;
};

type FollowUpSeed = {
  title: string;
  summary: string;
  unit: string;
  /** Status history after REGISTERED: [days after the meeting, status, note] */
  history: Array<[number, "IN_PROGRESS" | "DONE" | "WONT_DO", string]>;
  statusReason?: string;
  answer: string;
  input?: { theme: Theme; text: string; phase: "BEFORE" | "AFTER"; name?: string; email?: string };
};

const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

function minutesText(m: SeededMeeting, attendees: number): string {
  const orgs = m.orgTopics.map((o) => `${o.organisation} («${o.topic}»)`).join(", ");
  return [
    `Til stede: formannskapet med ordføreren som møteleder, om lag ${attendees} innbyggere i salen og ${Math.round(attendees * 1.6)} som fulgte direktesendingen. Referent: Demokratienheten.`,
    `Ordføreren ønsket velkommen og minnet om at formannskapet var der for å lytte. Alle innspill blir registrert og fulgt opp av administrasjonen, og svarene publiseres under «Hva skjedde med innspillene?» på denne siden.`,
    `Lokale lag og foreninger hadde ordet: ${orgs}. Elever fra ${m.school} fortalte hva som er bra med å vokse opp i ${m.district}, og ba om tak over sykkelstativet og flere steder å være etter skoletid.`,
    `I den åpne posten tok 14 personer ordet, og 23 spørsmål kom inn fra mobilen. Mest oppmerksomhet fikk lyset på fotballbanen, trafikken ved skolen og åpningstidene på biblioteket.`,
    `Ordføreren oppsummerte kvelden. Demokratienheten fordeler innspillene til de ansvarlige enhetene, og status blir oppdatert her etter hvert.`,
  ].join("\n\n");
}

function followUpsForFirstMeeting(m: SeededMeeting): FollowUpSeed[] {
  return [
    {
      title: `Lys på fotballbanen ved ${m.school}`,
      summary: `Flere innbyggere og idrettslaget pekte på at fotballbanen ved ${m.school} er mørk fra oktober, slik at barna trener i mørket.`,
      unit: "Kultur og idrett, idrettsavdelingen",
      history: [
        [9, "IN_PROGRESS", "Idrettsavdelingen har vært på befaring og bestilt lysmaster."],
        [52, "DONE", "Lyset er montert og satt i drift."],
      ],
      answer: `Banen har fått nye LED-lysmaster. Lyset står på fra 16 til 22 alle dager fra oktober til mars, og kan slås på lenger ved kamper. Takk for innspillet!`,
      input: {
        theme: "SPORT_OUTDOORS",
        phase: "BEFORE",
        text: `Fotballbanen ved ${m.school} er helt mørk om kvelden fra oktober. Barna trener med hodelykter. Kan kommunen sette opp lys?`,
        name: "Kari Nordmann",
        email: "kari.nordmann@example.no",
      },
    },
    {
      title: m.orgTopics[0]?.topic ?? "Trygg skolevei",
      summary: `${m.orgTopics[0]?.organisation ?? "Velforeningen"} ba om tryggere kryssing ved skolen og bedre gatelys langs skoleveien.`,
      unit: "By- og stedsutvikling, samferdsel",
      history: [[14, "IN_PROGRESS", "Tatt med i arbeidet med trafikksikkerhetsplanen for 2027."]],
      answer: "Kommunen har telt trafikken og vil legge fram forslag til opphøyd gangfelt og nye lyspunkter i trafikksikkerhetsplanen for 2027. Planen behandles politisk i vår.",
    },
    {
      title: "Lengre åpningstid på biblioteket i bydelen",
      summary: "Et spørsmål fra salen: kan bydelsbiblioteket holde åpent på kveldstid?",
      unit: "Kultur, Kristiansand folkebibliotek",
      history: [[21, "WONT_DO", "Vurdert av biblioteket."]],
      statusReason:
        "Budsjettet for 2027 gir ikke rom for mer betjent åpningstid. Med meråpent bibliotek kan alle med lånekort bruke biblioteket fra 07 til 22 alle dager.",
      answer: "Du kan registrere lånekortet for meråpent bibliotek i skranken; da får du tilgang også når biblioteket er ubetjent.",
      input: {
        theme: "CULTURE",
        phase: "AFTER",
        text: "Biblioteket stenger klokka 15 de fleste dager. Det passer dårlig for oss som jobber. Kan det være åpent om kvelden?",
      },
    },
    {
      title: `Tak over sykkelstativet ved ${m.school}`,
      summary: "Elevene ba om tak over sykkelstativet, så syklene står tørt.",
      unit: "Kristiansand eiendom",
      history: [
        [10, "IN_PROGRESS", "Bestilt sammen med annet vedlikehold ved skolen."],
        [40, "DONE", "Taket er satt opp."],
      ],
      answer: "Sykkelstativet har fått tak og plass til 40 sykler. Elevrådet var med og bestemte plasseringen.",
    },
    {
      title: "Benker og søppelkasser langs turstien",
      summary: "Eldre innbyggere ønsker benker å hvile på og flere søppelkasser langs turstien.",
      unit: "Park og vei",
      history: [],
      answer: "",
      input: {
        theme: "NATURE_ENVIRONMENT",
        phase: "BEFORE",
        text: "Det er langt mellom benkene på turstien, og søppelkassene er fulle i helgene. Flere benker ville hjelpe oss som er eldre.",
      },
    },
  ];
}

function followUpsForSecondMeeting(m: SeededMeeting): FollowUpSeed[] {
  return [
    {
      title: m.orgTopics[0]?.topic ?? "Trafikken gjennom bydelen",
      summary: `${m.orgTopics[0]?.organisation ?? "Velforeningen"} tok opp trafikken gjennom ${m.district} i rushtiden.`,
      unit: "By- og stedsutvikling, samferdsel",
      history: [[8, "IN_PROGRESS", "Trafikktelling bestilt."]],
      answer: "Kommunen teller trafikken i to uker i vinter og kommer tilbake med tiltak etter det.",
    },
    {
      title: "Flere plasser i aktivitetsskolen",
      summary: "Foreldre spurte om det blir flere plasser i aktivitetsskolen (AKS) fra høsten.",
      unit: "Oppvekst, skole",
      history: [],
      answer: "",
      input: { theme: "SCHOOL_KINDERGARTEN", phase: "BEFORE", text: "Vi står på venteliste til AKS. Blir det flere plasser fra høsten?" },
    },
  ];
}

async function seedInput(tx: Tx, m: SeededMeeting, input: NonNullable<FollowUpSeed["input"]>, createdAt: Date) {
  const email = input.email ?? null;
  const row = await tx.citizenInput.create({
    data: {
      eventId: m.id,
      theme: input.theme,
      text: input.text,
      phase: input.phase,
      name: input.name ?? null,
      email,
      emailNormalized: email ? normaliseEmail(email) : null,
      privacyConsentAt: email ? createdAt : null,
      createdAt,
    },
    select: { id: true },
  });
  return row.id;
}

async function seedFollowUps(tx: Tx, m: SeededMeeting, items: FollowUpSeed[], now: Date) {
  for (const [position, item] of items.entries()) {
    const inputAt = item.input?.phase === "AFTER" ? daysAfter(m.endsAt, 1) : daysAfter(m.startsAt, -5);
    const sourceInputId = item.input ? await seedInput(tx, m, item.input, inputAt) : null;
    const registeredAt = daysAfter(m.endsAt, 3);
    // Never in the future, whatever `now` is relative to the meeting.
    const when = (days: number) => new Date(Math.min(daysAfter(m.endsAt, days).getTime(), now.getTime() - DAY));
    const last = item.history.at(-1);
    await tx.followUpItem.create({
      data: {
        eventId: m.id,
        title: item.title,
        summary: item.summary,
        responsibleUnit: item.unit,
        status: last ? last[1] : "REGISTERED",
        statusReason: item.statusReason ?? "",
        publicAnswer: item.answer,
        sourceInputId,
        position,
        publishedAt: registeredAt,
        statusChangedAt: last ? when(last[0]) : registeredAt,
        createdAt: registeredAt,
        updates: {
          create: [
            { status: "REGISTERED", note: "Registrert og sendt til ansvarlig enhet.", at: registeredAt },
            ...item.history.map(([days, status, note]) => ({ status, note, at: when(days) })),
          ],
        },
      },
    });
  }
}

/** Input without follow-up yet, to show how staff see it grouped by theme. */
async function seedOpenInput(tx: Tx, m: SeededMeeting, phase: "BEFORE" | "AFTER") {
  const at = phase === "BEFORE" ? daysAfter(m.startsAt, -3) : daysAfter(m.endsAt, 1);
  const inputs: Array<{ theme: Theme; text: string; name?: string; email?: string }> = [
    { theme: "ROADS_TRAFFIC", text: `Bussen til sentrum går bare hver time etter klokka 18. Det gjør det vanskelig å komme seg hjem fra ${m.district} uten bil.` },
    { theme: "SPORT_OUTDOORS", text: "Kunstgressbanen trenger nytt gummigranulat, og lyset slukker klokka 21 midt i treningen." },
    { theme: "HEALTH_CARE", text: "Det er lang ventetid på fastlege for oss som har flyttet hit. Hva gjør kommunen med det?", name: "Per Hansen", email: "per.hansen@example.no" },
  ];
  for (const [i, input] of inputs.entries()) {
    await seedInput(tx, m, { ...input, phase }, new Date(at.getTime() + i * 3_600_000));
  }
}

/**
 * Input, minutes and follow-up for the seeded dialogue meetings (sorted by date). The meetings
 * that ended more than two weeks ago get published minutes and follow-up items; a meeting that
 * ended more recently has input waiting to be followed up; upcoming meetings have input sent
 * before the meeting.
 */
export async function seedDialogueCycle(tx: Tx, meetings: SeededMeeting[], now: Date): Promise<void> {
  const past = meetings.filter((m) => m.endsAt.getTime() < now.getTime());
  const followedUp = past.filter((m) => m.endsAt.getTime() < now.getTime() - 14 * DAY);
  for (const [i, m] of followedUp.entries()) {
    await tx.event.update({
      where: { id: m.id },
      data: { minutes: minutesText(m, i === 0 ? 70 : 55), minutesPublishedAt: daysAfter(m.endsAt, 6) },
    });
    await seedFollowUps(tx, m, i === 0 ? followUpsForFirstMeeting(m) : followUpsForSecondMeeting(m), now);
  }
  for (const m of past.filter((m) => !followedUp.includes(m))) await seedOpenInput(tx, m, "AFTER");
  const next = meetings.find((m) => m.startsAt.getTime() > now.getTime());
  if (next) await seedOpenInput(tx, next, "BEFORE");
  await seedRequests(tx, meetings, now);
}

async function seedRequests(tx: Tx, meetings: SeededMeeting[], now: Date) {
  const upcoming = meetings.filter((m) => m.startsAt.getTime() > now.getTime());
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const base = { locale: "nb" };

  // Accepted: the organisation now has a slot in the next meeting's programme.
  const next = upcoming[0];
  if (next && next.orgTopics[0]) {
    const slot = next.orgTopics[0];
    const organisation = await tx.organisation.findFirst({ where: { name: slot.organisation }, select: { id: true } });
    await tx.meetingRequest.create({
      data: {
        ...base,
        token: token(),
        kind: "SLOT",
        eventId: next.id,
        district: next.district,
        organisationName: slot.organisation,
        contactName: "Ingrid Berg",
        contactEmail: "ingrid.berg@example.no",
        contactEmailNormalized: "ingrid.berg@example.no",
        topic: slot.topic,
        description: `Vi vil gjerne fortelle formannskapet om «${slot.topic.toLowerCase()}» og ta med oss noen av dem det gjelder.`,
        privacyConsentAt: ago(30),
        status: "ACCEPTED",
        response: "Dere har fått et innslag på åtte minutter. Ta gjerne med bilder – det finnes prosjektor i salen.",
        programmeItemId: slot.itemId,
        organisationId: organisation?.id ?? null,
        decidedAt: ago(20),
        createdAt: ago(30),
        updates: {
          create: [
            { status: "RECEIVED", at: ago(30) },
            { status: "IN_REVIEW", message: "Demokratienheten ser på programmet for møtet.", at: ago(27) },
            { status: "ACCEPTED", message: "Dere har fått et innslag på åtte minutter.", at: ago(20) },
          ],
        },
      },
    });
  }

  // Received: waiting for triage.
  const later = upcoming[1] ?? upcoming[0];
  await tx.meetingRequest.create({
    data: {
      ...base,
      token: token(),
      kind: "SLOT",
      eventId: later?.id ?? null,
      district: later?.district ?? null,
      organisationName: `${later?.district ?? "Lund"} skolekorps`,
      organisationNumber: "974760673",
      contactName: "Ola Nordmann",
      contactEmail: "ola.nordmann@example.no",
      contactEmailNormalized: "ola.nordmann@example.no",
      contactPhone: "+4791234567",
      topic: "Øvingslokaler for korpset",
      description: "Korpset har mistet øvingslokalet sitt og vil gjerne fortelle formannskapet hva det betyr for de 45 barna som spiller.",
      preferredTime: "Gjerne tidlig i programmet, barna skal hjem og legge seg.",
      privacyConsentAt: ago(2),
      createdAt: ago(2),
      updates: { create: [{ status: "RECEIVED", at: ago(2) }] },
    },
  });

  // A dialogue meeting asked for in a district, declined with a reason.
  await tx.meetingRequest.create({
    data: {
      ...base,
      token: token(),
      kind: "MEETING",
      district: meetings[0]?.district ?? "Grim",
      organisationName: `${meetings[0]?.district ?? "Grim"} pensjonistforening`,
      contactName: "Astrid Lie",
      contactEmail: "astrid.lie@example.no",
      contactEmailNormalized: "astrid.lie@example.no",
      topic: "Et eget dialogmøte om eldres hverdag",
      description: "Vi ønsker et dialogmøte bare om tilbudet til eldre i bydelen: transport, møteplasser og hjemmetjenester.",
      privacyConsentAt: ago(60),
      status: "DECLINED",
      response:
        "Formannskapet har allerede vært i bydelen i høst, og neste runde er om et år. Vi har i stedet satt av tid til eldres hverdag i den åpne posten på neste dialogmøte, og dere er velkomne til å sende innspill.",
      decidedAt: ago(50),
      createdAt: ago(60),
      updates: {
        create: [
          { status: "RECEIVED", at: ago(60) },
          { status: "DECLINED", message: "Formannskapet har allerede vært i bydelen i høst.", at: ago(50) },
        ],
      },
    },
  });
}
