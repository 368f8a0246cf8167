import { describe, expect, it } from "vitest";
import { firstWords, rateLimitMs } from "./audience-helpers";

describe("firstWords", () => {
  it("keeps a short question whole and flattens its white space", () => {
    expect(firstWords("Kan bussen\n stoppe  nærmere?")).toBe("Kan bussen stoppe nærmere?");
  });
  it("cuts a long question at a word and marks the cut", () => {
    const text = "Når blir det fortau langs hele Kirsebærveien, og hvem bestemmer rekkefølgen på tiltakene i planen?";
    expect(firstWords(text)).toBe("Når blir det fortau langs hele Kirsebærveien, og hvem…");
    expect(firstWords(text).length).toBeLessThanOrEqual(61);
  });
  it("cuts one endless word where it must", () => {
    expect(firstWords("a".repeat(100), 10)).toBe(`${"a".repeat(10)}…`);
  });
});

describe("rateLimitMs", () => {
  it("holds a rate-limit message for the limit's window", () => {
    expect(rateLimitMs({ ok: false, code: "rate-limited", message: "x", key: "live:error.questionRate", values: { count: 5, seconds: 60 } })).toBe(60_000);
  });
  it("falls back to a minute when the refusal names no window", () => {
    expect(rateLimitMs({ ok: false, code: "rate-limited", message: "x", key: "live:error.manyNewParticipants" })).toBe(60_000);
  });
  it("is not a rate limit for other refusals or a success", () => {
    expect(rateLimitMs({ ok: false, code: "invalid", message: "x", key: "live:error.writeQuestion" })).toBeNull();
    expect(rateLimitMs({ ok: true, data: null })).toBeNull();
  });
});
