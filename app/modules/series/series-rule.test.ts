import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n.server";
import { translateKeyed } from "~/modules/admin-events/keyed-message";
import { formatDate, formatTime } from "~/utils/format";
import { describeRule, generateMeetings, nthWeekdayOfMonth, parseVenueLines } from "./series-rule";

const oslo = (d: Date) => `${formatDate(d)} ${formatTime(d)}`;
const nb = translator("nb");
const errorText = (r: ReturnType<typeof parseVenueLines>) => ("error" in r ? translateKeyed(nb, r.error) : null);

describe("generateMeetings", () => {
  it("gives the second Wednesday of each month at 17.00–19.30 Oslo time", () => {
    const meetings = generateMeetings({ weekday: 3, ordinal: 2, startMonth: "2027-01", count: 4, startTime: "17:00", endTime: "19:30" });
    expect(meetings.map((m) => m.day)).toEqual([
      { year: 2027, month: 1, day: 13 },
      { year: 2027, month: 2, day: 10 },
      { year: 2027, month: 3, day: 10 },
      { year: 2027, month: 4, day: 14 },
    ]);
    expect(oslo(meetings[0].startsAt)).toBe("onsdag 13. januar 2027 17.00");
    expect(oslo(meetings[3].endsAt)).toBe("onsdag 14. april 2027 19.30");
  });

  it("keeps the wall-clock time across daylight-saving changes (UTC offset moves)", () => {
    // March 2027: summer time starts on Sunday 28 March; October 2027: ends on Sunday 31 October.
    const spring = generateMeetings({ weekday: 3, ordinal: 2, startMonth: "2027-02", count: 3, startTime: "17:00", endTime: "19:30" });
    expect(spring.map((m) => m.startsAt.toISOString())).toEqual([
      "2027-02-10T16:00:00.000Z", // CET, UTC+1
      "2027-03-10T16:00:00.000Z",
      "2027-04-14T15:00:00.000Z", // CEST, UTC+2
    ]);
    const autumn = generateMeetings({ weekday: 7, ordinal: "last", startMonth: "2027-10", count: 2, startTime: "17:00", endTime: "19:30" });
    // The last Sunday of October 2027 is the very day summer time ends.
    expect(autumn[0].day).toEqual({ year: 2027, month: 10, day: 31 });
    expect(autumn[0].startsAt.toISOString()).toBe("2027-10-31T16:00:00.000Z");
    expect(autumn[1].day).toEqual({ year: 2027, month: 11, day: 28 });
    expect(autumn.every((m) => formatTime(m.startsAt) === "17.00" && formatTime(m.endsAt) === "19.30")).toBe(true);
    // On the day summer time starts (the last Sunday of March) 17.00 is already CEST.
    const dst = generateMeetings({ weekday: 7, ordinal: "last", startMonth: "2027-03", count: 1, startTime: "17:00", endTime: "19:30" });
    expect(dst[0].startsAt.toISOString()).toBe("2027-03-28T15:00:00.000Z");
  });

  it("handles 'last' in months of 28–31 days and across the new year", () => {
    expect(nthWeekdayOfMonth(2027, 2, 7, "last")).toEqual({ year: 2027, month: 2, day: 28 });
    expect(nthWeekdayOfMonth(2028, 2, 2, "last")).toEqual({ year: 2028, month: 2, day: 29 }); // leap year, Tuesday
    expect(nthWeekdayOfMonth(2027, 12, 5, "last")).toEqual({ year: 2027, month: 12, day: 31 });
    expect(nthWeekdayOfMonth(2027, 3, 3, 4)).toEqual({ year: 2027, month: 3, day: 24 });
    const wrap = generateMeetings({ weekday: 1, ordinal: 1, startMonth: "2027-11", count: 3, startTime: "18:00", endTime: "20:00" });
    expect(wrap.map((m) => m.day)).toEqual([
      { year: 2027, month: 11, day: 1 },
      { year: 2027, month: 12, day: 6 },
      { year: 2028, month: 1, day: 3 },
    ]);
  });

  it("describes the rule in Norwegian", () => {
    expect(describeRule({ weekday: 3, ordinal: 2 }, nb, "nb")).toBe("andre onsdag i måneden");
    expect(describeRule({ weekday: 2, ordinal: 1 }, translator("nn"), "nn")).toBe("første tysdag i månaden");
    expect(describeRule({ weekday: 3, ordinal: 2 }, translator("en"), "en")).toBe("second Wednesday of the month");
    expect(describeRule({ weekday: 4, ordinal: "last" }, nb, "nb")).toBe("siste torsdag i måneden");
  });
});

describe("parseVenueLines", () => {
  it("reads one venue per line and refuses a bad line", () => {
    expect(parseVenueLines("Lund; Lund skole; Skolegata 1; 4631; Eksempelby\n\n Søm ;Søm skole;Sømsveien 2;4637;Eksempelby")).toEqual({
      venues: [
        { district: "Lund", venueName: "Lund skole", venueAddress: "Skolegata 1", venuePostcode: "4631", venueCity: "Eksempelby" },
        { district: "Søm", venueName: "Søm skole", venueAddress: "Sømsveien 2", venuePostcode: "4637", venueCity: "Eksempelby" },
      ],
    });
    expect(errorText(parseVenueLines("Lund; Lund skole; Skolegata 1; 4631"))).toContain("Linje 1");
    expect(errorText(parseVenueLines("Lund; Lund skole; Skolegata 1; 46311; Eksempelby"))).toContain("fire sifre");
    expect(translateKeyed(translator("en"), (parseVenueLines("x; y") as { error: string }).error)).toContain("Line 1 must have five parts");
  });
});
