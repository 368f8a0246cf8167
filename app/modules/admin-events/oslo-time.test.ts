import { describe, expect, it } from "vitest";
import { parseOsloLocal, slugify, toOsloLocal } from "./oslo-time";

describe("Oslo wall-clock times", () => {
  it("turns datetime-local values into UTC on both sides of daylight saving, and back", () => {
    expect(parseOsloLocal("2027-01-13T17:00")?.toISOString()).toBe("2027-01-13T16:00:00.000Z");
    expect(parseOsloLocal("2027-06-09T17:00")?.toISOString()).toBe("2027-06-09T15:00:00.000Z");
    expect(toOsloLocal(new Date("2027-06-09T15:00:00.000Z"))).toBe("2027-06-09T17:00");
    expect(toOsloLocal(new Date("2027-10-31T16:00:00.000Z"))).toBe("2027-10-31T17:00");
    expect(toOsloLocal(null)).toBe("");
  });

  it("refuses what is not a real date and time", () => {
    for (const bad of ["", "2027-02-31T17:00", "2027-13-01T10:00", "2027-01-01T24:00", "13.01.2027 17:00"]) {
      expect(parseOsloLocal(bad), bad).toBeNull();
    }
  });

  it("makes URL slugs from Norwegian titles", () => {
    expect(slugify("Dialogmøte med formannskapet – Søm & Hånes")).toBe("dialogmote-med-formannskapet-som-hanes");
    expect(slugify("Ærlig talt!")).toBe("aerlig-talt");
  });
});
