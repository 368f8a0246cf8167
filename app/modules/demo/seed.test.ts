import { describe, expect, it } from "vitest";
import { osloTime } from "./seed.server";

describe("osloTime: Europe/Oslo wall-clock time to a UTC instant", () => {
  it("uses summer time (+02:00) before the clocks change", () => {
    expect(osloTime(2022, 10, 27, 9, 0).toISOString()).toBe("2022-10-27T07:00:00.000Z");
  });
  it("uses winter time (+01:00) after the clocks change", () => {
    expect(osloTime(2022, 10, 31, 9, 0).toISOString()).toBe("2022-10-31T08:00:00.000Z");
    expect(osloTime(2023, 1, 11, 17, 0).toISOString()).toBe("2023-01-11T16:00:00.000Z");
  });
  it("takes months as 1–12", () => {
    expect(osloTime(2024, 12, 11, 19, 30).toISOString()).toBe("2024-12-11T18:30:00.000Z");
    expect(osloTime(2024, 6, 12, 17, 0).toISOString()).toBe("2024-06-12T15:00:00.000Z");
  });
  it("lands on the previous UTC day shortly after midnight in Oslo", () => {
    expect(osloTime(2025, 3, 1, 0, 30).toISOString()).toBe("2025-02-28T23:30:00.000Z");
  });
});
