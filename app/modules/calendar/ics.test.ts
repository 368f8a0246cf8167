// Every calendar file we generate, read back with an independent parser (Mozilla's ical.js).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { eventIcs, feedIcs, invitationIcs, programmeIcs, type CalendarEvent } from "./ics.server";
import { osloVTimezone } from "./vtimezone";

const event: CalendarEvent = {
  id: "evt1",
  slug: "samhandlingskonferansen-2022",
  title: "Samhandlingskonferansen 2022",
  summary: "To dager om samhandling, med «sitater», komma, semikolon; og linjeskift\nher.",
  status: "PUBLISHED",
  startsAt: new Date("2022-10-27T07:00:00Z"), // 09.00 in Oslo (CEST)
  endsAt: new Date("2022-10-28T13:30:00Z"),
  venueName: "Kilden teater- og konserthus",
  venueAddress: "Sjølystveien 2",
  venuePostcode: "4610",
  venueCity: "Eksempelby",
  livestreamUrl: "https://example.org/live",
  sequence: 3,
  updatedAt: new Date("2022-10-01T10:00:00Z"),
};

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  // Register the file's own VTIMEZONE, as a calendar client would.
  for (const vtz of comp.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  return comp;
}

describe("calendar files", () => {
  it("an event: Oslo time zone, stable UID, SEQUENCE, location, description and URL", () => {
    const comp = parse(eventIcs(event));
    expect(comp.getFirstPropertyValue("method")).toBe("PUBLISH");
    const vevent = comp.getFirstSubcomponent("vevent")!;
    const e = new ICAL.Event(vevent);
    expect(e.uid).toBe("event-evt1@samhandling.test");
    expect(e.sequence).toBe(3);
    expect(e.summary).toBe(event.title);
    expect(e.location).toBe("Kilden teater- og konserthus, Sjølystveien 2, 4610 Eksempelby");
    expect(e.description).toContain("komma, semikolon; og linjeskift\nher.");
    expect(e.description).toContain("https://samhandling.test/events/samhandlingskonferansen-2022");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://samhandling.test/events/samhandlingskonferansen-2022");
    expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Oslo");
    expect(e.startDate.zone!.tzid).toBe("Europe/Oslo");
    expect(e.startDate.hour).toBe(9);
    expect(e.startDate.toJSDate().toISOString()).toBe("2022-10-27T07:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2022-10-28T13:30:00.000Z");
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(vevent.getFirstPropertyValue("dtstamp")!.toString()).toMatch(/Z$/);
    // Stable: generating again gives the same UID.
    expect(new ICAL.Event(parse(eventIcs(event)).getFirstSubcomponent("vevent")!).uid).toBe(e.uid);
  });

  it("winter dates convert with the standard offset", () => {
    const winter = { ...event, startsAt: new Date("2026-12-09T16:00:00Z"), endsAt: new Date("2026-12-09T18:30:00Z") };
    const e = new ICAL.Event(parse(eventIcs(winter)).getFirstSubcomponent("vevent")!);
    expect([e.startDate.hour, e.startDate.minute]).toEqual([17, 0]);
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-12-09T18:30:00.000Z");
  });

  it("a programme: one VEVENT per item with room and its own UID", () => {
    const items = [
      { id: "i1", title: "Åpning", description: "", startsAt: new Date("2022-10-27T07:00:00Z"), endsAt: new Date("2022-10-27T07:30:00Z"), room: "Store sal", updatedAt: new Date() },
      { id: "i2", title: "Pause", description: "Kaffe", startsAt: new Date("2022-10-27T07:30:00Z"), endsAt: new Date("2022-10-27T07:45:00Z"), room: null, updatedAt: new Date() },
    ];
    const events = parse(programmeIcs(event, items)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["item-i1@samhandling.test", "item-i2@samhandling.test"]);
    expect(events[0].location).toBe("Store sal, Kilden teater- og konserthus, Sjølystveien 2, 4610 Eksempelby");
    expect(events[1].startDate.hour).toBe(9);
    expect(events[1].startDate.minute).toBe(30);
  });

  it("the feed lists every event given, cancelled ones marked so", () => {
    const comp = parse(feedIcs("Eksempelby kommune", [event, { ...event, id: "evt2", status: "CANCELLED" }]));
    expect(comp.getFirstPropertyValue("x-wr-calname")).toBe("Eksempelby kommune");
    const vevents = comp.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(2);
    expect(vevents[1].getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("a personal invitation and its cancellation share the UID; the cancellation supersedes it", () => {
    const reg = { id: "reg1", name: "Kari Nordmann", email: "kari@example.no", icsSequence: 0 };
    const request = parse(invitationIcs(event, reg, "REQUEST"));
    const cancel = parse(invitationIcs(event, { ...reg, icsSequence: 1 }, "CANCEL"));
    expect(request.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(cancel.getFirstPropertyValue("method")).toBe("CANCEL");
    const r = new ICAL.Event(request.getFirstSubcomponent("vevent")!);
    const c = new ICAL.Event(cancel.getFirstSubcomponent("vevent")!);
    expect(r.uid).toBe("registration-reg1@samhandling.test");
    expect(c.uid).toBe(r.uid);
    expect(c.sequence).toBeGreaterThan(r.sequence);
    expect(cancel.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(String(r.organizer)).toBe("mailto:arrangement@samhandling.test");
    expect(r.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:kari@example.no"]);
  });

  it("the VTIMEZONE itself parses and gives the right offsets", () => {
    const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${osloVTimezone()}\r\nEND:VCALENDAR`)).getFirstSubcomponent("vtimezone")!);
    const summer = ICAL.Time.fromData({ year: 2026, month: 7, day: 1, hour: 12 }, tz);
    const winter = ICAL.Time.fromData({ year: 2026, month: 1, day: 1, hour: 12 }, tz);
    expect(summer.utcOffset()).toBe(7200);
    expect(winter.utcOffset()).toBe(3600);
  });
});
