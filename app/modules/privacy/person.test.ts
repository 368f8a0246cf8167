// Export and erasure of everything about one address, against a real database of its own (the
// erasure looks at whole tables), and the admin route's answers to bad input.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { getRegistrationByToken, registerAttendee } from "~/modules/registration/registration.server";
import { db } from "~/utils/db.server";
import { attendee, createEvent } from "../../../test/factories";
import { useOwnDatabase } from "../../../test/own-database";
import { action as exportAction } from "../../routes/admin.privacy.export";
import { action as pageAction } from "../../routes/admin.privacy";
import { countPerson, emailHash, erasePerson, exportPerson } from "./person.server";

useOwnDatabase("person");

const HOUR = 3600_000;
const actor = { id: null, email: "admin@kristiansand.kommune.no" };
const KARI = "Kari.Test@Example.no";
const kari = "kari.test@example.no";

type World = Awaited<ReturnType<typeof buildWorld>>;

/** Kari everywhere, and other people next to her who must not be touched. */
async function buildWorld() {
  const upcoming = await createEvent({ title: "Dialogmøte på Lund", capacity: 1 });
  const kariUpcoming = await registerAttendee(upcoming.id, attendee("k1", { name: "Kari Test", email: KARI, diet: "Glutenfri", accessibility: "Rullestol" }), "nb");
  const bob = attendee("bob", { name: "Bob Venter" });
  await registerAttendee(upcoming.id, bob, "nb");

  // An event that has ended: her seat there goes to nobody.
  const past = await createEvent({ title: "Dialogmøte i Vågsbygd", capacity: 1 });
  await registerAttendee(past.id, attendee("k2", { name: "Kari Test", email: kari }), "en");
  const carl = attendee("carl", { name: "Carl Venter" });
  await registerAttendee(past.id, carl, "nb");
  await db().event.update({ where: { id: past.id }, data: { startsAt: new Date(Date.now() - 5 * HOUR), endsAt: new Date(Date.now() - 3 * HOUR) } });

  const input = await db().citizenInput.create({
    data: { eventId: upcoming.id, theme: "TRAFFIC", text: "Farlig kryss ved skolen.", phase: "BEFORE", name: "Kari Test", email: KARI, emailNormalized: kari, phone: "+4791234567", privacyConsentAt: new Date() },
  });
  const othersInput = await db().citizenInput.create({
    data: { eventId: upcoming.id, theme: "TRAFFIC", text: "Mer lys.", phase: "BEFORE", name: "Nils", email: "nils@example.no", emailNormalized: "nils@example.no" },
  });
  const followUp = await db().followUpItem.create({
    data: { eventId: upcoming.id, title: "Trafikksikkerhet ved skolen", responsibleUnit: "Samferdsel", sourceInputId: input.id },
  });
  const request = await db().meetingRequest.create({
    data: {
      token: randomBytes(32).toString("base64url"),
      kind: "MEETING",
      organisationName: "Lund velforening",
      contactName: "Kari Test",
      contactEmail: KARI,
      contactEmailNormalized: kari,
      contactPhone: "+4791234567",
      topic: "Trafikk",
      description: "Vi ønsker et dialogmøte om trafikk.",
      privacyConsentAt: new Date(),
      updates: { create: [{ status: "RECEIVED", message: "Mottatt" }] },
    },
  });
  const feedback = await db().accessibilityFeedback.create({
    data: { message: "Kontrasten er svak.", contactName: "Kari", contactEmail: "KARI.test@example.no" },
  });
  const othersFeedback = await db().accessibilityFeedback.create({
    data: { message: "Fint.", contactName: "Nils", contactEmail: "nils@example.no" },
  });
  return { upcoming, past, kariToken: "token" in kariUpcoming ? kariUpcoming.token : "", bob, carl, input, othersInput, followUp, request, feedback, othersFeedback };
}

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe("one person's data", () => {
  it("is counted and exported under any spelling of the address", async () => {
    expect(await countPerson("  KARI.TEST@example.NO ")).toEqual({ registrations: 2, answers: 1, inputs: 1, requests: 1, feedback: 1, mails: 2 });
    const exported = await exportPerson(kari);
    expect(exported.email).toBe(kari);
    expect(exported.registrations.map((r) => [r.event.title, r.status, r.name, r.needs?.diet ?? null, r.needs?.accessibility ?? null])).toEqual([
      ["Dialogmøte på Lund", "CONFIRMED", "Kari Test", "Glutenfri", "Rullestol"],
      ["Dialogmøte i Vågsbygd", "CONFIRMED", "Kari Test", null, null],
    ]);
    expect(exported.inputs).toMatchObject([{ text: "Farlig kryss ved skolen.", phone: "+4791234567", followUp: { title: "Trafikksikkerhet ved skolen" } }]);
    expect(exported.requests).toMatchObject([{ organisationName: "Lund velforening", updates: [{ status: "RECEIVED", message: "Mottatt" }] }]);
    expect(exported.accessibilityFeedback).toMatchObject([{ id: w.feedback.id, message: "Kontrasten er svak." }]);
    expect(exported.mails.map((m) => m.kind).sort()).toEqual(["CONFIRMATION", "CONFIRMATION"]);
    // Metadata only, never the bodies (with the personal link) and never anyone else.
    const json = JSON.stringify(exported);
    expect(json).not.toContain("/registrations/");
    expect(json).not.toContain("Bob");
    expect(json).not.toContain("nils@example.no");
  });

  it("is erased in one go: seats go to the waiting list, she gets no mail, public follow-up stays", async () => {
    const bobBefore = await db().registration.findFirstOrThrow({ where: { eventId: w.upcoming.id, email: w.bob.email } });
    expect(bobBefore.status).toBe("WAITING");

    const result = await erasePerson(actor, ` ${KARI.toUpperCase()} `);
    expect(result).toEqual({ registrations: 2, answers: 1, inputs: 1, requests: 1, feedback: 1, mails: 2, promoted: 1 });

    expect(await db().registration.count({ where: { emailNormalized: kari } })).toBe(0);
    expect(await getRegistrationByToken(w.kariToken)).toBeNull();
    // Bob has her seat, as after a cancellation, and a mail saying so.
    const bob = await db().registration.findUniqueOrThrow({ where: { id: bobBefore.id } });
    expect(bob.status).toBe("CONFIRMED");
    expect(await db().outboxMessage.count({ where: { toAddress: w.bob.email, kind: "PROMOTED" } })).toBe(1);
    expect((await db().event.findUniqueOrThrow({ where: { id: w.upcoming.id } })).confirmedCount).toBe(1);
    // The ended event: her seat is released, nobody is promoted after the fact.
    expect((await db().event.findUniqueOrThrow({ where: { id: w.past.id } })).confirmedCount).toBe(0);
    expect((await db().registration.findFirstOrThrow({ where: { eventId: w.past.id, email: w.carl.email } })).status).toBe("WAITING");
    // No mail to her, in any spelling, queued or kept.
    const toHer = await db().outboxMessage.findMany({ select: { toAddress: true } });
    expect(toHer.filter((m) => m.toAddress.toLowerCase() === kari)).toEqual([]);

    expect(await db().citizenInput.findUnique({ where: { id: w.input.id } })).toBeNull();
    expect(await db().citizenInput.findUnique({ where: { id: w.othersInput.id } })).not.toBeNull();
    expect(await db().followUpItem.findUniqueOrThrow({ where: { id: w.followUp.id } })).toMatchObject({
      title: "Trafikksikkerhet ved skolen",
      sourceInputId: null,
    });
    const request = await db().meetingRequest.findUniqueOrThrow({ where: { id: w.request.id }, include: { updates: true } });
    expect(request).toMatchObject({ contactName: "Anonymisert", contactEmail: `anonymisert-${request.id}@invalid`, contactPhone: null, organisationName: "Lund velforening" });
    expect(request.anonymisedAt).not.toBeNull();
    expect(request.token).not.toBe(w.request.token);
    expect(request.updates).toHaveLength(1);
    expect(await db().accessibilityFeedback.findUniqueOrThrow({ where: { id: w.feedback.id } })).toMatchObject({ message: "Kontrasten er svak.", contactName: null, contactEmail: null });
    expect(await db().accessibilityFeedback.findUniqueOrThrow({ where: { id: w.othersFeedback.id } })).toMatchObject({ contactEmail: "nils@example.no" });

    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "privacy.erase" } });
    expect(entry.targetId).toBe(emailHash(kari));
    expect(JSON.parse(entry.details)).toEqual({ emailSha256: emailHash(kari), registrations: 2, answers: 1, inputs: 1, requests: 1, feedback: 1, mails: 2, promoted: 1 });
    expect(JSON.stringify(entry).toLowerCase()).not.toContain("kari");

    // Afterwards there is nothing left to export.
    expect(await countPerson(kari)).toEqual({ registrations: 0, answers: 0, inputs: 0, requests: 0, feedback: 0, mails: 0 });
    const after = await exportPerson(kari);
    expect([after.registrations, after.inputs, after.requests, after.accessibilityFeedback, after.mails]).toEqual([[], [], [], [], []]);
  });
});

describe("the admin route", () => {
  async function cookie(role: string) {
    const staff = await db().staffUser.create({ data: { email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@kommune.no`, name: "Ada", role } });
    return (await createStaffSession(staff.id, null)).split(";")[0];
  }
  const request = (path: string, c: string, form: Record<string, string>) =>
    new Request(`https://samhandling.test${path}`, {
      method: "POST",
      headers: { Cookie: c, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  const post = (c: string, form: Record<string, string>) => pageAction({ request: request("/admin/privacy", c, form), params: {}, context: {} as AppLoadContext });
  const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
  const body = (r: unknown) => (r as { data: Record<string, unknown> }).data;

  it("refuses a bad address and a wrong confirmation with 400 and readable errors, and deletes nothing", async () => {
    const c = await cookie("ADMIN");
    const event = await createEvent();
    const person = attendee("route", { name: "Rita Rute", diet: "Vegan" });
    await registerAttendee(event.id, person, "nb");

    const bad = await post(c, { intent: "lookup", email: "ikke en adresse" });
    expect(statusOf(bad)).toBe(400);
    expect(JSON.stringify(body(bad))).toContain("staff-tools:privacy.error.email");

    const found = await post(c, { intent: "lookup", email: person.email });
    expect(statusOf(found)).toBe(200);
    expect(body(found).person).toMatchObject({ email: person.email, counts: { registrations: 1, answers: 1 } });

    const auditsBefore = await db().auditLog.count();
    for (const confirmEmail of ["", "feil@example.no", "ikke en adresse"]) {
      const wrong = await post(c, { intent: "erase", email: person.email, confirmEmail });
      expect(statusOf(wrong)).toBe(400);
      expect(body(wrong).person).toMatchObject({ counts: { registrations: 1 } });
    }
    const mismatch = await post(c, { intent: "erase", email: person.email, confirmEmail: "feil@example.no" });
    expect(JSON.stringify(body(mismatch))).toContain("staff-tools:privacy.error.mismatch");
    const badErase = await post(c, { intent: "erase", email: "<script>", confirmEmail: "<script>" });
    expect(statusOf(badErase)).toBe(400);
    expect(statusOf(await post(c, { intent: "noe annet" }))).toBe(400);
    expect(await db().registration.count({ where: { email: person.email } })).toBe(1);
    expect(await db().registrationNeeds.count({ where: { registration: { email: person.email } } })).toBe(1);
    expect(await db().auditLog.count()).toBe(auditsBefore);

    const done = await post(c, { intent: "erase", email: person.email, confirmEmail: person.email.toUpperCase() });
    expect(statusOf(done)).toBe(200);
    expect(String(body(done).erased)).toContain("1 påmelding, 0 innspill");
    expect(await db().registration.count({ where: { email: person.email } })).toBe(0);
  });

  it("exports JSON as a download, audited without the address, and refuses a bad address", async () => {
    const c = await cookie("ADMIN");
    const event = await createEvent({ title: "Verksted om eksport" });
    const person = attendee("export", { name: "Eva Eksport", accessibility: "Tegnspråktolk" });
    await registerAttendee(event.id, person, "nb");

    const res = (await exportAction({ request: request("/admin/privacy/export", c, { email: person.email }), params: {}, context: {} as AppLoadContext })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="personopplysninger-\d{4}-\d{2}-\d{2}\.json"$/);
    const json = (await res.json()) as { registrations: Array<{ name: string; event: { title: string }; needs: { accessibility: string } }> };
    expect(json.registrations).toMatchObject([{ name: "Eva Eksport", event: { title: "Verksted om eksport" }, needs: { accessibility: "Tegnspråktolk" } }]);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "privacy.export", targetId: emailHash(person.email) } });
    expect(JSON.stringify(entry)).not.toContain(person.email);

    const bad = (await exportAction({ request: request("/admin/privacy/export", c, { email: "nei" }), params: {}, context: {} as AppLoadContext })) as Response;
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("gyldig e-postadresse");
  });

  it("is for admins only", async () => {
    const c = await cookie("ORGANISER");
    await expect(post(c, { intent: "lookup", email: "a@example.no" })).rejects.toMatchObject({ status: 403 });
  });
});
