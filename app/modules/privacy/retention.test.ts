// The retention job against a real database (its own: the job looks at every row) with a clock
// the test controls. Two events end at T: one with the default days (14 / 365), one with its
// own (3 / 30). The clock walks forward and each run must change exactly what is due.
import { beforeAll, describe, expect, it } from "vitest";
import { getRegistrationByToken, registerAttendee } from "~/modules/registration/registration.server";
import { db } from "~/utils/db.server";
import { attendee, createEvent } from "../../../test/factories";
import { useOwnDatabase } from "../../../test/own-database";
import { runRetention, startRetentionScheduler } from "./retention.server";

useOwnDatabase("retention");

const DAY = 24 * 3600_000;
const T = new Date("2031-03-12T18:30:00Z");
const at = (days: number) => new Date(T.getTime() + days * DAY);

type Setup = Awaited<ReturnType<typeof setUpEvent>>;

async function setUpEvent(tag: string, days?: { needsRetentionDays: number; personalDataRetentionDays: number }) {
  const event = await createEvent({ startsAt: new Date(T.getTime() - 2.5 * 3600_000), endsAt: T, ...days });
  const kari = await registerAttendee(
    event.id,
    attendee(`kari-${tag}`, { name: "Kari Nordmann", phone: "+4791234567", organisation: "Lund vel", diet: "Vegetar", accessibility: "Teleslynge" }),
    "nb",
  );
  const ola = await registerAttendee(event.id, attendee(`ola-${tag}`, { name: "Ola Nordmann", diet: "Nøtteallergi" }), "nn");
  const per = await registerAttendee(event.id, attendee(`per-${tag}`, { name: "Per Uten Svar" }), "en");
  await db().registration.updateMany({ where: { eventId: event.id, name: "Kari Nordmann" }, data: { checkedInAt: T } });
  const withContact = await db().citizenInput.create({
    data: {
      eventId: event.id,
      theme: "TRAFFIC",
      text: "Vi trenger en trygg skolevei langs Lundsvingen.",
      phase: "BEFORE",
      name: "Kari Nordmann",
      email: `Kari-${tag}@Example.no`,
      emailNormalized: `kari-${tag}@example.no`,
      phone: "+4791234567",
      privacyConsentAt: T,
    },
  });
  const anonymous = await db().citizenInput.create({
    data: { eventId: event.id, theme: "CULTURE", text: "Mer lys i parken.", phase: "AFTER" },
  });
  // A live question signed with a name, and one without.
  await db().liveRoom.create({
    data: {
      code: `R${tag.slice(0, 5).toUpperCase().padEnd(5, "X")}`,
      eventId: event.id,
      title: "Åpen post",
      questions: {
        create: [
          { participantId: `p1-${tag}`, displayName: "Kari N.", text: "Når kommer gatelyset?", status: "APPROVED" },
          { participantId: `p2-${tag}`, text: "Hva med bussen?", status: "APPROVED" },
        ],
      },
    },
  });
  return { event, tokens: [kari, ola, per].map((o) => ("token" in o ? o.token : "")), inputs: [withContact.id, anonymous.id] };
}

async function snapshot(s: Setup) {
  const [event, registrations, needs, inputs, questions] = await Promise.all([
    db().event.findUniqueOrThrow({ where: { id: s.event.id } }),
    db().registration.findMany({ where: { eventId: s.event.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db().registrationNeeds.findMany({ where: { registration: { eventId: s.event.id } }, orderBy: [{ createdAt: "asc" }, { registrationId: "asc" }] }),
    db().citizenInput.findMany({ where: { eventId: s.event.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db().question.findMany({ where: { room: { eventId: s.event.id } }, orderBy: { participantId: "asc" } }),
  ]);
  return { event, registrations, needs, inputs, questions };
}

const retentionAudits = () =>
  db().auditLog.findMany({ where: { action: { startsWith: "privacy.retention" } }, orderBy: [{ at: "asc" }, { id: "asc" }] });

let main: Setup;
let short: Setup;
/** An event nobody registered for: marked done, but nothing in the history. */
let emptyId: string;
let siteWide: { requestId: string; undecidedId: string; sentId: string; failedId: string; pendingId: string; feedbackId: string };

beforeAll(async () => {
  main = await setUpEvent("main");
  short = await setUpEvent("short", { needsRetentionDays: 3, personalDataRetentionDays: 30 });
  emptyId = (await createEvent({ startsAt: new Date(T.getTime() - 2 * 3600_000), endsAt: T, title: "Tomt møte" })).id;
  const request = (name: string, decidedAt: Date | null) =>
    db().meetingRequest.create({
      data: {
        token: `request-token-${name}-${Math.random().toString(36).slice(2)}`,
        kind: "MEETING",
        district: "Lund",
        organisationName: "Lund velforening",
        contactName: name,
        contactEmail: `${name.toLowerCase()}@lundvel.no`,
        contactEmailNormalized: `${name.toLowerCase()}@lundvel.no`,
        contactPhone: "+4798765432",
        topic: "Dialogmøte om trafikk",
        description: "Vi ønsker et møte om trafikken i bydelen.",
        privacyConsentAt: T,
        status: decidedAt ? "ACCEPTED" : "RECEIVED",
        decidedAt,
      },
    });
  const mail = (status: string, createdAt: Date, sentAt: Date | null) =>
    db().outboxMessage.create({
      data: { kind: "CONFIRMATION", toAddress: "someone@example.no", subject: "S", text: "T", html: "<p>T</p>", status, createdAt, sentAt },
    });
  siteWide = {
    requestId: (await request("Randi", T)).id,
    undecidedId: (await request("Ulrik", null)).id,
    sentId: (await mail("SENT", T, T)).id,
    failedId: (await mail("FAILED", T, null)).id,
    pendingId: (await mail("PENDING", T, null)).id,
    feedbackId: (
      await db().accessibilityFeedback.create({
        data: { message: "Knappen mangler fokus.", contactName: "Fia", contactEmail: "fia@example.no", handledAt: T, handledBy: "staff@kommune.no" },
      })
    ).id,
  };
});

describe("runRetention with a controlled clock", () => {
  it("changes nothing before anything is due", async () => {
    const before = [await snapshot(main), await snapshot(short)];
    const report = await runRetention(at(2));
    expect(report).toEqual({ needsPurged: [], anonymised: [], requests: 0, mails: { sent: 0, failed: 0 }, feedback: 0, errors: 0 });
    expect([await snapshot(main), await snapshot(short)]).toEqual(before);
    expect(await retentionAudits()).toEqual([]);
  });

  it("honours an event's own days: after 3 days only that event's answers go", async () => {
    const mainBefore = await snapshot(main);
    const shortBefore = await snapshot(short);
    expect(shortBefore.needs).toHaveLength(2);
    const report = await runRetention(at(3));
    expect(report.needsPurged).toEqual([{ eventId: short.event.id, needs: 2 }]);
    expect(report.anonymised).toEqual([]);
    expect(await snapshot(main)).toEqual(mainBefore);
    const shortAfter = await snapshot(short);
    expect(shortAfter.needs).toEqual([]);
    expect(shortAfter.registrations).toEqual(shortBefore.registrations);
    expect(shortAfter.inputs).toEqual(shortBefore.inputs);
    expect(shortAfter.event.needsPurgedAt).toEqual(at(3));
    expect(shortAfter.event.personalDataAnonymisedAt).toBeNull();
  });

  it("at T+13 days changes nothing; at T+14 days exactly the diet and accessibility answers disappear", async () => {
    const before = await snapshot(main);
    expect(before.needs.map((n) => [n.diet, n.accessibility])).toEqual([
      ["Vegetar", "Teleslynge"],
      ["Nøtteallergi", null],
    ]);
    await runRetention(at(13));
    expect(await snapshot(main)).toEqual(before);

    const report = await runRetention(at(14));
    expect(report.needsPurged).toEqual(expect.arrayContaining([{ eventId: main.event.id, needs: 2 }, { eventId: emptyId, needs: 0 }]));
    expect(report.needsPurged).toHaveLength(2);
    const after = await snapshot(main);
    expect(after.needs).toEqual([]);
    expect(await db().registrationNeeds.count({ where: { registrationId: { in: before.registrations.map((r) => r.id) } } })).toBe(0);
    // Everything else is exactly as it was, field by field.
    expect(after.registrations).toEqual(before.registrations);
    expect(after.inputs).toEqual(before.inputs);
    expect({ ...after.event, needsPurgedAt: null, updatedAt: null }).toEqual({ ...before.event, updatedAt: null });
    expect(after.event.needsPurgedAt).toEqual(at(14));

    const entry = (await retentionAudits()).find((a) => a.targetId === main.event.id)!;
    expect(entry).toMatchObject({ action: "privacy.retention.needs", actorEmail: "system", targetType: "Event" });
    expect(JSON.parse(entry.details)).toEqual({ eventId: main.event.id, needsDeleted: 2, retentionDays: 14 });
  });

  it("anonymises the short event after 30 days and deletes delivered mail older than 30 days", async () => {
    const before = await snapshot(short);
    const report = await runRetention(at(30));
    expect(report.anonymised).toEqual([{ eventId: short.event.id, registrations: 3, inputs: 1, questions: 1 }]);
    expect(report.mails).toEqual({ sent: 1, failed: 0 });
    const after = await snapshot(short);
    expect(after.registrations.map((r) => r.name)).toEqual(["Anonymisert", "Anonymisert", "Anonymisert"]);
    expect(after.event.personalDataAnonymisedAt).toEqual(at(30));
    expect(await db().outboxMessage.findUnique({ where: { id: siteWide.sentId } })).toBeNull();
    expect(await db().outboxMessage.findUnique({ where: { id: siteWide.failedId } })).not.toBeNull();
    expect(await snapshot(main)).toMatchObject({ event: { personalDataAnonymisedAt: null } });
    expect(before.registrations.every((r) => r.anonymisedAt === null)).toBe(true);
  });

  it("deletes mail that could not be delivered after 90 days, never mail still waiting", async () => {
    const report = await runRetention(at(90));
    expect(report.mails).toEqual({ sent: 0, failed: 1 });
    expect(await db().outboxMessage.findUnique({ where: { id: siteWide.failedId } })).toBeNull();
    expect(await db().outboxMessage.findUnique({ where: { id: siteWide.pendingId } })).not.toBeNull();
  });

  it("at T+364 days changes nothing; at T+365 days exactly the listed fields are anonymised", async () => {
    const before = await snapshot(main);
    const requestBefore = await db().meetingRequest.findUniqueOrThrow({ where: { id: siteWide.requestId } });
    const undecidedBefore = await db().meetingRequest.findUniqueOrThrow({ where: { id: siteWide.undecidedId } });
    await runRetention(at(364));
    expect(await snapshot(main)).toEqual(before);
    expect(await db().meetingRequest.findUniqueOrThrow({ where: { id: siteWide.requestId } })).toEqual(requestBefore);

    const report = await runRetention(at(365));
    expect(report.anonymised).toEqual(
      expect.arrayContaining([
        { eventId: main.event.id, registrations: 3, inputs: 1, questions: 1 },
        { eventId: emptyId, registrations: 0, inputs: 0, questions: 0 },
      ]),
    );
    expect(report.anonymised).toHaveLength(2);
    expect(report.requests).toBe(1);
    expect(report.feedback).toBe(1);
    const after = await snapshot(main);

    after.registrations.forEach((reg, i) => {
      const was = before.registrations[i];
      expect(reg.id).toBe(was.id);
      // Replaced or removed:
      expect(reg.name).toBe("Anonymisert");
      expect(reg.email).toBe(`anonymisert-${reg.id}@invalid`);
      expect(reg.emailNormalized).toBe(`anonymisert-${reg.id}@invalid`);
      expect(reg.phone).toBeNull();
      expect(reg.organisation).toBeNull();
      expect(reg.checkInCode).toBeNull();
      expect(reg.token).not.toBe(was.token);
      expect(reg.anonymisedAt).toEqual(at(365));
      // Kept for statistics:
      expect(reg.status).toBe(was.status);
      expect(reg.source).toBe(was.source);
      expect(reg.checkedInAt).toEqual(was.checkedInAt);
      expect(reg.createdAt).toEqual(was.createdAt);
      expect(reg.eventId).toBe(was.eventId);
      expect(reg.locale).toBe(was.locale);
    });
    expect(before.registrations.map((r) => [r.name, r.phone, r.organisation, r.checkedInAt !== null])).toEqual([
      ["Kari Nordmann", "+4791234567", "Lund vel", true],
      ["Ola Nordmann", null, null, false],
      ["Per Uten Svar", null, null, false],
    ]);
    // The old personal links are dead.
    for (const token of main.tokens) expect(await getRegistrationByToken(token)).toBeNull();

    const [input, anonymousInput] = after.inputs;
    expect(input).toEqual({
      ...before.inputs[0],
      name: null,
      email: null,
      emailNormalized: null,
      phone: null,
      privacyConsentAt: null,
      anonymisedAt: at(365),
    });
    expect(input.text).toBe("Vi trenger en trygg skolevei langs Lundsvingen.");
    expect(input.theme).toBe("TRAFFIC");
    expect(anonymousInput).toEqual(before.inputs[1]);
    // The live questions keep their text and status; only the typed name goes.
    expect(before.questions.map((q) => q.displayName)).toEqual(["Kari N.", null]);
    expect(after.questions).toEqual(before.questions.map((q) => ({ ...q, displayName: null, updatedAt: expect.any(Date) })));
    expect(after.event.personalDataAnonymisedAt).toEqual(at(365));

    const request = await db().meetingRequest.findUniqueOrThrow({ where: { id: siteWide.requestId } });
    expect(request).toMatchObject({
      contactName: "Anonymisert",
      contactEmail: `anonymisert-${request.id}@invalid`,
      contactEmailNormalized: `anonymisert-${request.id}@invalid`,
      contactPhone: null,
      anonymisedAt: at(365),
      organisationName: requestBefore.organisationName,
      topic: requestBefore.topic,
      description: requestBefore.description,
      status: requestBefore.status,
    });
    expect(request.token).not.toBe(requestBefore.token);
    expect(await db().meetingRequest.findUniqueOrThrow({ where: { id: siteWide.undecidedId } })).toEqual(undecidedBefore);
    expect(await db().accessibilityFeedback.findUniqueOrThrow({ where: { id: siteWide.feedbackId } })).toMatchObject({
      message: "Knappen mangler fokus.",
      contactName: null,
      contactEmail: null,
    });
  });

  it("records each step that changed something, with counts and ids but no personal data", async () => {
    const entries = await retentionAudits();
    expect(entries.map((e) => [e.action, e.targetId])).toEqual([
      ["privacy.retention.needs", short.event.id],
      ["privacy.retention.needs", main.event.id],
      ["privacy.retention.anonymise", short.event.id],
      ["privacy.retention.mail", null],
      ["privacy.retention.mail", null],
      ["privacy.retention.anonymise", main.event.id],
      ["privacy.retention.requests", null],
      ["privacy.retention.feedback", null],
    ]);
    const empty = await db().event.findUniqueOrThrow({ where: { id: emptyId } });
    expect([empty.needsPurgedAt, empty.personalDataAnonymisedAt]).toEqual([at(14), at(365)]);
    const all = JSON.stringify(entries);
    for (const personal of ["Kari", "Nordmann", "Vegetar", "Teleslynge", "example.no", "lundvel", "Randi", "Fia", "+47"]) {
      expect(all).not.toContain(personal);
    }
    expect(JSON.parse(entries[5].details)).toEqual({
      eventId: main.event.id,
      registrationsAnonymised: 3,
      inputsAnonymised: 1,
      questionNamesRemoved: 1,
      retentionDays: 365,
    });
  });

  it("a second run changes nothing", async () => {
    const before = [await snapshot(main), await snapshot(short), await retentionAudits()];
    const report = await runRetention(at(400));
    expect(report).toEqual({ needsPurged: [], anonymised: [], requests: 0, mails: { sent: 0, failed: 0 }, feedback: 0, errors: 0 });
    expect([await snapshot(main), await snapshot(short), await retentionAudits()]).toEqual(before);
  });

  it("the scheduler runs a round at start and stops cleanly", async () => {
    const logged: unknown[] = [];
    const scheduler = startRetentionScheduler(3600, { info: (m: unknown) => logged.push(m), error: (m: unknown) => logged.push(m) });
    await scheduler.stop();
    // Nothing is due at the real clock in this database, so the round had nothing to say.
    expect(logged).toEqual([]);
  });
});
