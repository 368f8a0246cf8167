// Requests against a real database of their own (so counting outbox rows counts only ours):
// the public form's action, the status page, and triage with its mails, history and audit.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { createStaffSession } from "~/modules/auth/session.server";
import { osloInstant, toOsloLocal } from "~/modules/admin-events/oslo-time";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { useOwnDatabase } from "../../../test/own-database";
import { action as adminAction } from "../../routes/admin.requests.$requestId";
import { loader as adminListLoader } from "../../routes/admin.requests._index";
import { loader as statusLoader } from "../../routes/foresporsel.$token";
import { action as publicAction } from "../../routes/foresporsel._index";
import { loadOrgSettings } from "~/modules/settings/settings.server";
import { isValidOrganisationNumber, requestSchemaFor } from "./request.schema";
import { acceptRequest, declineRequest, markInReview } from "./requests.server";
import { acceptSchema } from "./triage.schema";

useOwnDatabase("requests");

// The form offers the organisation's districts (settings).
beforeAll(async () => {
  const districts = JSON.stringify(["Vågsbygd", "Lund", "Søm"]);
  await db().orgSettings.upsert({ where: { id: "org" }, create: { id: "org", districts }, update: { districts } });
  await loadOrgSettings();
});

const actor = { id: null, email: "arrangor@kristiansand.kommune.no" };
const HOUR = 3600_000;

const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
const bodyOf = (r: unknown) => JSON.stringify((r as { data: unknown }).data);

async function postPublic(fields: Record<string, string>, opts: { rateLimited?: boolean; cookie?: string } = {}) {
  const request = new Request("https://samhandling.test/foresporsel", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(opts.cookie ? { Cookie: opts.cookie } : {}) },
    body: new URLSearchParams(fields),
  });
  return publicAction({ request, params: {}, context: { cspNonce: "", registrationRateLimited: opts.rateLimited ?? false } as AppLoadContext });
}

function valid(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "MEETING",
    district: "Lund",
    organisationName: "Lund velforening",
    organisationNumber: "963 296 746",
    contactName: "Kari Nordmann",
    contactEmail: `Kari.${randomBytes(3).toString("hex")}@Example.no`,
    contactPhone: "12 34 56 78",
    topic: "Trafikken gjennom bydelen",
    description: "Vi vil snakke om trafikken i Gimleveien.",
    preferredTime: "En kveld i mars",
    privacyConsent: "on",
    website: "",
    ...overrides,
  };
}

async function counts() {
  return {
    requests: await db().meetingRequest.count(),
    updates: await db().meetingRequestUpdate.count(),
    outbox: await db().outboxMessage.count(),
    items: await db().programmeItem.count(),
    audit: await db().auditLog.count(),
  };
}

/** Submits through the route and returns the stored request. */
async function submit(overrides: Record<string, string> = {}, cookie?: string) {
  const fields = valid(overrides);
  const res = await postPublic(fields, { cookie });
  expect(res).toBeInstanceOf(Response);
  const location = (res as Response).headers.get("location")!;
  expect(location).toMatch(/^\/foresporsel\/[A-Za-z0-9_-]{43}\?sendt=1$/);
  const token = location.split("/")[2].split("?")[0];
  return db().meetingRequest.findUniqueOrThrow({ where: { token } });
}

describe("organisation numbers", () => {
  it("accepts numbers that pass the modulus-11 check and refuses others", () => {
    expect(isValidOrganisationNumber("963296746")).toBe(true); // a real municipality's number
    expect(isValidOrganisationNumber("974760673")).toBe(true); // Brønnøysundregistrene
    expect(isValidOrganisationNumber("963296747")).toBe(false);
    expect(isValidOrganisationNumber("96329674")).toBe(false);
    expect(isValidOrganisationNumber("96329674a")).toBe(false);
  });
  it("lets people type spaces", () => {
    const parsed = requestSchemaFor(["Lund"]).safeParse(valid({ organisationNumber: " 963 296 746 " }));
    expect(parsed.success && parsed.data.organisationNumber).toBe("963296746");
  });
});

describe("the public form", () => {
  it("stores a request with its first history row and queues the receipt with the personal link", async () => {
    const before = await counts();
    const r = await submit();
    expect(r).toMatchObject({
      kind: "MEETING",
      district: "Lund",
      eventId: null,
      organisationNumber: "963296746",
      contactPhone: "+4712345678",
      status: "RECEIVED",
      locale: "nb",
    });
    expect(r.contactEmailNormalized).toBe(r.contactEmail.toLowerCase());
    const after = await counts();
    expect(after.requests - before.requests).toBe(1);
    expect(await db().meetingRequestUpdate.findMany({ where: { requestId: r.id }, select: { status: true } })).toEqual([{ status: "RECEIVED" }]);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: r.contactEmail } });
    expect(mail.kind).toBe("REQUEST_RECEIVED");
    expect(mail.subject).toBe("Vi har mottatt forespørselen: Trafikken gjennom bydelen");
    expect(mail.text).toContain(`https://samhandling.test/foresporsel/${r.token}`);
  });

  it("keeps the meeting a slot request asks for, and the sender's language", async () => {
    const event = await createEvent();
    const cookie = (await localeCookie.serialize("nn")).split(";")[0];
    const r = await submit({ kind: "SLOT", eventId: event.id, district: "Lund" }, cookie);
    expect(r).toMatchObject({ kind: "SLOT", eventId: event.id, district: null, locale: "nn" });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: r.contactEmail } });
    expect(mail.subject).toBe("Vi har motteke førespurnaden: Trafikken gjennom bydelen");
  });

  it.each([
    ["no kind", { kind: "" }, "kind"],
    ["a slot without a meeting", { kind: "SLOT", eventId: "" }, "event"],
    ["a meeting without a district", { district: "" }, "district"],
    ["an unknown district", { district: "Atlantis" }, "district"],
    ["a bad organisation number", { organisationNumber: "123 456 789" }, "organisationNumber"],
    ["a bad e-mail", { contactEmail: "ikke en adresse" }, "email"],
    ["a bad phone", { contactPhone: "12" }, "phone"],
    ["an empty topic", { topic: "  " }, "topic"],
    ["markup", { description: "<script>alert(1)</script>" }, "invalidChars"],
    ["no consent", { privacyConsent: "" }, "consent"],
    ["a filled honeypot", { website: "spam" }, "badRequest"],
    ["a 100 kB description", { description: "x".repeat(100_000) }, "tooLong"],
  ])("refuses %s with 400 and stores nothing", async (_label, overrides, key) => {
    const before = await counts();
    const res = await postPublic(valid(overrides as Record<string, string>));
    expect(statusOf(res)).toBe(400);
    expect(bodyOf(res)).toContain(`"${key}"`);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a past meeting", { startsAt: new Date(Date.now() - 48 * HOUR), endsAt: new Date(Date.now() - 46 * HOUR) }],
    ["a draft", { status: "DRAFT" }],
    ["a conference", { kind: "CONFERENCE" }],
  ])("refuses a slot at %s", async (_label, overrides) => {
    const event = await createEvent(overrides);
    const before = await counts();
    const res = await postPublic(valid({ kind: "SLOT", eventId: event.id }));
    expect(statusOf(res)).toBe(400);
    expect(bodyOf(res)).toContain('"eventGone"');
    expect(await counts()).toEqual(before);
  });

  it("is rate limited like the other public forms", async () => {
    const before = await counts();
    expect(statusOf(await postPublic(valid(), { rateLimited: true }))).toBe(429);
    expect(await counts()).toEqual(before);
  });
});

describe("the status page", () => {
  it("answers 404 for a wrong token and never shows contact details", async () => {
    const r = await submit();
    const load = (token: string) =>
      statusLoader({ request: new Request(`https://samhandling.test/foresporsel/${token}`), params: { token }, context: {} as AppLoadContext });
    await expect(load("feil-token-som-ikke-finnes-abcdefghij")).rejects.toMatchObject({ status: 404 });
    await expect(load("../../etc")).rejects.toMatchObject({ status: 404 });
    const page = JSON.stringify(await load(r.token));
    expect(page).toContain("Trafikken gjennom bydelen");
    expect(page).not.toContain(r.contactEmail);
    expect(page).not.toContain("Kari Nordmann");
  });
});

describe("triage", () => {
  /** A meeting 17.00–19.30 Oslo time in two weeks with one organisation slot 17.10–17.18 in the gym. */
  async function meeting() {
    const day = new Date(Date.now() + 14 * 24 * HOUR);
    const parts = toOsloLocal(day).slice(0, 10).split("-").map(Number);
    const startsAt = osloInstant(parts[0], parts[1], parts[2], 17, 0);
    const event = await createEvent({ startsAt, endsAt: new Date(startsAt.getTime() + 2.5 * HOUR) });
    await db().programmeItem.create({
      data: { eventId: event.id, kind: "ORGANISATION_SLOT", title: "Lund idrettslag", room: "Gymsalen", startsAt: new Date(startsAt.getTime() + 10 * 60_000), endsAt: new Date(startsAt.getTime() + 18 * 60_000) },
    });
    return event;
  }
  const acceptInput = (eventId: string, start: Date, extra: Record<string, string> = {}) =>
    acceptSchema.parse({
      intent: "accept",
      eventId,
      title: "Lund velforening: Trafikken",
      organisationName: "LUND VELFORENING",
      startsAt: toOsloLocal(start),
      durationMinutes: "5",
      room: "Gymsalen",
      message: "Velkommen!",
      ...extra,
    });

  it("reviews, then accepts into the programme with a mail, a history row and an audit entry", async () => {
    const event = await meeting();
    const existing = await db().organisation.create({ data: { slug: `lund-vel-${randomBytes(3).toString("hex")}`, name: "Lund Velforening" } });
    const cookie = (await localeCookie.serialize("en")).split(";")[0];
    const r = await submit({ kind: "SLOT", eventId: event.id }, cookie);

    expect(await markInReview(actor, r.id)).toEqual({ ok: true });
    expect(await markInReview(actor, r.id)).toEqual({ ok: false, formErrors: ["Forespørselen er under behandling og kan ikke settes under behandling."] });

    // A clash with the organisation slot in the same room is refused and changes nothing.
    const before = await counts();
    const clash = await acceptRequest(actor, r.id, acceptInput(event.id, new Date(event.startsAt.getTime() + 15 * 60_000)));
    expect(clash.ok).toBe(false);
    expect(JSON.stringify(clash)).toContain("overlapper med «Lund idrettslag»");
    const outside = await acceptRequest(actor, r.id, acceptInput(event.id, new Date(event.endsAt.getTime() - 60_000)));
    expect(outside).toMatchObject({ ok: false, fieldErrors: { startsAt: [expect.stringContaining("innenfor arrangementets tid")] } });
    expect(await counts()).toEqual(before);
    expect((await db().meetingRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("IN_REVIEW");

    const start = new Date(event.startsAt.getTime() + 20 * 60_000);
    expect(await acceptRequest(actor, r.id, acceptInput(event.id, start))).toEqual({ ok: true });
    const after = await db().meetingRequest.findUniqueOrThrow({ where: { id: r.id }, include: { programmeItem: true, updates: { orderBy: { at: "asc" } } } });
    expect(after).toMatchObject({ status: "ACCEPTED", response: "Velkommen!", organisationId: existing.id });
    expect(after.decidedAt).not.toBeNull();
    expect(after.programmeItem).toMatchObject({
      eventId: event.id,
      kind: "ORGANISATION_SLOT",
      title: "Lund velforening: Trafikken",
      room: "Gymsalen",
      organisationId: existing.id,
    });
    expect(after.programmeItem!.startsAt.getTime()).toBe(start.getTime());
    expect(after.programmeItem!.endsAt.getTime()).toBe(start.getTime() + 5 * 60_000);
    expect(after.updates.map((u) => [u.status, u.message])).toEqual([
      ["RECEIVED", ""],
      ["IN_REVIEW", ""],
      ["ACCEPTED", "Velkommen!"],
    ]);
    const mails = await db().outboxMessage.findMany({ where: { toAddress: r.contactEmail }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.kind)).toEqual(["REQUEST_RECEIVED", "REQUEST_IN_REVIEW", "REQUEST_ACCEPTED"]);
    const accepted = mails[2];
    expect(accepted.subject).toBe("Your request has been accepted: Trafikken gjennom bydelen");
    expect(accepted.text).toContain("Message from the organiser: Velkommen!");
    expect(accepted.text).toContain(`${event.title}`);
    expect(accepted.text).toContain("17:20–17:25");
    expect(accepted.text).toContain(`https://samhandling.test/foresporsel/${r.token}`);
    expect(await db().auditLog.count({ where: { targetId: r.id, action: { in: ["request.review", "request.accept"] } } })).toBe(2);

    // Decided is decided: no second slot, no decline afterwards.
    const stale = await counts();
    expect(await acceptRequest(actor, r.id, acceptInput(event.id, new Date(event.startsAt.getTime() + 40 * 60_000)))).toEqual({
      ok: false,
      formErrors: ["Forespørselen er godtatt og kan ikke godtas."],
    });
    expect(await declineRequest(actor, r.id, "For sent")).toEqual({ ok: false, formErrors: ["Forespørselen er godtatt og kan ikke avslås."] });
    expect(await counts()).toEqual(stale);
  });

  it("lets only one of two simultaneous decisions win", async () => {
    const event = await meeting();
    const r = await submit();
    const itemsBefore = await db().programmeItem.count({ where: { eventId: event.id } });
    const results = await Promise.all([
      acceptRequest(actor, r.id, acceptInput(event.id, new Date(event.startsAt.getTime() + 30 * 60_000))),
      acceptRequest(actor, r.id, acceptInput(event.id, new Date(event.startsAt.getTime() + 60 * 60_000))),
      declineRequest(actor, r.id, "Nei"),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const after = await db().meetingRequest.findUniqueOrThrow({ where: { id: r.id }, include: { updates: true } });
    expect(after.updates.filter((u) => u.status !== "RECEIVED")).toHaveLength(1);
    expect(await db().programmeItem.count({ where: { eventId: event.id } })).toBe(itemsBefore + (after.status === "ACCEPTED" ? 1 : 0));
    expect(await db().outboxMessage.count({ where: { toAddress: r.contactEmail } })).toBe(2);
  });

  it("creates the organisation when none has the name", async () => {
    const event = await meeting();
    const name = `Nytt lag ${randomBytes(3).toString("hex")}`;
    const r = await submit({ organisationName: name });
    const start = new Date(event.startsAt.getTime() + 30 * 60_000);
    expect(await acceptRequest(actor, r.id, acceptInput(event.id, start, { organisationName: name, room: "" }))).toEqual({ ok: true });
    const org = await db().organisation.findFirstOrThrow({ where: { name } });
    expect((await db().meetingRequest.findUniqueOrThrow({ where: { id: r.id } })).organisationId).toBe(org.id);
  });

  it("declines only with a reason, and mails the reason", async () => {
    const r = await submit();
    const before = await counts();
    expect(await declineRequest(actor, r.id, "   ")).toEqual({ ok: false, fieldErrors: { message: ["Skriv en begrunnelse for avslaget."] } });
    expect(await counts()).toEqual(before);
    expect(await declineRequest(actor, r.id, "Vi har nettopp hatt et møte i Lund.")).toEqual({ ok: true });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: r.contactEmail, kind: "REQUEST_DECLINED" } });
    expect(mail.text).toContain("Begrunnelse: Vi har nettopp hatt et møte i Lund.");
    expect(await db().auditLog.count({ where: { targetId: r.id, action: "request.decline" } })).toBe(1);
  });
});

describe("the staff routes", () => {
  async function cookieFor(role: string) {
    const staff = await db().staffUser.create({
      data: { email: `arr-${randomBytes(4).toString("hex")}@kristiansand.kommune.no`, name: "Arne Arrangør", role },
    });
    return (await createStaffSession(staff.id, null)).split(";")[0];
  }
  const post = (id: string, cookie: string, form: Record<string, string>) =>
    adminAction({
      request: new Request(`https://samhandling.test/admin/requests/${id}`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      }),
      params: { requestId: id },
      context: {} as AppLoadContext,
    });

  it("answers bad input with 400 and changes nothing; a good answer redirects", async () => {
    const r = await submit();
    const cookie = await cookieFor("ORGANISER");
    const before = await counts();
    const empty = await post(r.id, cookie, { intent: "decline", message: "" });
    expect(statusOf(empty)).toBe(400);
    expect(bodyOf(empty)).toContain("staff-tools:requests.error.reasonRequired");
    expect(statusOf(await post(r.id, cookie, { intent: "delete" }))).toBe(400);
    expect(statusOf(await post(r.id, cookie, { intent: "accept", eventId: "x", title: "T", organisationName: "O", startsAt: "2027-02-30T17:00", durationMinutes: "5" }))).toBe(400);
    expect(await counts()).toEqual(before);

    const res = await post(r.id, cookie, { intent: "answer", message: "Vi planlegger et møte i Lund til høsten." });
    expect(statusOf(res)).toBe(302);
    expect((res as Response).headers.get("location")).toBe(`/admin/requests/${r.id}?endret=besvart`);
    expect((await db().meetingRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("ANSWERED");
    const again = await post(r.id, cookie, { intent: "decline", message: "Nei" });
    expect(statusOf(again)).toBe(409);
    expect(bodyOf(again)).toContain("Forespørselen er besvart og kan ikke avslås.");
  });

  it("is for organisers: a moderator is turned away", async () => {
    const r = await submit();
    const cookie = await cookieFor("MODERATOR");
    await expect(post(r.id, cookie, { intent: "answer", message: "Hei" })).rejects.toBeInstanceOf(Response);
    await expect(
      adminListLoader({ request: new Request("https://samhandling.test/admin/requests", { headers: { Cookie: cookie } }), params: {}, context: {} as AppLoadContext }),
    ).rejects.toBeInstanceOf(Response);
    expect((await db().meetingRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("RECEIVED");
  });

  it("lists newest first with counts per status and a filter", async () => {
    const cookie = await cookieFor("ORGANISER");
    const first = await submit({ topic: "Eldste" });
    const second = await submit({ topic: "Nyeste" });
    await declineRequest(actor, first.id, "Nei takk");
    const load = async (query: string) =>
      (await adminListLoader({
        request: new Request(`https://samhandling.test/admin/requests${query}`, { headers: { Cookie: cookie } }),
        params: {},
        context: {} as AppLoadContext,
      })) as Awaited<ReturnType<typeof adminListLoader>>;
    const all = await load("");
    const ids = all.requests.map((x) => x.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(all.total).toBe(Object.values(all.counts).reduce((a, b) => a + b, 0));
    expect(all.counts.DECLINED).toBe(await db().meetingRequest.count({ where: { status: "DECLINED" } }));
    const declined = await load("?status=DECLINED");
    expect(declined.requests.every((x) => x.status === "DECLINED")).toBe(true);
    expect(declined.requests.map((x) => x.id)).toContain(first.id);
    expect((await load("?status=BOGUS")).status).toBeNull();
  });
});
