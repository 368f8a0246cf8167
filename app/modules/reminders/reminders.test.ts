// Reminders with a clock the tests control (`now` is passed in), on a database of their own so
// that only these events can be due: the window, exactly once under concurrency, who gets
// one, and what the mail says.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { osloTime } from "~/modules/demo/seed.server";
import { config, setConfig } from "~/utils/config.server";
import { db, dbFlavour, setDb, type Db } from "~/utils/db.server";
import { connectDatabase } from "../../../server/db";
import { createTestDatabase, type TestDatabase } from "../../../test/databases";
import { createEvent } from "../../../test/factories";
import { programmeDays, renderReminderMail } from "./reminder-mail.server";
import { reminderStatus, sendDueReminders, startReminderScheduler } from "./reminders.server";

let own: TestDatabase;
let client: Db;

beforeAll(async () => {
  own = await createTestDatabase(dbFlavour(), "reminders");
  client = await connectDatabase(own.url);
  setDb(client, dbFlavour());
});

afterAll(async () => {
  await client?.$disconnect();
  await own?.drop();
});

beforeEach(async () => {
  await db().event.deleteMany();
  await db().outboxMessage.deleteMany();
});

const HOUR = 3600_000;
const STARTS = osloTime(2031, 3, 12, 17, 0); // Wednesday 12 March 2031, 17.00 in Oslo
const hoursBefore = (h: number) => new Date(STARTS.getTime() - h * HOUR);

async function addPerson(eventId: string, name: string, status: "CONFIRMED" | "WAITING" | "CANCELLED", locale = "nb") {
  const tag = randomBytes(4).toString("hex");
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${tag}@example.no`;
  return db().registration.create({
    data: {
      eventId,
      token: `tok-${tag}-${randomBytes(8).toString("hex")}`,
      status,
      name,
      email,
      emailNormalized: email,
      privacyConsentAt: new Date(),
      locale,
      waitingSince: status === "WAITING" ? new Date() : null,
      cancelledAt: status === "CANCELLED" ? new Date() : null,
    },
  });
}

async function meeting(overrides: Parameters<typeof createEvent>[0] = {}) {
  const event = await createEvent({
    title: "Dialogmøte med formannskapet – Vågsbygd",
    startsAt: STARTS,
    endsAt: osloTime(2031, 3, 12, 19, 30),
    reminderHoursBefore: 24,
    livestreamUrl: "https://video.example.no/vagsbygd",
    venueName: "Vågsbygd skole",
    venueAddress: "Skoleveien 1",
    venuePostcode: "4621",
    venueCity: "Eksempelby",
    ...overrides,
  });
  await db().programmeItem.createMany({
    data: [
      { eventId: event.id, title: "Velkommen", kind: "TALK", startsAt: STARTS, endsAt: osloTime(2031, 3, 12, 17, 5) },
      {
        eventId: event.id,
        title: "Innspill fra Vågsbygd vel",
        kind: "ORGANISATION_SLOT",
        startsAt: osloTime(2031, 3, 12, 17, 5),
        endsAt: osloTime(2031, 3, 12, 17, 10),
        room: "Gymsalen",
      },
      { eventId: event.id, title: "Åpen post", kind: "OPEN_FLOOR", startsAt: osloTime(2031, 3, 12, 18, 30), endsAt: osloTime(2031, 3, 12, 19, 30) },
    ],
  });
  const people = {
    kari: await addPerson(event.id, "Kari Nordmann", "CONFIRMED"),
    ola: await addPerson(event.id, "Ola Nordmann", "CONFIRMED", "nn"),
    amir: await addPerson(event.id, "Amir Haddad", "CONFIRMED", "en"),
    venter: await addPerson(event.id, "Vera Venter", "WAITING"),
    borte: await addPerson(event.id, "Bjørn Borte", "CANCELLED"),
  };
  return { event, people };
}

const reminders = () => db().outboxMessage.findMany({ where: { kind: "REMINDER" }, orderBy: { toAddress: "asc" } });

describe("when reminders go", () => {
  it("sends nothing 25 hours before a 24-hour reminder, and sends it 23 hours before", async () => {
    const { event } = await meeting();
    expect(await sendDueReminders(hoursBefore(25))).toEqual({ events: 0, mails: 0 });
    expect(await reminders()).toHaveLength(0);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).reminderSentAt).toBeNull();

    expect(await sendDueReminders(hoursBefore(23))).toEqual({ events: 1, mails: 3 });
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).reminderSentAt).toEqual(hoursBefore(23));
    expect(await db().auditLog.count({ where: { action: "reminder.send", targetId: event.id } })).toBe(1);
  });

  it("goes exactly at the due time, not a millisecond before", async () => {
    await meeting();
    expect(await sendDueReminders(new Date(hoursBefore(24).getTime() - 1))).toEqual({ events: 0, mails: 0 });
    expect(await sendDueReminders(hoursBefore(24))).toEqual({ events: 1, mails: 3 });
  });

  it("goes only to confirmed attendees", async () => {
    const { people } = await meeting();
    await sendDueReminders(hoursBefore(23));
    const to = (await reminders()).map((m) => m.toAddress).sort();
    expect(to).toEqual([people.kari.email, people.ola.email, people.amir.email].sort());
  });

  it("is sent exactly once when called twice, or three times at once", async () => {
    await meeting();
    await meeting({ slug: `andre-${randomBytes(3).toString("hex")}` });
    const results = await Promise.all([1, 2, 3].map(() => sendDueReminders(hoursBefore(23))));
    expect(results.reduce((n, r) => n + r.events, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.mails, 0)).toBe(6);
    expect(await sendDueReminders(hoursBefore(22))).toEqual({ events: 0, mails: 0 });
    expect(await reminders()).toHaveLength(6);
  });

  it("is not sent for drafts, cancelled or past events, or events without a reminder", async () => {
    await meeting({ status: "DRAFT" });
    await meeting({ status: "CANCELLED", cancelledAt: new Date() });
    await meeting({ reminderHoursBefore: null });
    expect(await sendDueReminders(hoursBefore(1))).toEqual({ events: 0, mails: 0 });
    await meeting();
    // Once the event has started, a missed reminder is no use any more.
    expect(await sendDueReminders(STARTS)).toEqual({ events: 0, mails: 0 });
    expect(await sendDueReminders(new Date(STARTS.getTime() + HOUR))).toEqual({ events: 0, mails: 0 });
    expect(await reminders()).toHaveLength(0);
  });

  it("is not sent twice when it was already sent, even if it would be due again", async () => {
    const { event } = await meeting();
    await sendDueReminders(hoursBefore(23));
    await db().event.update({ where: { id: event.id }, data: { reminderHoursBefore: 2 } });
    expect(await sendDueReminders(hoursBefore(1))).toEqual({ events: 0, mails: 0 });
    expect(await reminders()).toHaveLength(3);
  });
});

describe("the reminder mail", () => {
  it("has time, place, the programme with Norwegian times, the livestream and the personal link", async () => {
    const { people } = await meeting();
    await sendDueReminders(hoursBefore(23));
    const mail = (await reminders()).find((m) => m.toAddress === people.kari.email)!;
    expect(mail.subject).toBe("Påminnelse: Dialogmøte med formannskapet – Vågsbygd, onsdag 12. mars 2031, kl. 17.00");
    expect(mail.text).toContain("Hei Kari Nordmann,");
    expect(mail.text).toContain("Tid: onsdag 12. mars 2031, kl. 17.00–19.30");
    expect(mail.text).toContain("Sted: Vågsbygd skole, Skoleveien 1, 4621 Eksempelby");
    expect(mail.text).toContain("Direktesending: https://video.example.no/vagsbygd");
    expect(mail.text).toContain("Program:\n17.00–17.05  Velkommen\n17.05–17.10  Innspill fra Vågsbygd vel (Gymsalen)\n18.30–19.30  Åpen post");
    expect(mail.text).toContain(`https://samhandling.test/registrations/${people.kari.token}`);
    expect(mail.html).toContain('<html lang="nb">');
    expect(mail.html).toContain("17.00–17.05");
    expect(mail.html).toContain(`href="https://samhandling.test/registrations/${people.kari.token}"`);
    expect(mail.html).toContain('href="https://video.example.no/vagsbygd"');
  });

  it("is in each attendee's language", async () => {
    const { people } = await meeting();
    await sendDueReminders(hoursBefore(23));
    const all = await reminders();
    const nn = all.find((m) => m.toAddress === people.ola.email)!;
    expect(nn.subject).toBe("Påminning: Dialogmøte med formannskapet – Vågsbygd, onsdag 12. mars 2031, kl. 17.00");
    expect(nn.text).toContain("Velkomen til Dialogmøte med formannskapet – Vågsbygd!");
    expect(nn.html).toContain('<html lang="nn">');
    const en = all.find((m) => m.toAddress === people.amir.email)!;
    expect(en.subject).toBe("Reminder: Dialogmøte med formannskapet – Vågsbygd, Wednesday 12 March 2031, 17:00");
    expect(en.text).toContain("Hi Amir Haddad,");
    expect(en.text).toContain("Programme:\n17:00–17:05  Velkommen");
    expect(en.text).toContain(`https://samhandling.test/registrations/${people.amir.token}`);
  });

  it("groups a programme over several days by day, and leaves out what the event has not got", () => {
    const items = [
      { title: "Åpning", startsAt: osloTime(2022, 10, 27, 9, 0), endsAt: osloTime(2022, 10, 27, 9, 15), room: null },
      { title: "Oppsummering", startsAt: osloTime(2022, 10, 28, 14, 0), endsAt: osloTime(2022, 10, 28, 14, 30), room: "Storsalen" },
      { title: "Lunsj", startsAt: osloTime(2022, 10, 27, 11, 30), endsAt: osloTime(2022, 10, 27, 12, 15), room: null },
    ];
    expect(programmeDays(items, "nb")).toEqual([
      {
        heading: "torsdag 27. oktober 2022",
        lines: [
          { time: "09.00–09.15", title: "Åpning" },
          { time: "11.30–12.15", title: "Lunsj" },
        ],
      },
      { heading: "fredag 28. oktober 2022", lines: [{ time: "14.00–14.30", title: "Oppsummering (Storsalen)" }] },
    ]);
    const mail = renderReminderMail(
      {
        title: "Samhandlingskonferansen",
        startsAt: osloTime(2022, 10, 27, 9, 0),
        endsAt: osloTime(2022, 10, 28, 15, 30),
        venueName: "Kilden",
        venueAddress: "Sjølystveien 2",
        venuePostcode: "4610",
        venueCity: "Eksempelby",
        livestreamUrl: null,
        programmeItems: items,
      },
      { name: "Kari <Nordmann>", token: "abc" },
      "nb",
    );
    expect(mail.text).toContain("Program:\n\nTorsdag 27. oktober 2022\n09.00–09.15  Åpning\n11.30–12.15  Lunsj\n\nFredag 28. oktober 2022\n14.00–14.30  Oppsummering (Storsalen)");
    expect(mail.text).not.toContain("Direktesending");
    expect(mail.html).toContain("Hei Kari &lt;Nordmann&gt;,");
    expect(mail.html).toContain("<h3");
  });
});

describe("what staff see", () => {
  const base = { status: "PUBLISHED", startsAt: STARTS, reminderHoursBefore: 24, reminderSentAt: null };
  it("says when the reminder goes, went, or why there is none", () => {
    expect(reminderStatus(base, hoursBefore(48))).toEqual({ state: "scheduled", at: hoursBefore(24), published: true, overdue: false });
    expect(reminderStatus(base, hoursBefore(23))).toEqual({ state: "scheduled", at: hoursBefore(24), published: true, overdue: true });
    expect(reminderStatus({ ...base, status: "DRAFT" }, hoursBefore(48))).toEqual({ state: "scheduled", at: hoursBefore(24), published: false, overdue: false });
    expect(reminderStatus({ ...base, reminderSentAt: hoursBefore(23) }, hoursBefore(1))).toEqual({ state: "sent", at: hoursBefore(23) });
    expect(reminderStatus({ ...base, reminderHoursBefore: null }, hoursBefore(48))).toEqual({ state: "none", reason: "off" });
    expect(reminderStatus({ ...base, status: "CANCELLED" }, hoursBefore(48))).toEqual({ state: "none", reason: "cancelled" });
    expect(reminderStatus(base, STARTS)).toEqual({ state: "none", reason: "started" });
  });
});

describe("the scheduler", () => {
  it("sends due reminders on its own, wakes the outbox, and stops cleanly", async () => {
    const startsAt = new Date(Date.now() + 2 * HOUR);
    const { event } = await meeting({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), reminderHoursBefore: 24 });
    const before = config();
    const woken = vi.fn();
    setConfig({ ...before, onMailQueued: woken });
    const log = { info: vi.fn(), error: vi.fn() };
    const scheduler = startReminderScheduler(0.05, log);
    try {
      await vi.waitFor(async () => {
        expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).reminderSentAt).not.toBeNull();
        expect(woken).toHaveBeenCalled();
      });
      expect(log.info).toHaveBeenCalledWith("reminders: 3 mail(s) queued for 1 event(s)");
      expect(log.error).not.toHaveBeenCalled();
    } finally {
      await scheduler.stop();
      setConfig(before);
    }
    expect(await reminders()).toHaveLength(3);
  });

  it("logs a failing round instead of throwing", async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const broken = { event: { findMany: () => Promise.reject(new Error("database gone")) } } as unknown as Db;
    setDb(broken, dbFlavour());
    const scheduler = startReminderScheduler(0.05, log);
    try {
      await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith("reminders: round failed", expect.any(Error)));
    } finally {
      await scheduler.stop();
      setDb(client, dbFlavour());
    }
  });
});
