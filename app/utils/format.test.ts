import { describe, expect, it } from "vitest";
import { formatDate, formatDateTimeRange, formatPhone, formatTime, normalisePhone, osloDayKey } from "./format";

describe("Norwegian date formats in Europe/Oslo", () => {
  // 27 October 2022 09:00 in Oslo is 07:00 UTC (summer time until 30 October).
  const start = new Date("2022-10-27T07:00:00Z");
  const end = new Date("2022-10-27T07:30:00Z");

  it("formats a programme slot as the issue asks", () => {
    expect(formatDateTimeRange(start, end, "nb")).toBe("torsdag 27. oktober 2022, kl. 09.00–09.30");
  });
  it("formats in nynorsk and English", () => {
    expect(formatDate(start, "nn")).toBe("torsdag 27. oktober 2022");
    expect(formatDateTimeRange(start, end, "en")).toBe("Thursday 27 October 2022, 09:00–09:30");
  });
  it("uses Oslo winter time after the clocks change", () => {
    expect(formatTime(new Date("2022-11-01T16:00:00Z"))).toBe("17.00");
  });
  it("groups by the Oslo day, not the UTC day", () => {
    expect(osloDayKey(new Date("2022-10-27T22:30:00Z"))).toBe("2022-10-28");
  });
  it("spans days", () => {
    expect(formatDateTimeRange(start, new Date("2022-10-28T13:30:00Z"))).toBe(
      "torsdag 27. oktober 2022, kl. 09.00 – fredag 28. oktober 2022, kl. 15.30",
    );
  });
});

describe("phone numbers", () => {
  it.each([
    ["12345678", "+4712345678"],
    ["+47 123 45 678", "+4712345678"],
    ["0047 12 34 56 78", "+4712345678"],
    ["(+47) 12-34-56-78", "+4712345678"],
    ["+46 70 123 45 67", "+46701234567"],
  ])("accepts %s", (input, e164) => expect(normalisePhone(input)).toBe(e164));
  it.each(["1234", "abc", "+47 1234 567", "12345678901234567"])("refuses %s", (input) =>
    expect(normalisePhone(input)).toBeNull(),
  );
  it("shows Norwegian numbers in pairs", () => expect(formatPhone("+4712345678")).toBe("12 34 56 78"));
});
