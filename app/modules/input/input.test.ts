// Citizen input against a real database: the public form's action (stored with phase and
// consent, receipt mail in the sender's language; bad input, spam and closed meetings change
// nothing) and what staff do with it (grouping, moving, hiding - audited).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { action } from "../../routes/events.$slug.innspill";
import { changeInputTheme, INPUT_RECEIPT_MAIL_KIND, inputOverview, listInputByTheme, setInputHidden } from "./input.server";

const actor = { id: null, email: "arrangor@kristiansand.kommune.no" };
const email = (tag: string) => `innspill-${tag}-${randomBytes(4).toString("hex")}@example.no`;

async function post(slug: string, fields: Record<string, string>, opts: { rateLimited?: boolean; locale?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.locale) headers.Cookie = await localeCookie.serialize(opts.locale);
  const request = new Request(`http://localhost/events/${slug}/innspill`, { method: "POST", body: new URLSearchParams(fields), headers });
  return action({ request, params: { slug }, context: { cspNonce: "", clientAddress: "203.0.113.1", registrationRateLimited: opts.rateLimited ?? false } });
}

const status = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
const body = (r: unknown) => JSON.stringify((r as { data: unknown }).data);

describe("sending input", () => {
  it("stores input without contact details, before the meeting, and sends no mail", async () => {
    const event = await createEvent();
    const text = `Kunstgressbanen på Vågsbygd trenger lys om vinteren ${randomBytes(3).toString("hex")}`;
    const res = await post(event.slug, { theme: "SPORT_OUTDOORS", text, website: "" });
    expect(status(res)).toBe(302);
    expect((res as Response).headers.get("location")).toBe(`/events/${event.slug}/innspill?sendt=1#receipt`);
    const row = await db().citizenInput.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ theme: "SPORT_OUTDOORS", text, phase: "BEFORE", name: null, email: null, phone: null, privacyConsentAt: null, locale: "nb" });
  });

  it("with an e-mail: needs consent, records it, and queues a receipt in the sender's language", async () => {
    const event = await createEvent();
    const to = email("en");
    const refused = await post(event.slug, { theme: "ROADS_TRAFFIC", text: "The crossing by the school is dangerous", email: to }, { locale: "en" });
    expect(status(refused)).toBe(400);
    expect(body(refused)).toContain("public:input.error.consent");
    expect(await db().citizenInput.count({ where: { eventId: event.id } })).toBe(0);

    const res = await post(
      event.slug,
      { theme: "ROADS_TRAFFIC", text: "The crossing by the school is dangerous", name: "Sam", email: to, phone: "+47 912 34 567", privacyConsent: "on" },
      { locale: "en" },
    );
    expect(status(res)).toBe(302);
    expect((res as Response).headers.get("location")).toContain("sendt=e");
    const row = await db().citizenInput.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ name: "Sam", email: to, emailNormalized: to.toLowerCase(), phone: "+4791234567", locale: "en" });
    expect(row.privacyConsentAt).toBeInstanceOf(Date);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: to } });
    expect(mail.kind).toBe(INPUT_RECEIPT_MAIL_KIND);
    expect(mail.subject).toBe(`We have received your input: ${event.title}`);
    expect(mail.text).toContain("Hi Sam,");
    expect(mail.text).toContain("Roads and traffic");
    expect(mail.text).toContain(`https://samhandling.test/events/${event.slug}`);
  });

  it("a phone number alone also needs consent", async () => {
    const event = await createEvent();
    const res = await post(event.slug, { theme: "CULTURE", text: "Mer kultur i bydelen", phone: "12345678" });
    expect(status(res)).toBe(400);
    expect(body(res)).toContain("public:input.error.consent");
  });

  it("after the meeting's start the input is marked AFTER", async () => {
    const startsAt = new Date(Date.now() - 3 * 24 * 3600_000);
    const event = await createEvent({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) });
    expect(status(await post(event.slug, { theme: "OTHER", text: "Takk for et godt møte" }))).toBe(302);
    expect((await db().citizenInput.findFirstOrThrow({ where: { eventId: event.id } })).phase).toBe("AFTER");
  });

  it.each([
    ["no theme", { text: "Hei på dere" }, "public:input.error.theme"],
    ["an unknown theme", { theme: "POLITICS", text: "Hei på dere" }, "public:input.error.theme"],
    ["an empty text", { theme: "OTHER", text: "   " }, "public:input.error.text"],
    ["markup", { theme: "OTHER", text: "<script>alert(1)</script>" }, "error.invalidChars"],
    ["a 100 kB text", { theme: "OTHER", text: "x".repeat(100_000) }, "error.tooLong"],
    ["a bad e-mail", { theme: "OTHER", text: "Hei på dere", email: "ikke en adresse", privacyConsent: "on" }, "error.email"],
    ["a bad phone", { theme: "OTHER", text: "Hei på dere", phone: "123", privacyConsent: "on" }, "error.phone"],
    ["a filled honeypot", { theme: "OTHER", text: "Hei på dere", website: "http://spam.example" }, "error.badRequest"],
  ])("refuses %s with 400 and stores nothing", async (_label, fields, key) => {
    const event = await createEvent();
    const res = await post(event.slug, fields as Record<string, string>);
    expect(status(res)).toBe(400);
    expect(body(res)).toContain(key);
    expect(await db().citizenInput.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("is rate limited like the registration form", async () => {
    const event = await createEvent();
    const res = await post(event.slug, { theme: "OTHER", text: "Hei på dere" }, { rateLimited: true });
    expect(status(res)).toBe(429);
    expect(await db().citizenInput.count({ where: { eventId: event.id } })).toBe(0);
  });

  it.each([
    ["a draft", { status: "DRAFT" }],
    ["a cancelled meeting", { status: "CANCELLED" }],
    ["a conference", { kind: "CONFERENCE" }],
  ])("is not possible for %s (404)", async (_label, overrides) => {
    const event = await createEvent(overrides);
    const res = await post(event.slug, { theme: "OTHER", text: "Hei på dere" }).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(404);
    expect(await db().citizenInput.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("staff and input", () => {
  async function seed() {
    const event = await createEvent();
    const mk = (theme: string, phase: string, text: string) =>
      db().citizenInput.create({ data: { eventId: event.id, theme, phase, text }, select: { id: true } });
    const a = await mk("SPORT_OUTDOORS", "BEFORE", "Lys på banen");
    const b = await mk("SPORT_OUTDOORS", "AFTER", "Garderober");
    const c = await mk("ROADS_TRAFFIC", "BEFORE", "Fartsdumper");
    return { event, a, b, c };
  }

  it("lists input grouped by theme in the fixed order, with counts before and after", async () => {
    const { event } = await seed();
    const { groups, total } = await listInputByTheme(event.id);
    expect(total).toBe(3);
    expect(groups.map((g) => [g.label, g.count, g.before, g.after])).toEqual([
      ["Idrett og friluftsliv", 2, 1, 1],
      ["Vei og trafikk", 1, 1, 0],
    ]);
  });

  it("moves input to another theme, audited; not across events", async () => {
    const { event, c } = await seed();
    const other = await createEvent();
    expect(await changeInputTheme(actor, other.id, c.id, "CULTURE")).toBe(false);
    expect(await changeInputTheme(actor, event.id, c.id, "URBAN_DEVELOPMENT")).toBe(true);
    expect((await db().citizenInput.findUniqueOrThrow({ where: { id: c.id } })).theme).toBe("URBAN_DEVELOPMENT");
    const log = await db().auditLog.findFirstOrThrow({ where: { targetId: c.id, action: "input.theme" } });
    expect(log.summary).toBe("Flyttet et innspill fra «Vei og trafikk» til «Byutvikling»");
  });

  it("hides spam and shows it again, audited once per change; hidden input is not counted", async () => {
    const { event, a } = await seed();
    expect(await setInputHidden(actor, event.id, a.id, true)).toBe(true);
    expect(await setInputHidden(actor, event.id, a.id, true)).toBe(false);
    const listed = await listInputByTheme(event.id);
    expect(listed.total).toBe(2);
    expect(listed.hidden).toBe(1);
    expect(listed.groups[0]).toMatchObject({ count: 1, hidden: 1 });
    expect(await setInputHidden(actor, event.id, a.id, false)).toBe(true);
    expect(await db().auditLog.count({ where: { targetId: a.id, action: { in: ["input.hidden", "input.unhidden"] } } })).toBe(2);
  });
});

describe("the staff overview across meetings", () => {
  it("counts visible input per meeting and theme, what has no follow-up item yet, and what is hidden", async () => {
    const event = await createEvent();
    const rows = await Promise.all(
      (["SPORT_OUTDOORS", "SPORT_OUTDOORS", "CULTURE", "OTHER"] as const).map((theme, i) =>
        db().citizenInput.create({ data: { eventId: event.id, theme, text: `Innspill ${i}`, phase: "BEFORE" } }),
      ),
    );
    await setInputHidden(actor, event.id, rows[3].id, true);
    await db().followUpItem.create({ data: { eventId: event.id, title: "Lys", responsibleUnit: "Idrett", sourceInputId: rows[0].id } });
    const mine = (await inputOverview()).find((m) => m.id === event.id);
    expect(mine).toMatchObject({
      title: event.title,
      total: 3,
      withoutFollowUp: 2,
      hidden: 1,
      themes: [
        { theme: "SPORT_OUTDOORS", count: 2 },
        { theme: "CULTURE", count: 1 },
      ],
    });
    const other = await createEvent();
    expect((await inputOverview()).some((m) => m.id === other.id)).toBe(false);
  });
});
