import { describe, expect, it } from "vitest";
import { needsModeration, normalise } from "./wordfilter";

describe("normalise", () => {
  it("lowercases, folds Norwegian letters and diacritics, undoes leetspeak and collapses repeats", () => {
    expect(normalise("JÆVLA Søppel på Café!")).toBe("jaevla sopel pa cafe");
    expect(normalise("f4nt4st1sk")).toBe("fantastisk");
    expect(normalise("fuuuuck")).toBe("fuck");
  });
});

describe("needsModeration", () => {
  it.each([
    "Hvorfor er dere så jævla trege?",
    "Faen heller",
    "dette er F.U.C.K? nei: fuuuck",
    "sh1t happens",
    "Du er en idiot",
    "Hold kjeft!",
    "Din drittsekk",
  ])("flags %j", (text) => {
    expect(needsModeration(text)).toBe(true);
  });

  it.each([
    "Når åpner den nye ungdomsklubben på Jegersberg?",
    "Hvordan kan velforeningen søke Bydelsfondet?",
    "Javel, men hva med bussene til Vågsbygd?",
    "Kan piken min delta på fotballskolen?",
    "Jeg er en stor fan av dialogmøtene – fantastisk!",
    "Hva er koden til wifi?",
    "How will the district fund be shared?",
    "",
  ])("lets %j through", (text) => {
    expect(needsModeration(text)).toBe(false);
  });
});

describe("the organisation's own words", () => {
  it("are matched like the built-in ones: normalised, whole words, a trailing * for a stem, phrases", () => {
    const extra = ["Tullebukk", "snørr*", "ut med deg"];
    expect(needsModeration("For en TULLEBUKK", extra)).toBe(true);
    expect(needsModeration("snørrvalp", extra)).toBe(true);
    expect(needsModeration("Ut med deg!", extra)).toBe(true);
    expect(needsModeration("tullebukkene", extra)).toBe(false);
    expect(needsModeration("For en tullebukk")).toBe(false);
    expect(needsModeration("Ut med det", extra)).toBe(false);
  });
});
