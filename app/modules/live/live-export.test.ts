import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { exportLive, exportTime, pollsCsv, questionsCsv, reportCsv } from "./live-export.server";
import { answerPoll, createPoll, setPollStatus } from "./polls.server";
import { askQuestion, moderateQuestion, upvoteQuestion } from "./questions.server";
import { createItemRoom, ensureRoomsForEvent } from "./rooms.server";

const actor = { id: null, email: "dora@samhandling.test" };
const lines = (csv: string) => csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");

async function eventWithRoom() {
  const event = await createEvent({ title: "Dialogmøte – eksport" });
  const [room] = await ensureRoomsForEvent(event.id);
  return { event, room };
}

describe("questions CSV", () => {
  it("has a BOM, semicolons, the name or «anonym», status in words, upvotes and Oslo time", async () => {
    const { event, room } = await eventWithRoom();
    const named = await askQuestion(room.id, "p-a", { text: "Når kommer gang- og sykkelveien?", displayName: "Åse" });
    const anonymous = await askQuestion(room.id, "p-b", { text: "=HYPERLINK(\"x\")" });
    await upvoteQuestion(room.id, "p-c", named.id, true);
    await upvoteQuestion(room.id, "p-d", named.id, true);
    await moderateQuestion(room.id, anonymous.id, "answer");

    const csv = await questionsCsv(event.id, null);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = lines(csv);
    expect(header).toBe('"Rom";"Kode";"Spørsmål";"Navn";"Status";"Stemmer";"Stilt";"Besvart";"Flagget av ordfilter"');
    expect(rows).toHaveLength(2);
    const time = exportTime(named.createdAt);
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}\.\d{2}$/);
    expect(rows[0]).toBe(`"Dialogmøte – eksport";"${room.code}";"Når kommer gang- og sykkelveien?";"Åse";"publisert";"2";"${time}";"";"nei"`);
    // A formula is neutralised; no name means «anonym».
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")";"anonym";"besvart";"0"`);
  });

  it("exports one room or all rooms of the event", async () => {
    const event = await createEvent();
    const item = await db().programmeItem.create({
      data: { eventId: event.id, kind: "TALK", title: "Innledning", startsAt: event.startsAt, endsAt: event.endsAt },
    });
    const [main] = await ensureRoomsForEvent(event.id);
    const talk = (await createItemRoom(event.id, item.id))!;
    await askQuestion(main.id, "p1", { text: "Til hele møtet" });
    await askQuestion(talk.id, "p1", { text: "Til innledningen" });
    expect(lines(await questionsCsv(event.id, null))).toHaveLength(3);
    const one = lines(await questionsCsv(event.id, talk.code));
    expect(one).toHaveLength(2);
    expect(one[1]).toContain("Til innledningen");
  });
});

describe("polls CSV", () => {
  it("has one line per option with count and percentage, ratings with the average, and every word", async () => {
    const { event, room } = await eventWithRoom();
    const choice = await createPoll(room.id, { title: "Beste tiltak?", kind: "SINGLE", options: ["Fortau", "Fartshump", "Lys"] });
    await setPollStatus(room.id, choice.id, "OPEN");
    const [fortau, fartshump] = choice.options;
    await answerPoll(room.id, "p1", choice.id, { optionIds: [fortau.id] });
    await answerPoll(room.id, "p2", choice.id, { optionIds: [fortau.id] });
    await answerPoll(room.id, "p3", choice.id, { optionIds: [fartshump.id] });
    const rating = await createPoll(room.id, { title: "Hvor trygg er skoleveien?", kind: "RATING", scaleMax: 3 });
    await setPollStatus(room.id, rating.id, "OPEN");
    await answerPoll(room.id, "p1", rating.id, { rating: 1 });
    await answerPoll(room.id, "p2", rating.id, { rating: 2 });
    const words = await createPoll(room.id, { title: "Ett ord", kind: "WORDCLOUD" });
    await setPollStatus(room.id, words.id, "OPEN");
    await answerPoll(room.id, "p1", words.id, { text: "trygghet" });
    await answerPoll(room.id, "p2", words.id, { text: "Trygghet" });
    await answerPoll(room.id, "p3", words.id, { text: "lys" });
    await createPoll(room.id, { title: "Utkast uten svar", kind: "OPEN_TEXT" });

    const [header, ...rows] = lines(await pollsCsv(event.id, null));
    expect(header).toBe('"Rom";"Kode";"Avstemning";"Type";"Status";"Svar totalt";"Svar";"Antall";"Prosent"');
    const head = (title: string, kind: string, status: string) => `"Dialogmøte – eksport";"${room.code}";"${title}";"${kind}";"${status}"`;
    expect(rows).toEqual([
      `${head("Beste tiltak?", "ett valg", "åpen")};"3";"Fortau";"2";"66,7"`,
      `${head("Beste tiltak?", "ett valg", "åpen")};"3";"Fartshump";"1";"33,3"`,
      `${head("Beste tiltak?", "ett valg", "åpen")};"3";"Lys";"0";"0"`,
      `${head("Hvor trygg er skoleveien?", "skala", "åpen")};"2";"1";"1";"50"`,
      `${head("Hvor trygg er skoleveien?", "skala", "åpen")};"2";"2";"1";"50"`,
      `${head("Hvor trygg er skoleveien?", "skala", "åpen")};"2";"3";"0";"0"`,
      `${head("Hvor trygg er skoleveien?", "skala", "åpen")};"2";"gjennomsnitt";"1,5";""`,
      `${head("Ett ord", "ordsky", "åpen")};"3";"trygghet";"2";"66,7"`,
      `${head("Ett ord", "ordsky", "åpen")};"3";"lys";"1";"33,3"`,
      `${head("Utkast uten svar", "åpen tekst", "ikke åpnet")};"0";"";"";""`,
    ]);
  });
});

describe("the staff member's language", () => {
  it("writes headers and words in nynorsk or English, numbers with a point in English", async () => {
    const { event, room } = await eventWithRoom();
    await askQuestion(room.id, "p-a", { text: "Kven har ansvaret?" });
    const poll = await createPoll(room.id, { title: "Kor nøgd er du?", kind: "RATING", options: [], scaleMax: 5, resultsVisibility: "LIVE" });
    await setPollStatus(room.id, poll.id, "OPEN");
    await answerPoll(room.id, "p-a", poll.id, { rating: 4 });
    await answerPoll(room.id, "p-b", poll.id, { rating: 5 });

    const [nnHeader, nnRow] = lines(await questionsCsv(event.id, null, "nn"));
    expect(nnHeader).toBe('"Rom";"Kode";"Spørsmål";"Namn";"Status";"Stemmer";"Stilt";"Svara";"Flagga av ordfilter"');
    expect(nnRow).toContain('"Kven har ansvaret?";"anonym";"publisert";"0"');
    const [enHeader, enRow] = lines(await questionsCsv(event.id, null, "en"));
    expect(enHeader).toBe('"Room";"Code";"Question";"Name";"Status";"Votes";"Asked";"Answered";"Flagged by word filter"');
    expect(enRow).toContain('"Kven har ansvaret?";"anonymous";"published";"0"');

    const [pollHeader, ...pollRows] = lines(await pollsCsv(event.id, null, "en"));
    expect(pollHeader).toBe('"Room";"Code";"Poll";"Type";"Status";"Total answers";"Answer";"Count";"Percent"');
    expect(pollRows).toContain(`"${room.title}";"${room.code}";"Kor nøgd er du?";"rating scale";"open";"2";"average";"4.5";""`);
    expect(lines(await pollsCsv(event.id, null, "nn"))).toContain(`"${room.title}";"${room.code}";"Kor nøgd er du?";"skala";"open";"2";"gjennomsnitt";"4,5";""`);
  });
});

describe("exportLive", () => {
  it("names the file after the event (and room) and writes the audit log", async () => {
    const { event, room } = await eventWithRoom();
    const all = await exportLive(event.id, "questions", null, actor);
    expect(all?.filename).toBe(`sporsmal-${event.slug}.csv`);
    const one = await exportLive(event.id, "polls", room.code, actor);
    expect(one?.filename).toBe(`avstemninger-${event.slug}-${room.code}.csv`);
    const log = await db().auditLog.findMany({ where: { targetId: event.id, action: "live.export" } });
    expect(log).toHaveLength(2);
    expect(await exportLive("finnes-ikke", "questions", null, actor)).toBeNull();
  });
});

// ---- session report
describe("report CSV", () => {
  it("writes the report after the session as part; room; code; item or poll; figure; number, with a decimal comma", async () => {
    const { event, room } = await eventWithRoom();
    await db().liveRoom.update({ where: { id: room.id }, data: { peakParticipants: 3, peakAt: new Date("2026-11-24T16:05:00Z") } });
    const q = await askQuestion(room.id, "p1", { text: "Hvem?" });
    await upvoteQuestion(room.id, "p2", q.id, true);
    await moderateQuestion(room.id, q.id, "answer");
    const poll = await createPoll(room.id, { title: "=Beste?", kind: "SINGLE", options: ["A", "B"] });
    await setPollStatus(room.id, poll.id, "OPEN");
    await answerPoll(room.id, "p3", poll.id, { optionIds: [poll.options[0]!.id] });

    const [header, ...rows] = lines(await reportCsv(event.id, null));
    expect(header).toBe('"Del";"Rom";"Kode";"Programpunkt / Avstemning";"Tall";"Antall"');
    const whole = '"Arrangement";"Hele arrangementet";"";""';
    expect(rows.slice(0, 11)).toEqual([
      `${whole};"Deltakere på det meste";"3"`,
      `${whole};"Tidspunkt for flest deltakere";"2026-11-24 17.05"`,
      `${whole};"Aktive deltakere (spurte, stemte opp eller svarte)";"3"`,
      `${whole};"Spørsmål stilt";"1"`,
      `${whole};"Spørsmål vist i salen";"1"`,
      `${whole};"Spørsmål besvart";"1"`,
      `${whole};"Spørsmål skjult eller trukket";"0"`,
      `${whole};"Spørsmål som venter på moderering";"0"`,
      `${whole};"Opp-stemmer";"1"`,
      `${whole};"Avstemninger";"1"`,
      `${whole};"Svar på avstemninger";"1"`,
    ]);
    const pollHead = `"Avstemning";"Dialogmøte – eksport";"${room.code}";"'=Beste?"`;
    expect(rows).toContain(`${pollHead};"Svarte";"1"`);
    expect(rows).toContain(`${pollHead};"Andel av deltakerne på det meste";"33,3"`);
    expect(lines(await reportCsv(event.id, null, "en"))).toContain(`"Poll";"Dialogmøte – eksport";"${room.code}";"'=Beste?";"Share of participants at peak";"33.3"`);

    const file = await exportLive(event.id, "report", room.code, actor);
    expect(file?.filename).toBe(`rapport-${event.slug}-${room.code}.csv`);
    expect(await db().auditLog.count({ where: { targetId: event.id, action: "live.export", summary: { contains: "rapporten" } } })).toBe(1);
  });
});

// ---- poll library
describe("ranking polls in the polls CSV", () => {
  it("one row per option in rank order: the average place with a decimal comma, the count of first places", async () => {
    const { event, room } = await eventWithRoom();
    const poll = await createPoll(room!.id, { title: "Ranger temaene", kind: "RANKING", options: ["Skole", "Vei", "Park"] });
    const [skole, vei, park] = poll.options.map((o) => o.id) as [string, string, string];
    await setPollStatus(room!.id, poll.id, "OPEN");
    await answerPoll(room!.id, "p1", poll.id, { optionIds: [vei, skole, park] });
    await answerPoll(room!.id, "p2", poll.id, { optionIds: [skole, vei, park] });
    const [, ...rows] = lines(await pollsCsv(event.id, null));
    expect(rows).toHaveLength(3);
    // skole 2,1 = 1.5 (1 first); vei 1,2 = 1.5 (1 first); park 3,3 = 3
    expect(rows[0]).toContain('"rangering";"åpen";"2";"Skole (snittplass 1,5)";"1";"50"');
    expect(rows[1]).toContain('"Vei (snittplass 1,5)";"1";"50"');
    expect(rows[2]).toContain('"Park (snittplass 3)";"0";"0"');
  });
});
