import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { attendee, createEvent } from "../../../test/factories";
import { cancelRegistration, getRegistrationByToken, registerAttendee, updateRegistrationDetails } from "./registration.server";

async function statuses(eventId: string) {
  const rows = await db().registration.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

async function mailKinds(addresses: string[]) {
  const rows = await db().outboxMessage.findMany({ where: { toAddress: { in: addresses } }, select: { kind: true } });
  return rows.map((r) => r.kind).sort();
}

describe("capacity and the waiting list under concurrency", () => {
  it("50 simultaneous registrations for 10 seats give exactly 10 confirmed and 40 waiting", async () => {
    const event = await createEvent({ capacity: 10 });
    const people = Array.from({ length: 50 }, (_, i) => attendee(i));
    const outcomes = await Promise.all(people.map((p) => registerAttendee(event.id, p, "nb")));

    expect(outcomes.filter((o) => o.outcome === "confirmed")).toHaveLength(10);
    expect(outcomes.filter((o) => o.outcome === "waiting")).toHaveLength(40);
    expect(await statuses(event.id)).toEqual({ CONFIRMED: 10, WAITING: 40 });
    const after = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.confirmedCount).toBe(10);
    const kinds = await mailKinds(people.map((p) => p.email));
    expect(kinds.filter((k) => k === "CONFIRMATION")).toHaveLength(10);
    expect(kinds.filter((k) => k === "WAITLISTED")).toHaveLength(40);
    // The waiting list is a strict order: positions 1..40, no ties.
    const waiting = await db().registration.findMany({ where: { eventId: event.id, status: "WAITING" }, select: { token: true } });
    const positions = await Promise.all(waiting.map(async (w) => (await getRegistrationByToken(w.token))!.position));
    expect((positions as number[]).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("the same e-mail sent ten times at once makes one registration", async () => {
    const event = await createEvent({ capacity: 5 });
    const person = attendee("dup");
    const variants = Array.from({ length: 10 }, (_, i) => ({
      ...person,
      email: i % 2 ? person.email.toUpperCase() : ` ${person.email} `,
    }));
    const outcomes = await Promise.all(variants.map((v) => registerAttendee(event.id, v, "nb")));
    expect(outcomes.filter((o) => o.outcome === "confirmed")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "already-registered")).toHaveLength(9);
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(1);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(1);
  });

  it("a second registration with the same address tells what happened and re-sends the link", async () => {
    const event = await createEvent();
    const person = attendee("again");
    const first = await registerAttendee(event.id, person, "nb");
    const second = await registerAttendee(event.id, { ...person, name: "Someone Else" }, "en");
    expect(first.outcome).toBe("confirmed");
    expect(second).toEqual({ outcome: "already-registered", token: (first as { token: string }).token });
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(1);
    expect(await mailKinds([person.email])).toEqual(["CONFIRMATION", "LINK"]);
  });

  it("repeating the registration mails the link at most once per 15 minutes (no mail-bombing a stranger)", async () => {
    const event = await createEvent();
    const person = attendee("bomb");
    await registerAttendee(event.id, person, "nb");
    const again = await Promise.all(Array.from({ length: 6 }, () => registerAttendee(event.id, person, "nb")));
    for (let i = 0; i < 4; i++) again.push(await registerAttendee(event.id, person, "nb"));
    expect(again.every((o) => o.outcome === "already-registered")).toBe(true);
    expect(await mailKinds([person.email])).toEqual(["CONFIRMATION", "LINK"]);
    const later = await registerAttendee(event.id, person, "nb", new Date(Date.now() + 16 * 60_000));
    expect(later.outcome).toBe("already-registered");
    expect(await mailKinds([person.email])).toEqual(["CONFIRMATION", "LINK", "LINK"]);
  });
});

describe("cancelling and promotion", () => {
  it("gives the freed seat to the first person waiting, with a mail", async () => {
    const event = await createEvent({ capacity: 2 });
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => attendee(`p${n}`));
    const ra = await registerAttendee(event.id, a, "nb");
    await registerAttendee(event.id, b, "nb");
    const rc = await registerAttendee(event.id, c, "nb");
    await new Promise((r) => setTimeout(r, 5));
    const rd = await registerAttendee(event.id, d, "nb");
    expect([rc.outcome, rd.outcome]).toEqual(["waiting", "waiting"]);

    const result = await cancelRegistration((ra as { token: string }).token);
    expect(result.outcome).toBe("cancelled");
    expect(result.promoted).toHaveLength(1);

    const c2 = await getRegistrationByToken((rc as { token: string }).token);
    const d2 = await getRegistrationByToken((rd as { token: string }).token);
    expect(c2!.status).toBe("CONFIRMED");
    expect(d2!.status).toBe("WAITING");
    expect(d2!.position).toBe(1);
    expect(await mailKinds([a.email])).toEqual(["CANCELLED", "CONFIRMATION"]);
    expect(await mailKinds([c.email])).toEqual(["PROMOTED", "WAITLISTED"]);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(2);
  });

  it("five cancellations at once promote exactly five people and never overbook", async () => {
    const event = await createEvent({ capacity: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registerAttendee(event.id, attendee(`c${i}`), "nb")),
    );
    const confirmed = outcomes.filter((o) => o.outcome === "confirmed") as Array<{ token: string }>;
    const results = await Promise.all(confirmed.slice(0, 5).map((r) => cancelRegistration(r.token)));
    expect(results.flatMap((r) => r.promoted)).toHaveLength(5);
    expect(new Set(results.flatMap((r) => r.promoted)).size).toBe(5);
    expect(await statuses(event.id)).toEqual({ CONFIRMED: 10, WAITING: 5, CANCELLED: 5 });
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(10);
  });

  it("cancelling twice is harmless, and leaving the waiting list promotes nobody", async () => {
    const event = await createEvent({ capacity: 1 });
    const first = (await registerAttendee(event.id, attendee("x1"), "nb")) as { token: string };
    const waiter = (await registerAttendee(event.id, attendee("x2"), "nb")) as { token: string; outcome: string };
    expect(waiter.outcome).toBe("waiting");
    expect((await cancelRegistration(waiter.token)).promoted).toEqual([]);
    expect((await cancelRegistration(waiter.token)).outcome).toBe("already-cancelled");
    expect((await getRegistrationByToken(first.token))!.status).toBe("CONFIRMED");
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(1);
  });

  it("someone who cancelled can register again, with a new link and a higher calendar sequence", async () => {
    const event = await createEvent({ capacity: 3 });
    const person = attendee("back");
    const first = (await registerAttendee(event.id, person, "nb")) as { token: string };
    await cancelRegistration(first.token);
    const again = (await registerAttendee(event.id, person, "nb")) as { token: string; outcome: string };
    expect(again.outcome).toBe("confirmed");
    expect(again.token).not.toBe(first.token);
    expect(await getRegistrationByToken(first.token)).toBeNull();
    const row = await db().registration.findUniqueOrThrow({ where: { token: again.token } });
    expect(row.icsSequence).toBe(2);
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(1);
  });
});

describe("refusals", () => {
  it.each([
    ["cancelled", { status: "CANCELLED" }],
    ["not-found", { status: "DRAFT" }],
    ["closed", { registrationClosesAt: new Date(Date.now() - 1000) }],
    ["not-open", { registrationOpensAt: new Date(Date.now() + 24 * 3600_000) }],
    ["past", { startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) }],
  ] as const)("refuses a %s event and stores nothing", async (reason, overrides) => {
    const event = await createEvent(overrides);
    const person = attendee(`r-${reason}`);
    expect(await registerAttendee(event.id, person, "nb")).toEqual({ outcome: "refused", reason });
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(0);
    expect(await mailKinds([person.email])).toEqual([]);
  });
});

describe("the attendee's own page", () => {
  it("changes details and keeps sensitive answers apart", async () => {
    const event = await createEvent();
    const r = (await registerAttendee(event.id, attendee("d", { diet: "Nøtteallergi" }), "nb")) as { token: string };
    const before = await getRegistrationByToken(r.token);
    expect(before!.needs).toEqual({ diet: "Nøtteallergi", accessibility: null });
    const ok = await updateRegistrationDetails(r.token, {
      name: "Kari Nordmann",
      phone: "+4712345678",
      organisation: "Testby velforening",
      diet: undefined,
      accessibility: "Teleslynge",
      newsletter: true,
    });
    expect(ok).toBe(true);
    const after = await getRegistrationByToken(r.token);
    expect(after).toMatchObject({ name: "Kari Nordmann", phone: "+4712345678", newsletterConsent: true });
    expect(after!.needs).toEqual({ diet: null, accessibility: "Teleslynge" });
  });

  it("does not look up malformed tokens", async () => {
    expect(await getRegistrationByToken("../../etc")).toBeNull();
    expect(await getRegistrationByToken("x".repeat(43))).toBeNull();
  });
});
