// The staff routes end to end on the server side: bad forms answer 400 and change nothing,
// a programme overlap is refused with the clashing item's name unless the organiser insists.
import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { action as editAction } from "~/routes/admin.events.$eventId.edit";
import { action as eventAction } from "~/routes/admin.events.$eventId._index";
import { action as newAction } from "~/routes/admin.events.new";
import { action as itemAction } from "~/routes/admin.events.$eventId.programme.$itemId";
import { action as seriesAction } from "~/routes/admin.series.new";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { osloInstant } from "./oslo-time";

async function organiserCookie() {
  const staff = await db().staffUser.create({
    data: { email: `arr-${randomBytes(4).toString("hex")}@admin-events.test`, name: "Arne Arrangør", role: "ORGANISER" },
  });
  return (await createStaffSession(staff.id, null)).split(";")[0];
}

/** What a refused form must leave untouched (scoped to this test's rows: other files run in parallel). */
async function snapshot(eventId: string, seriesTitle: string) {
  const [event, items, audit, series] = await Promise.all([
    db().event.findUnique({ where: { id: eventId } }),
    db().programmeItem.count({ where: { eventId } }),
    db().auditLog.count({ where: { actorEmail: { endsWith: "@admin-events.test" } } }),
    db().eventSeries.count({ where: { title: seriesTitle } }),
  ]);
  return { event, items, audit, series };
}

function post(fn: (args: ActionFunctionArgs) => unknown, path: string, cookie: string, form: Record<string, string | string[]>, params: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const value of ([] as string[]).concat(v)) body.append(k, value);
  return fn({
    request: new Request(`https://samhandling.test${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    }),
    params,
    context: {} as never,
  }) as Promise<unknown>;
}

const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
const text = (r: unknown) => JSON.stringify((r as { data?: unknown }).data ?? null);

describe("staff event routes", () => {
  it("refuse bad forms with 400 and a Norwegian message, changing nothing", async () => {
    const cookie = await organiserCookie();
    const event = await createEvent();
    const seriesTitle = `Serie ${randomBytes(3).toString("hex")}`;
    const before = await snapshot(event.id, seriesTitle);

    const badNew = await post(newAction, "/admin/events/new", cookie, { kind: "CONFERENCE", title: "", venuePostcode: "12", startsAt: "i morgen" });
    expect(statusOf(badNew)).toBe(400);
    expect(text(badNew)).toContain("Skriv inn en tittel.");
    expect(text(badNew)).toContain("Postnummeret må være fire sifre.");

    const badEdit = await post(editAction, `/admin/events/${event.id}/edit`, cookie, {
      kind: event.kind,
      title: "Ny tittel",
      summary: event.summary,
      venueName: "Nytt sted",
      venueAddress: event.venueAddress,
      venuePostcode: event.venuePostcode,
      venueCity: event.venueCity,
      startsAt: "2031-05-14T19:00",
      endsAt: "2031-05-14T17:00",
    }, { eventId: event.id });
    expect(statusOf(badEdit)).toBe(400);
    expect(text(badEdit)).toContain("Slutten må være etter starten.");

    const badItem = await post(eventAction, `/admin/events/${event.id}`, cookie, { intent: "add-item", title: "Innlegg", kind: "TALK", startsAt: "2031-05-14T17:00" }, { eventId: event.id });
    expect(statusOf(badItem)).toBe(400);
    expect(text(badItem)).toContain("Oppgi enten varighet i minutter eller sluttid.");

    const badSeries = await post(seriesAction, "/admin/series/new", cookie, {
      intent: "save",
      title: seriesTitle,
      weekday: "9",
      ordinal: "2",
      startMonth: "2031-01",
      count: "2",
      startTime: "17:00",
      endTime: "19:30",
      venues: "Lund; Lund skole; Skolegata 1; 4631; Eksempelby",
    });
    expect(statusOf(badSeries)).toBe(400);
    expect(text(badSeries)).toContain("Velg ukedag.");

    expect(await snapshot(event.id, seriesTitle)).toEqual(before);
  });

  it("refuses a programme item that overlaps another in the same room, naming it, unless told to save anyway", async () => {
    const cookie = await organiserCookie();
    const startsAt = osloInstant(2031, 6, 11, 17, 0);
    const event = await createEvent({ startsAt, endsAt: osloInstant(2031, 6, 11, 19, 30) });
    const item = (title: string, start: string, extra: Record<string, string> = {}) => ({
      intent: "add-item",
      title,
      kind: "ORGANISATION_SLOT",
      startsAt: `2031-06-11T${start}`,
      durationMinutes: "5",
      room: "Gymsalen",
      ...extra,
    });
    const first = await post(eventAction, `/admin/events/${event.id}`, cookie, item("Lund velforening", "17:10", { organisationName: `Lund vel ${randomBytes(3).toString("hex")}` }), { eventId: event.id });
    expect(statusOf(first)).toBe(302);

    const clash = await post(eventAction, `/admin/events/${event.id}`, cookie, item("Lund idrettslag", "17:12"), { eventId: event.id });
    expect(statusOf(clash)).toBe(409);
    expect(text(clash)).toContain("overlapper med «Lund velforening» (17.10–17.15) i Gymsalen");
    expect(await db().programmeItem.count({ where: { eventId: event.id } })).toBe(1);

    const otherRoom = await post(eventAction, `/admin/events/${event.id}`, cookie, item("I foajeen", "17:12", { room: "Foajeen" }), { eventId: event.id });
    expect(statusOf(otherRoom)).toBe(302);
    const outside = await post(eventAction, `/admin/events/${event.id}`, cookie, item("For sent", "19:28"), { eventId: event.id });
    expect(statusOf(outside)).toBe(400);
    expect(text(outside)).toContain("innenfor arrangementets tid (17.00–19.30)");

    const anyway = await post(eventAction, `/admin/events/${event.id}`, cookie, item("Lund idrettslag", "17:12", { allowOverlap: "on" }), { eventId: event.id });
    expect(statusOf(anyway)).toBe(302);
    const items = await db().programmeItem.findMany({ where: { eventId: event.id }, include: { organisation: true }, orderBy: { startsAt: "asc" } });
    expect(items.map((i) => i.title)).toEqual(["Lund velforening", "I foajeen", "Lund idrettslag"]);
    expect(items[0].organisation?.name).toMatch(/^Lund vel /);
    const log = await db().auditLog.findFirstOrThrow({ where: { targetId: items[2].id } });
    expect(log.summary).toContain("overlapp godtatt");

    // Editing: an item never clashes with itself, but moving it onto another one is refused.
    const edit = (form: Record<string, string>) =>
      post(itemAction, `/admin/events/${event.id}/programme/${items[1].id}`, cookie, form, { eventId: event.id, itemId: items[1].id });
    const base = { title: "I foajeen", kind: "OTHER", room: "Foajeen", startsAt: "2031-06-11T17:12" };
    expect(statusOf(await edit({ ...base, endsAt: "2031-06-11T17:20" }))).toBe(302);
    const moved = await edit({ ...base, room: "gymsalen", endsAt: "2031-06-11T17:20" });
    expect(statusOf(moved)).toBe(409);
    expect(text(moved)).toMatch(/overlapper med «Lund (velforening|idrettslag)»/);
    const both = await edit({ ...base, endsAt: "2031-06-11T17:20", durationMinutes: "8" });
    expect(statusOf(both)).toBe(400);
    const stored = await db().programmeItem.findUniqueOrThrow({ where: { id: items[1].id } });
    expect([stored.room, stored.kind, stored.endsAt]).toEqual(["Foajeen", "OTHER", osloInstant(2031, 6, 11, 17, 20)]);
  });

  it("saves a series only after the organiser has seen the preview of exactly these inputs", async () => {
    const cookie = await organiserCookie();
    const title = `Serie ${randomBytes(3).toString("hex")}`;
    const form = {
      title,
      weekday: "4",
      ordinal: "last",
      startMonth: "2033-02",
      count: "2",
      startTime: "17:00",
      endTime: "19:30",
      capacity: "60",
      venues: "Lund; Lund skole; Skolegata 1; 4631; Eksempelby\nSøm; Søm skole; Sømsveien 2; 4637; Eksempelby",
    };
    const preview = (await post(seriesAction, "/admin/series/new", cookie, { ...form, intent: "preview" })) as {
      preview: { key: string; meetings: Array<{ startsAt: string; district: string }> };
    };
    expect(preview.preview.meetings.map((m) => [m.startsAt, m.district])).toEqual([
      ["2033-02-24T16:00:00.000Z", "Lund"],
      ["2033-03-31T15:00:00.000Z", "Søm"],
    ]);
    expect(await db().eventSeries.count({ where: { title } })).toBe(0);

    const changed = await post(seriesAction, "/admin/series/new", cookie, { ...form, count: "1", venues: "Lund; Lund skole; Skolegata 1; 4631; Eksempelby", intent: "save", previewKey: preview.preview.key });
    expect(statusOf(changed)).toBe(409);
    expect(text(changed)).toContain("Skjemaet er endret etter forslaget.");
    expect(await db().eventSeries.count({ where: { title } })).toBe(0);

    const saved = await post(seriesAction, "/admin/series/new", cookie, { ...form, intent: "save", previewKey: preview.preview.key });
    expect(statusOf(saved)).toBe(302);
    const series = await db().eventSeries.findFirstOrThrow({ where: { title }, include: { events: true } });
    expect(series.events).toHaveLength(2);
    expect((saved as Response).headers.get("Location")).toBe(`/admin/series/${series.id}?opprettet=1`);
  });
});
