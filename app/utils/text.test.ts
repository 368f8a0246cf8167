import { describe, expect, it } from "vitest";
import { cleanStrings, cleanText, needsCleaning } from "./text";

describe("cleanText", () => {
  it("removes NUL, control, bidi and zero-width characters", () => {
    expect(cleanText("Ola \u202Efdp.exe")).toBe("Ola fdp.exe");
    expect(cleanText("a\u0000b\u0007c\u009Fd")).toBe("abcd");
    expect(cleanText("Ka\u200Bri \u2066x\u2069\uFEFF")).toBe("Kari x");
  });
  it("keeps tab, new lines, Norwegian letters and emoji joiners", () => {
    expect(cleanText("Æ ø å\tlinje\r\nto")).toBe("Æ ø å\tlinje\r\nto");
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
    expect(cleanText(family)).toBe(family);
  });
  it("replaces lone surrogates and keeps pairs", () => {
    expect(cleanText("a\uD800b")).toBe("a\uFFFDb");
    expect(cleanText("a\uDC00")).toBe("a\uFFFD");
    expect(cleanText("\u{1F600}")).toBe("\u{1F600}");
    expect(needsCleaning("ok")).toBe(false);
    expect(needsCleaning("x\uD800")).toBe(true);
    expect(needsCleaning("x\u202E")).toBe(true);
  });
  it("cleans nested payloads", () => {
    expect(cleanStrings({ a: ["x\u0000"], b: { c: "\u200By" }, n: 3 })).toEqual({ a: ["x"], b: { c: "y" }, n: 3 });
  });
});
