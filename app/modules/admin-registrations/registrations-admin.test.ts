import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/audit/audit.server";
import { registerAttendee } from "~/modules/registration/registration.server";
import { db } from "~/utils/db.server";
import { attendee, createEvent } from "../../../test/factories";
import { exportRegistrations } from "./export.server";
import {
  addRegistrationByStaff,
  cancelByStaff,
  confirmFromWaitlist,
  listRegistrations,
} from "./registrations-admin.server";
import { staffRegistrationSchema, type StaffRegistrationInput } from "./staff-registration.schema";

const actor: Actor = { id: null, email: "dora@kristiansand.kommune.no" };

function byHand(n: string, overrides: Partial<StaffRegistrationInput> = {}): StaffRegistrationInput {
  const { privacyConsent: _p, website: _w, ...rest } = attendee(n);
  return { ...rest, consentConfirmed: "on", locale: "nb", ...overrides };
}

async function register(eventId: string, n: string, overrides: Parameters<typeof attendee>[1] = {}) {
  const person = attendee(n, overrides);
  const outcome = (await registerAttendee(eventId, person, "nb")) as { outcome: string; token: string };
  const reg = await db().registration.findUniqueOrThrow({ where: { token: outcome.token } });
  return reg;
}

const seats = async (eventId: string) => db().event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true, confirmedCount: true } });
const mails = async (email: string) => (await db().outboxMessage.findMany({ where: { toAddress: email } })).map((m) => m.kind).sort();
const audits = async (action: string, targetId: string) => db().auditLog.count({ where: { action, targetId } });

describe("the staff form's schema", () => {
  it("is the public schema without the attendee's consent, plus the staff's confirmation", () => {
    const form = { name: "Kari", email: "kari@example.no", locale: "nn" };
    expect(staffRegistrationSchema.safeParse({ ...form, consentConfirmed: "on" }).success).toBe(true);
    const missing = staffRegistrationSchema.safeParse(form);
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path[0])).toEqual(["consentConfirmed"]);
    const bad = staffRegistrationSchema.safeParse({ name: "<b>", email: "nope", consentConfirmed: "on" });
    expect([...new Set(bad.error!.issues.map((i) => i.path[0]))].sort()).toEqual(["email", "name"]);
  });
});

describe("adding someone by hand", () => {
  it("confirms while there are seats, marks the row as added by staff, mails and audits", async () => {
    const event = await createEvent({ capacity: 1 });
    const input = byHand("hand", { name: "Åse Ødegård", diet: "Glutenfri" });
    const outcome = await addRegistrationByStaff(event.id, input, actor);
    expect(outcome.outcome).toBe("confirmed");
    const reg = await db().registration.findFirstOrThrow({ where: { eventId: event.id }, include: { needs: true } });
    expect(reg).toMatchObject({ status: "CONFIRMED", source: "STAFF", name: "Åse Ødegård", locale: "nb" });
    expect(reg.checkInCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(reg.needs?.diet).toBe("Glutenfri");
    expect(await mails(input.email)).toEqual(["CONFIRMATION"]);
    expect(await audits("registration.addByStaff", reg.id)).toBe(1);
    expect((await seats(event.id)).confirmedCount).toBe(1);

    // The event is now full: the next person goes on the waiting list, like on the public form.
    const next = byHand("hand2");
    expect(await addRegistrationByStaff(event.id, next, actor)).toMatchObject({ outcome: "waiting", position: 1 });
    expect(await mails(next.email)).toEqual(["WAITLISTED"]);
    expect((await seats(event.id)).confirmedCount).toBe(1);
  });

  it("refuses a duplicate address (in any case) and changes nothing", async () => {
    const event = await createEvent();
    const existing = await register(event.id, "dup", { name: "Kari Nordmann" });
    const outcome = await addRegistrationByStaff(event.id, byHand("dup2", { email: existing.email.toUpperCase() }), actor);
    expect(outcome).toEqual({ outcome: "duplicate", name: "Kari Nordmann", status: "CONFIRMED" });
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(1);
    expect((await seats(event.id)).confirmedCount).toBe(1);
    expect(await mails(existing.email)).toEqual(["CONFIRMATION"]);
  });

  it("ten parallel adds of the same address make one registration", async () => {
    const event = await createEvent({ capacity: 3 });
    const input = byHand("race");
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => addRegistrationByStaff(event.id, input, actor)));
    expect(outcomes.filter((o) => o.outcome === "confirmed")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "duplicate")).toHaveLength(9);
    expect((await seats(event.id)).confirmedCount).toBe(1);
  });

  it("refuses for a cancelled event", async () => {
    const event = await createEvent({ status: "CANCELLED" });
    expect(await addRegistrationByStaff(event.id, byHand("cx"), actor)).toEqual({ outcome: "event-cancelled" });
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("moving someone from the waiting list", () => {
  it("refuses when the event is full and changes nothing; with the explicit option raises capacity by one", async () => {
    const event = await createEvent({ capacity: 1 });
    await register(event.id, "seated");
    const first = await register(event.id, "w1");
    const second = await register(event.id, "w2", { name: "Siri Andre" });
    expect(second.status).toBe("WAITING");

    expect(await confirmFromWaitlist(event.id, second.id, actor)).toEqual({ outcome: "full", name: "Siri Andre", capacity: 1 });
    expect(await seats(event.id)).toEqual({ capacity: 1, confirmedCount: 1 });
    expect((await db().registration.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("WAITING");

    // The person chosen, not the first in line, gets the seat.
    const raised = await confirmFromWaitlist(event.id, second.id, actor, { raiseCapacity: true });
    expect(raised).toEqual({ outcome: "confirmed", name: "Siri Andre", capacityRaised: true });
    expect(await seats(event.id)).toEqual({ capacity: 2, confirmedCount: 2 });
    const after = await db().registration.findUniqueOrThrow({ where: { id: second.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", waitingSince: null });
    expect(after.promotedAt).not.toBeNull();
    expect((await db().registration.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("WAITING");
    expect(await mails(second.email)).toEqual(["PROMOTED", "WAITLISTED"]);
    expect(await audits("registration.confirmFromWaitlist", second.id)).toBe(1);
    expect(await audits("event.capacityRaised", event.id)).toBe(1);

    expect(await confirmFromWaitlist(event.id, second.id, actor)).toMatchObject({ outcome: "not-waiting", status: "CONFIRMED" });
  });

  it("takes a free seat without touching capacity", async () => {
    const event = await createEvent({ capacity: 1 });
    const seated = await register(event.id, "s");
    const waiting = await register(event.id, "w");
    await db().event.update({ where: { id: event.id }, data: { capacity: 2 } });
    expect(await confirmFromWaitlist(event.id, waiting.id, actor, { raiseCapacity: true })).toMatchObject({
      outcome: "confirmed",
      capacityRaised: false,
    });
    expect(await seats(event.id)).toEqual({ capacity: 2, confirmedCount: 2 });
    expect(seated.status).toBe("CONFIRMED");
  });

  it("never overbooks: five people moved at once for two free seats", async () => {
    const event = await createEvent({ capacity: 0 });
    const waiting = await Promise.all([1, 2, 3, 4, 5].map((n) => register(event.id, `par${n}`)));
    await db().event.update({ where: { id: event.id }, data: { capacity: 2 } });
    const outcomes = await Promise.all(waiting.map((w) => confirmFromWaitlist(event.id, w.id, actor)));
    expect(outcomes.filter((o) => o.outcome === "confirmed")).toHaveLength(2);
    expect(outcomes.filter((o) => o.outcome === "full")).toHaveLength(3);
    expect(await seats(event.id)).toEqual({ capacity: 2, confirmedCount: 2 });
    expect(await db().registration.count({ where: { eventId: event.id, status: "CONFIRMED" } })).toBe(2);
  });

  it("the same person moved twice at once takes one seat", async () => {
    const event = await createEvent({ capacity: 0 });
    const w = await register(event.id, "twice");
    await db().event.update({ where: { id: event.id }, data: { capacity: 5 } });
    const outcomes = await Promise.all([1, 2, 3].map(() => confirmFromWaitlist(event.id, w.id, actor)));
    expect(outcomes.filter((o) => o.outcome === "confirmed")).toHaveLength(1);
    expect(await seats(event.id)).toEqual({ capacity: 5, confirmedCount: 1 });
    expect(await mails(w.email)).toEqual(["PROMOTED", "WAITLISTED"]);
  });

  it("does not touch another event's registration", async () => {
    const event = await createEvent({ capacity: 0 });
    const other = await createEvent({ capacity: 0 });
    const w = await register(other.id, "other");
    expect(await confirmFromWaitlist(event.id, w.id, actor, { raiseCapacity: true })).toEqual({ outcome: "not-found" });
    expect(await seats(event.id)).toEqual({ capacity: 0, confirmedCount: 0 });
  });
});

describe("cancelling on someone's behalf", () => {
  it("cancels, promotes the next in line with a mail, and audits", async () => {
    const event = await createEvent({ capacity: 1 });
    const seated = await register(event.id, "c1", { name: "Per Plass" });
    const next = await register(event.id, "c2");
    expect(await cancelByStaff(event.id, seated.id, actor)).toEqual({ outcome: "cancelled", name: "Per Plass", promoted: 1 });
    expect((await db().registration.findUniqueOrThrow({ where: { id: next.id } })).status).toBe("CONFIRMED");
    expect(await mails(seated.email)).toEqual(["CANCELLED", "CONFIRMATION"]);
    expect(await mails(next.email)).toEqual(["PROMOTED", "WAITLISTED"]);
    expect(await audits("registration.cancelByStaff", seated.id)).toBe(1);
    expect(await cancelByStaff(event.id, seated.id, actor)).toEqual({ outcome: "already-cancelled", name: "Per Plass" });
    expect(await audits("registration.cancelByStaff", seated.id)).toBe(1);
    expect(await cancelByStaff((await createEvent()).id, next.id, actor)).toEqual({ outcome: "not-found" });
  });
});

describe("the list", () => {
  it("counts, filters, searches (æøå, any case) and shows waiting-list places", async () => {
    const event = await createEvent({ capacity: 2 });
    await register(event.id, "l1", { name: "Øystein Ås", organisation: "Lund velforening" });
    const b = await register(event.id, "l2", { name: "Kari Nordmann" });
    const w1 = await register(event.id, "l3", { name: "Vera Først" });
    await new Promise((r) => setTimeout(r, 5));
    const w2 = await register(event.id, "l4", { name: "Vilde Sist" });
    await db().registration.update({ where: { id: b.id }, data: { checkedInAt: new Date() } });

    const all = await listRegistrations(event.id);
    expect(all.counts).toEqual({ total: 4, confirmed: 2, waiting: 2, cancelled: 0, checkedIn: 1 });
    expect(all.registrations.find((r) => r.id === w1.id)?.position).toBe(1);
    expect(all.registrations.find((r) => r.id === w2.id)?.position).toBe(2);
    const names = async (f: Parameters<typeof listRegistrations>[1]) => (await listRegistrations(event.id, f)).registrations.map((r) => r.name);
    expect(await names({ q: "øYSTEIN" })).toEqual(["Øystein Ås"]);
    expect(await names({ q: "VELFORENING" })).toEqual(["Øystein Ås"]);
    expect(await names({ q: b.email.toUpperCase() })).toEqual(["Kari Nordmann"]);
    expect(await names({ status: "WAITING" })).toEqual(["Vera Først", "Vilde Sist"]);
    expect(await names({ checkedIn: "yes" })).toEqual(["Kari Nordmann"]);
    expect((await names({ checkedIn: "no", status: "CONFIRMED" }))).toEqual(["Øystein Ås"]);
  });
});

describe("exports", () => {
  async function exportEvent() {
    const event = await createEvent({ capacity: 1, slug: `eksport-${Date.now()}` });
    await register(event.id, "e1", { name: "Åse Ødegård", organisation: "Bærum & Co", diet: "Nøtteallergi", phone: "+4712345678" });
    await register(event.id, "e2", { name: "=HYPERLINK(\"x\")" as string });
    return event;
  }

  it("CSV opens in Norwegian Excel: BOM, semicolons, æøå intact, formulas neutralised, needs only on request; audited", async () => {
    const event = await exportEvent();
    const file = await exportRegistrations(event.id, "csv", { filters: {}, includeNeeds: false }, actor);
    const text = file!.content.toString("utf8");
    expect([...file!.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe('"Navn";"E-post";"Telefon";"Organisasjon";"Status";"Plass på venteliste";"Påmeldt";"Lagt inn av";"Sjekket inn";"Nyhetsbrev"');
    expect(lines[1]).toContain('"Åse Ødegård";');
    expect(lines[1]).toContain('"12 34 56 78";"Bærum & Co";"Bekreftet"');
    expect(text).not.toContain("Nøtteallergi");
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain('"Venteliste";"1"');
    expect(file!.filename).toBe(`pameldinger-${event.slug}.csv`);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "registration.export", targetId: event.id } });
    expect(JSON.parse(entry.details)).toMatchObject({ format: "csv", count: 2, includeNeeds: false });

    const withNeeds = await exportRegistrations(event.id, "csv", { filters: { status: "CONFIRMED" }, includeNeeds: true }, actor);
    const text2 = withNeeds!.content.toString("utf8");
    expect(text2).toContain('"Kost og allergier";"Tilrettelegging"');
    expect(text2).toContain('"Nøtteallergi"');
    expect(text2).not.toContain("HYPERLINK");
    expect(await db().auditLog.count({ where: { action: "registration.export", targetId: event.id } })).toBe(2);
  });

  it("XLSX has the same columns and values, read back with exceljs", async () => {
    const event = await exportEvent();
    const file = await exportRegistrations(event.id, "xlsx", { filters: {}, includeNeeds: true }, actor);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file!.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Påmeldinger")!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(["Navn", "E-post", "Telefon", "Organisasjon", "Status", "Plass på venteliste", "Påmeldt", "Lagt inn av", "Sjekket inn", "Nyhetsbrev", "Kost og allergier", "Tilrettelegging"]);
    expect(row(2)[0]).toBe("Åse Ødegård");
    expect(row(2)[3]).toBe("Bærum & Co");
    expect(row(2)[10]).toBe("Nøtteallergi");
    // A value that looks like a formula is stored as text, not as a formula.
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row(3)[0]).toBe('=HYPERLINK("x")');
    expect(row(3)[5]).toBe(1);
    expect(sheet.rowCount).toBe(3);
    expect(await db().auditLog.count({ where: { action: "registration.export", targetId: event.id } })).toBe(1);
  });

  it("returns nothing and audits nothing for an unknown event", async () => {
    expect(await exportRegistrations("no-such-event", "csv", { filters: {}, includeNeeds: false }, actor)).toBeNull();
    expect(await db().auditLog.count({ where: { action: "registration.export", targetId: "no-such-event" } })).toBe(0);
  });
});
