import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n.server";
import { db } from "~/utils/db.server";
import { translateKeyed } from "./keyed-message";
import { attendee, createEvent, uniqueSlug } from "../../../test/factories";
import { registerAttendee } from "~/modules/registration/registration.server";
import { cancelEvent, createEvent as createAdminEvent, publishEvent, updateEvent } from "./events-admin.server";
import { eventSchema, type EventInput } from "./event.schema";
import { parseOsloLocal, toOsloLocal } from "./oslo-time";

const actor = { id: null, email: "arrangor@samhandling.test" };
const nb = (message: string | false | undefined) => (message ? translateKeyed(translator("nb"), message) : message);

type EventRow = Awaited<ReturnType<typeof createEvent>>;

/** The edit form as the browser would post it for an event, with some fields changed. */
function formFor(e: EventRow, changes: Record<string, string> = {}): EventInput {
  const form: Record<string, string> = {
    kind: e.kind,
    title: e.title,
    slug: e.slug,
    summary: e.summary,
    description: e.description,
    district: e.district ?? "",
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    venuePostcode: e.venuePostcode,
    venueCity: e.venueCity,
    startsAt: toOsloLocal(e.startsAt),
    endsAt: toOsloLocal(e.endsAt),
    capacity: e.capacity === null ? "" : String(e.capacity),
    registrationOpensAt: toOsloLocal(e.registrationOpensAt),
    registrationClosesAt: toOsloLocal(e.registrationClosesAt),
    livestreamUrl: e.livestreamUrl ?? "",
    privacyNotice: e.privacyNotice,
    reminderHoursBefore: e.reminderHoursBefore === null ? "" : String(e.reminderHoursBefore),
    needsRetentionDays: String(e.needsRetentionDays),
    personalDataRetentionDays: String(e.personalDataRetentionDays),
    ...changes,
  };
  const parsed = eventSchema.safeParse(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.flatten()));
  return parsed.data;
}

function parseIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const vevent = root.getFirstSubcomponent("vevent")!;
  return {
    method: String(root.getFirstPropertyValue("method")),
    uid: String(vevent.getFirstPropertyValue("uid")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    location: String(vevent.getFirstPropertyValue("location")),
    status: String(vevent.getFirstPropertyValue("status")),
    start: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  };
}

async function mails(address: string, kind?: string) {
  return db().outboxMessage.findMany({ where: { toAddress: address, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
}

const calendarOf = (mail: { attachments: string }) => {
  const [a] = JSON.parse(mail.attachments) as Array<{ content: string; method: string }>;
  return { ...parseIcs(a.content), attachmentMethod: a.method };
};

describe("changing a published event", () => {
  it("a new venue raises SEQUENCE and mails every confirmed and waiting registrant an updated invitation", async () => {
    const event = await createEvent({ capacity: 1 });
    const [a, b, c] = [attendee("a"), attendee("b"), attendee("c")];
    await registerAttendee(event.id, a, "nb");
    await registerAttendee(event.id, b, "nn"); // waiting
    const rc = await registerAttendee(event.id, c, "en");
    await db().registration.updateMany({ where: { eventId: event.id, email: c.email }, data: { status: "CANCELLED" } });
    expect(rc.outcome).toBe("waiting");

    const confirmation = calendarOf((await mails(a.email, "CONFIRMATION"))[0]);
    const result = await updateEvent(actor, event.id, formFor(event, { venueName: "Lund kirke", venueAddress: "Kirkegata 5" }));
    expect(result).toMatchObject({ ok: true, notified: 2 });

    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.sequence).toBe(event.sequence + 1);
    const [changedA] = await mails(a.email, "EVENT_CHANGED");
    const [changedB] = await mails(b.email, "EVENT_CHANGED");
    expect(await mails(c.email, "EVENT_CHANGED")).toHaveLength(0);
    expect(changedA.subject).toContain("Endret tid eller sted");
    expect(changedB.subject).toContain("Endra tid eller stad"); // nynorsk
    const cal = calendarOf(changedA);
    expect(cal.method).toBe("REQUEST");
    expect(cal.attachmentMethod).toBe("REQUEST");
    expect(cal.uid).toBe(confirmation.uid);
    expect(cal.sequence).toBeGreaterThan(confirmation.sequence);
    expect(cal.location).toContain("Lund kirke, Kirkegata 5");
    expect(changedA.text).toContain("Lund kirke");

    const log = await db().auditLog.findFirstOrThrow({ where: { targetId: event.id, action: "event.update" } });
    expect(JSON.parse(log.details).changes.venueName).toEqual({ before: "Testby skole", after: "Lund kirke" });
  });

  it("a new start time is in the invitation; a change of text only mails nobody", async () => {
    const event = await createEvent();
    const a = attendee("time");
    await registerAttendee(event.id, a, "nb");
    const newStart = parseOsloLocal(toOsloLocal(new Date(event.startsAt.getTime() + 3600_000)))!;
    await updateEvent(
      actor,
      event.id,
      formFor(event, { startsAt: toOsloLocal(newStart), endsAt: toOsloLocal(new Date(event.endsAt.getTime() + 3600_000)) }),
    );
    const [changed] = await mails(a.email, "EVENT_CHANGED");
    expect(calendarOf(changed).start.getTime()).toBe(newStart.getTime());

    const moved = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    await updateEvent(actor, event.id, formFor(moved, { summary: "Ny omtale" }));
    expect(await mails(a.email, "EVENT_CHANGED")).toHaveLength(1);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).sequence).toBe(moved.sequence);
  });

  it("changing a draft mails nobody and keeps SEQUENCE", async () => {
    const event = await createEvent({ status: "DRAFT" });
    await updateEvent(actor, event.id, formFor(event, { venueName: "Et annet sted" }));
    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.venueName).toBe("Et annet sted");
    expect(after.sequence).toBe(0);
  });
});

describe("capacity", () => {
  it("raising it promotes people from the waiting list", async () => {
    const event = await createEvent({ capacity: 1 });
    const people = [attendee("c1"), attendee("c2"), attendee("c3")];
    for (const p of people) await registerAttendee(event.id, p, "nb");
    const result = await updateEvent(actor, event.id, formFor(event, { capacity: "2" }));
    expect(result).toMatchObject({ ok: true, promoted: 1 });
    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.confirmedCount).toBe(2);
    expect(await mails(people[1].email, "PROMOTED")).toHaveLength(1);
    expect(await db().registration.count({ where: { eventId: event.id, status: "WAITING" } })).toBe(1);

    // Unlimited: everybody gets a seat.
    await updateEvent(actor, event.id, formFor(after, { capacity: "" }));
    expect(await db().registration.count({ where: { eventId: event.id, status: "WAITING" } })).toBe(0);
  });

  it("lowering it below the confirmed count is refused and changes nothing", async () => {
    const event = await createEvent({ capacity: 5 });
    for (const n of [1, 2, 3]) await registerAttendee(event.id, attendee(`low${n}`), "nb");
    const before = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    const result = await updateEvent(actor, event.id, formFor(before, { capacity: "2", title: "Endret tittel" }));
    expect(result.ok).toBe(false);
    expect(nb(!result.ok && result.fieldErrors?.capacity?.[0])).toContain("bekreftede påmeldinger (3)");
    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toEqual(before);
    expect(await db().auditLog.count({ where: { targetId: event.id } })).toBe(0);
  });
});

describe("cancelling", () => {
  it("mails every registrant who has not cancelled a CANCEL for their invitation", async () => {
    const event = await createEvent({ capacity: 1 });
    const [a, b] = [attendee("x1"), attendee("x2")];
    await registerAttendee(event.id, a, "en");
    await registerAttendee(event.id, b, "nb");
    const confirmation = calendarOf((await mails(a.email, "CONFIRMATION"))[0]);
    const result = await cancelEvent(actor, event.id);
    expect(result).toEqual({ ok: true, notified: 2 });
    const [cancelA] = await mails(a.email, "EVENT_CANCELLED");
    expect(cancelA.subject).toBe(`Cancelled: ${event.title}`);
    const cal = calendarOf(cancelA);
    expect(cal.method).toBe("CANCEL");
    expect(cal.status).toBe("CANCELLED");
    expect(cal.uid).toBe(confirmation.uid);
    expect(cal.sequence).toBeGreaterThan(confirmation.sequence);
    expect(await mails(b.email, "EVENT_CANCELLED")).toHaveLength(1);
    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.status).toBe("CANCELLED");
    expect(after.cancelledAt).not.toBeNull();
    expect(await cancelEvent(actor, event.id)).toEqual({ ok: false, notified: 0 });
  });
});

describe("creating and publishing", () => {
  it("generates a unique slug from the title, and refuses a slug in use", async () => {
    const existing = await createEvent();
    const base = formFor(existing, { title: `Verksted på Søm ${uniqueSlug("x")}`, slug: "" });
    const first = await createAdminEvent(actor, base);
    const second = await createAdminEvent(actor, base);
    expect(first.ok && second.ok).toBe(true);
    const [e1, e2] = await Promise.all([
      db().event.findUniqueOrThrow({ where: { id: (first as { id: string }).id } }),
      db().event.findUniqueOrThrow({ where: { id: (second as { id: string }).id } }),
    ]);
    expect(e1.slug).toMatch(/^verksted-pa-som-/);
    expect(e2.slug).toBe(`${e1.slug}-2`);
    expect(e1.status).toBe("DRAFT");
    const clash = await createAdminEvent(actor, { ...base, slug: existing.slug });
    expect(clash).toEqual({ ok: false, fieldErrors: { slug: [expect.any(String)] } });
    expect(nb(!clash.ok && clash.fieldErrors?.slug?.[0])).toContain("i bruk");

    expect(await publishEvent(actor, e1.id)).toBe(true);
    const published = await db().event.findUniqueOrThrow({ where: { id: e1.id } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
    expect(await publishEvent(actor, e1.id)).toBe(false);
  });

  it("the schema refuses a bad postcode, an end before the start and a bad reminder", () => {
    const result = eventSchema.safeParse({
      kind: "WORKSHOP",
      title: "T",
      summary: "S",
      venueName: "V",
      venueAddress: "A",
      venuePostcode: "461",
      venueCity: "K",
      startsAt: "2027-03-10T17:00",
      endsAt: "2027-03-10T16:00",
      reminderHoursBefore: "-3",
    });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["endsAt", "reminderHoursBefore", "venuePostcode"]);
  });
});

describe("retention settings", () => {
  const base = {
    kind: "WORKSHOP",
    title: "T",
    summary: "S",
    venueName: "V",
    venueAddress: "A",
    venuePostcode: "4611",
    venueCity: "K",
    startsAt: "2027-03-10T17:00",
    endsAt: "2027-03-10T19:00",
  };
  const errorsOf = (fields: Record<string, string>) => {
    const result = eventSchema.safeParse({ ...base, ...fields });
    return result.success ? {} : result.error.flatten().fieldErrors;
  };

  it("default to 14 and 365 days when left out or blank", () => {
    for (const fields of [{}, { needsRetentionDays: "", personalDataRetentionDays: " " }]) {
      const parsed = eventSchema.parse({ ...base, ...fields });
      expect([parsed.needsRetentionDays, parsed.personalDataRetentionDays]).toEqual([14, 365]);
    }
  });

  it.each([
    [{ needsRetentionDays: "0" }, "needsRetentionDays", "fra 1 til 365"],
    [{ needsRetentionDays: "366" }, "needsRetentionDays", "fra 1 til 365"],
    [{ needsRetentionDays: "2.5" }, "needsRetentionDays", "fra 1 til 365"],
    [{ needsRetentionDays: "to uker" }, "needsRetentionDays", "fra 1 til 365"],
    [{ personalDataRetentionDays: "29" }, "personalDataRetentionDays", "fra 30 til 3650"],
    [{ personalDataRetentionDays: "3651" }, "personalDataRetentionDays", "fra 30 til 3650"],
    [{ needsRetentionDays: "200", personalDataRetentionDays: "100" }, "personalDataRetentionDays", "minst like mange dager"],
  ])("refuse %o with a readable message", (fields, field, message) => {
    const errors = errorsOf(fields) as Record<string, string[]>;
    expect(Object.keys(errors)).toEqual([field]);
    expect(nb(errors[field]![0])).toContain(message);
  });

  it("are saved per event and audited", async () => {
    const event = await createEvent({ status: "DRAFT", startsAt: new Date("2027-05-05T15:00:00Z"), endsAt: new Date("2027-05-05T17:00:00Z") });
    const result = await updateEvent(actor, event.id, formFor(event, { needsRetentionDays: "3", personalDataRetentionDays: "90" }));
    expect(result.ok).toBe(true);
    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect([after.needsRetentionDays, after.personalDataRetentionDays]).toEqual([3, 90]);
    const log = await db().auditLog.findFirstOrThrow({ where: { targetId: event.id, action: "event.update" } });
    expect(JSON.parse(log.details).changes).toEqual({
      needsRetentionDays: { before: 14, after: 3 },
      personalDataRetentionDays: { before: 365, after: 90 },
    });
  });
});

describe("mails about a change follow each registrant's language", () => {
  it("an English registrant gets an English cancellation, a nynorsk one a nynorsk change, both with the organiser's words filled in", async () => {
    const event = await createEvent();
    const [en, nn] = [attendee("cancel-en"), attendee("change-nn")];
    await registerAttendee(event.id, en, "en");
    await registerAttendee(event.id, nn, "nn");
    await updateEvent(actor, event.id, formFor(event, { venueName: "Ny stad" }));
    const [changed] = await mails(nn.email, "EVENT_CHANGED");
    expect(changed.subject).toBe(`Endra tid eller stad: ${event.title}`);
    expect(changed.text).toContain("Den vedlagde kalenderoppføringa");
    expect(changed.text).not.toContain("{{");

    await cancelEvent(actor, event.id);
    const [cancelled] = await mails(en.email, "EVENT_CANCELLED");
    expect(cancelled.subject).toBe(`Cancelled: ${event.title}`);
    expect(cancelled.text).toContain("Your registration no longer applies");
    expect(cancelled.text).not.toContain("{{");
    expect(JSON.parse(cancelled.attachments)[0].filename).toBe("cancellation.ics");
  });
});
