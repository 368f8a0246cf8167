import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n.server";
import { translateKeyed } from "~/modules/admin-events/keyed-message";
import { db } from "~/utils/db.server";
import { createEvent, uniqueSlug } from "../../../test/factories";
import { osloInstant } from "~/modules/admin-events/oslo-time";
import { findClash } from "~/modules/admin-events/overlap";
import { defaultDialogueProgramme } from "./default-programme";
import { seriesSchema } from "./series.schema";
import { createSeries, getPublicSeries, planSeries, publishSeriesMeetings } from "./series.server";

const actor = { id: null, email: "arrangor@samhandling.test" };

function form(overrides: Record<string, string> = {}) {
  const parsed = seriesSchema.safeParse({
    intent: "preview",
    title: `Dialogmøter ${uniqueSlug("s")}`,
    description: "Formannskapet besøker bydelene.",
    weekday: "3",
    ordinal: "2",
    startMonth: "2031-01",
    count: "3",
    startTime: "17:00",
    endTime: "19:30",
    capacity: "80",
    venues: ["Lund; Lund skole; Skolegata 1; 4631; Eksempelby", "Søm; Søm skole; Sømsveien 2; 4637; Eksempelby", "Grim; Grim skole; Grimsveien 3; 4616; Eksempelby"].join("\n"),
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.flatten()));
  return parsed.data;
}

describe("planning a series", () => {
  it("marks a meeting whose time another dialogue meeting has, and one whose venue is taken", async () => {
    // Second Wednesday of February 2031 is the 12th; of March the 12th.
    await createEvent({
      kind: "DIALOGUE_MEETING",
      title: "Et annet dialogmøte",
      venueName: "Et annet sted",
      startsAt: osloInstant(2031, 2, 12, 18, 0),
      endsAt: osloInstant(2031, 2, 12, 20, 0),
    });
    await createEvent({
      kind: "WORKSHOP",
      title: "Verksted i gymsalen",
      venueName: "grim skole ",
      startsAt: osloInstant(2031, 3, 12, 16, 0),
      endsAt: osloInstant(2031, 3, 12, 17, 30),
    });
    const planned = await planSeries(form());
    expect(planned.map((m) => m.startsAt.toISOString())).toEqual([
      "2031-01-08T16:00:00.000Z",
      "2031-02-12T16:00:00.000Z",
      "2031-03-12T16:00:00.000Z",
    ]);
    expect(planned[0].clashes).toEqual([]);
    expect(planned[1].clashes.map((c) => [c.kind, c.title])).toEqual([["committee", "Et annet dialogmøte"]]);
    expect(planned[2].clashes.map((c) => [c.kind, c.title])).toEqual([["venue", "Verksted i gymsalen"]]);
    expect(planned[2]).toMatchObject({ district: "Grim", venueName: "Grim skole", venuePostcode: "4616" });
  });

  it("refuses a venue list that does not match the number of meetings", () => {
    const result = seriesSchema.safeParse({ ...form(), count: "4", venues: "Lund; Lund skole; Skolegata 1; 4631; Eksempelby" });
    expect(result.success).toBe(false);
    expect(translateKeyed(translator("nb"), result.error!.flatten().fieldErrors.venues![0])).toContain("4 møter, men 1 linjer");
  });
});

describe("saving and publishing a series", () => {
  it("creates draft meetings with the default programme, and publishes one or all", async () => {
    const input = form({ startMonth: "2032-09", intent: "save" });
    const { id, eventIds } = await createSeries(actor, input);
    const events = await db().event.findMany({ where: { seriesId: id }, orderBy: { startsAt: "asc" }, include: { programmeItems: true } });
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.status === "DRAFT" && e.kind === "DIALOGUE_MEETING" && e.capacity === 80)).toBe(true);
    expect(events.map((e) => e.district)).toEqual(["Lund", "Søm", "Grim"]);
    expect(events[0].title).toBe(`${input.title} – Lund`);
    const kinds = events[0].programmeItems.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map((i) => i.kind);
    expect(kinds).toEqual(["OTHER", "ORGANISATION_SLOT", "PUPILS", "BREAK", "OPEN_FLOOR", "OTHER"]);
    expect(await getPublicSeries((await db().eventSeries.findUniqueOrThrow({ where: { id } })).slug)).toBeNull();

    expect(await publishSeriesMeetings(actor, id, eventIds[1])).toBe(1);
    const series = await db().eventSeries.findUniqueOrThrow({ where: { id } });
    expect((await getPublicSeries(series.slug))!.events.map((e) => e.id)).toEqual([eventIds[1]]);
    expect(await publishSeriesMeetings(actor, id)).toBe(2);
    expect((await getPublicSeries(series.slug))!.events).toHaveLength(3);
    expect(await db().auditLog.count({ where: { targetId: id } })).toBe(3);
  });
});

describe("defaultDialogueProgramme", () => {
  it("fills the meeting exactly, without overlaps, for any length", () => {
    for (const minutes of [150, 120, 187]) {
      const start = osloInstant(2031, 5, 14, 17, 0);
      const end = new Date(start.getTime() + minutes * 60_000);
      const items = defaultDialogueProgramme(start, end, "Lund");
      expect(items[0].startsAt).toEqual(start);
      expect(items[items.length - 1].endsAt).toEqual(end);
      items.forEach((item, i) => {
        expect(item.endsAt.getTime()).toBeGreaterThan(item.startsAt.getTime());
        expect(findClash({ ...item, title: item.title }, items.filter((_, j) => j !== i))).toBeNull();
      });
    }
  });
});
