import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/audit/audit.server";
import { queueRegistrationMail } from "~/modules/registration/registration-mails.server";
import { cancelRegistration, registerAttendee } from "~/modules/registration/registration.server";
import { db } from "~/utils/db.server";
import { attendee, createEvent } from "../../../test/factories";
import { checkIn, checkInCounts, searchForCheckIn, undoCheckIn } from "./checkin.server";

const actor: Actor = { id: null, email: "dora@kristiansand.kommune.no" };

async function registered(eventId: string, overrides: Parameters<typeof attendee>[1] = {}, n: string = "x") {
  const person = attendee(n, overrides);
  const outcome = (await registerAttendee(eventId, person, "nb")) as { outcome: string; token: string };
  const reg = await db().registration.findUniqueOrThrow({ where: { token: outcome.token } });
  return { ...reg, outcome: outcome.outcome };
}

describe("the check-in code", () => {
  it("is made at registration: 128 random bits, URL-safe, different for everyone", async () => {
    const event = await createEvent();
    const a = await registered(event.id, {}, "a");
    const b = await registered(event.id, {}, "b");
    expect(a.checkInCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(b.checkInCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.checkInCode).not.toBe(b.checkInCode);
  });

  it("is replaced when someone cancels and registers again, so the old code no longer opens the door", async () => {
    const event = await createEvent();
    const person = attendee("again");
    const first = (await registerAttendee(event.id, person, "nb")) as { token: string };
    const before = await db().registration.findUniqueOrThrow({ where: { token: first.token } });
    await cancelRegistration(first.token);
    await registerAttendee(event.id, person, "nb");
    const after = await db().registration.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.status).toBe("CONFIRMED");
    expect(after.checkInCode).not.toBe(before.checkInCode);
    expect(await checkIn(event.id, { code: before.checkInCode! }, actor)).toEqual({ outcome: "not-found" });
    expect((await checkIn(event.id, { code: after.checkInCode! }, actor)).outcome).toBe("checked-in");
  });

  it("is created for an older registration without one when its promotion mail is queued", async () => {
    const event = await createEvent();
    const reg = await registered(event.id, {}, "legacy");
    await db().registration.update({ where: { id: reg.id }, data: { checkInCode: null } });
    const event2 = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    await db().$transaction((tx) => queueRegistrationMail(tx, "PROMOTED", event2, { ...reg, checkInCode: null }));
    const after = await db().registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(after.checkInCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: reg.email, kind: "PROMOTED" } });
    expect(mail.text).toContain(after.checkInCode!);
  });
});

describe("checking in", () => {
  it("checks a confirmed person in once; a second scan says when, and changes nothing", async () => {
    const event = await createEvent();
    const reg = await registered(event.id, { name: "Åse Ødegård" });
    const t1 = new Date("2026-11-24T16:01:00Z");
    const first = await checkIn(event.id, { code: reg.checkInCode! }, actor, t1);
    expect(first).toMatchObject({ outcome: "checked-in", name: "Åse Ødegård", registrationId: reg.id });
    const second = await checkIn(event.id, { code: reg.checkInCode! }, actor, new Date("2026-11-24T16:05:00Z"));
    expect(second).toMatchObject({ outcome: "already-checked-in", checkedInAt: t1 });
    const row = await db().registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row.checkedInAt).toEqual(t1);
    expect(await checkInCounts(event.id)).toEqual({ confirmed: 1, checkedIn: 1 });
    expect(await db().auditLog.count({ where: { targetId: reg.id, action: "registration.checkIn" } })).toBe(1);
  });

  it("refuses a code for another event, a waiting or cancelled registration and unknown codes, clearly", async () => {
    const event = await createEvent({ capacity: 1 });
    const other = await createEvent();
    const elsewhere = await registered(other.id, {}, "elsewhere");
    const seated = await registered(event.id, { name: "Per Sittende" }, "seated");
    const waiting = await registered(event.id, { name: "Vera Venter" }, "waiting");
    expect(waiting.outcome).toBe("waiting");
    const gone = await registered(other.id, { name: "Anne Avmeldt" }, "gone");
    await cancelRegistration(gone.token);

    expect(await checkIn(event.id, { code: elsewhere.checkInCode! }, actor)).toEqual({ outcome: "other-event" });
    expect(await checkIn(event.id, { code: waiting.checkInCode! }, actor)).toEqual({ outcome: "waiting", name: "Vera Venter" });
    expect(await checkIn(other.id, { code: gone.checkInCode! }, actor)).toEqual({ outcome: "cancelled", name: "Anne Avmeldt" });
    expect(await checkIn(event.id, { code: "AAAAAAAAAAAAAAAAAAAAAA" }, actor)).toEqual({ outcome: "not-found" });
    expect(await checkIn(event.id, { code: "'; drop table" }, actor)).toEqual({ outcome: "not-found" });
    expect(await checkIn(event.id, { registrationId: elsewhere.id }, actor)).toEqual({ outcome: "other-event" });
    // None of the refusals checked anyone in.
    expect(await db().registration.count({ where: { eventId: { in: [event.id, other.id] }, checkedInAt: { not: null } } })).toBe(0);
    expect((await checkIn(event.id, { registrationId: seated.id }, actor)).outcome).toBe("checked-in");
  });

  it("five phones scanning the same code at once check the person in exactly once", async () => {
    const event = await createEvent();
    const reg = await registered(event.id);
    const times = [1, 2, 3, 4, 5].map((s) => new Date(Date.UTC(2026, 10, 24, 16, 0, s)));
    const outcomes = await Promise.all(times.map((t) => checkIn(event.id, { code: reg.checkInCode! }, actor, t)));
    const winners = outcomes.filter((o) => o.outcome === "checked-in");
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "already-checked-in")).toHaveLength(4);
    const row = await db().registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row.checkedInAt).toEqual((winners[0] as { checkedInAt: Date }).checkedInAt);
    for (const o of outcomes) expect((o as { checkedInAt: Date }).checkedInAt).toEqual(row.checkedInAt);
    expect(await db().auditLog.count({ where: { targetId: reg.id, action: "registration.checkIn" } })).toBe(1);
  });

  it("can be undone once, and only for this event's registrations", async () => {
    const event = await createEvent();
    const other = await createEvent();
    const reg = await registered(event.id, { name: "Ola Angre" });
    await checkIn(event.id, { code: reg.checkInCode! }, actor);
    expect(await undoCheckIn(other.id, reg.id, actor)).toEqual({ outcome: "not-found" });
    expect(await undoCheckIn(event.id, reg.id, actor)).toEqual({ outcome: "undone", name: "Ola Angre" });
    expect(await undoCheckIn(event.id, reg.id, actor)).toEqual({ outcome: "not-checked-in", name: "Ola Angre" });
    const row = await db().registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row.checkedInAt).toBeNull();
    expect(row.checkedInById).toBeNull();
    expect(await checkInCounts(event.id)).toEqual({ confirmed: 1, checkedIn: 0 });
    expect((await checkIn(event.id, { code: reg.checkInCode! }, actor)).outcome).toBe("checked-in");
  });
});

describe("the manual search at the door", () => {
  it("finds confirmed people by name or e-mail, case-insensitive also for æøå, and no one waiting", async () => {
    const event = await createEvent({ capacity: 2 });
    await registered(event.id, { name: "Øystein Ærlig" }, "oe");
    await registered(event.id, { name: "Kari Nordmann", email: "kari.nordmann@example.no" }, "kari");
    await registered(event.id, { name: "Øyvind Venter" }, "waiting");
    expect((await searchForCheckIn(event.id, "øyst")).map((r) => r.name)).toEqual(["Øystein Ærlig"]);
    expect((await searchForCheckIn(event.id, "ÆRLIG")).map((r) => r.name)).toEqual(["Øystein Ærlig"]);
    expect((await searchForCheckIn(event.id, "KARI.NORD")).map((r) => r.name)).toEqual(["Kari Nordmann"]);
    expect((await searchForCheckIn(event.id, "øy")).map((r) => r.name)).toEqual(["Øystein Ærlig"]);
    expect(await searchForCheckIn(event.id, "k")).toEqual([]);
    const [hit] = await searchForCheckIn(event.id, "kari");
    expect(Object.keys(hit).sort()).toEqual(["checkedInAt", "email", "id", "name", "organisation"]);
  });
});
