// The settings form's schema and the pure rules: contrast, districts, bounds, the organisation's words.
import { describe, expect, it } from "vitest";
import { contrastWithWhite, emptyOrgSettings, formatRatio, missingSettings, orgTextVars } from "./org-settings";
import { LIMITS, settingsSchema } from "./settings.schema";

const base = (overrides: Record<string, unknown> = {}) => ({
  orgNameNb: "Eksempelby kommune",
  unitNameNb: "Kulturenheten",
  districts: "Sentrum\nNord",
  brandColor: "",
  a11yComplaintUrl: "",
  ...overrides,
});

const errorsOf = (input: Record<string, unknown>) => {
  const r = settingsSchema.safeParse(input);
  return r.success ? {} : r.error.flatten().fieldErrors;
};

describe("the settings schema", () => {
  it("accepts a plain form and fills the complaint URL's default", () => {
    const r = settingsSchema.parse(base());
    expect(r.districts).toEqual(["Sentrum", "Nord"]);
    expect(r.a11yComplaintUrl).toBe("https://www.uutilsynet.no/");
    expect(r.brandColor).toBe("");
    expect(r.orgNameEn).toBe("");
  });

  it("refuses a brand colour that white text cannot be read on, naming the measured ratio", () => {
    // #ffcc00: about 1.6:1 against white.
    const e = errorsOf(base({ brandColor: "#FFCC00" }));
    expect(e.brandColor?.[0]).toMatch(/^settings:error\.contrast\|1\.\d\d$/);
    expect(e.brandColor?.[0]).toBe(`settings:error.contrast|${formatRatio(contrastWithWhite("#ffcc00"), "en")}`);
  });

  it("takes a dark colour, with or without #, in lower case", () => {
    expect(settingsSchema.parse(base({ brandColor: "00315A" })).brandColor).toBe("#00315a");
    expect(contrastWithWhite("#00315a")).toBeGreaterThan(4.5);
  });

  it("draws the line at 4.5:1 and rounds the shown ratio down", () => {
    // #777777 is 4.48:1 on white; #767676 is 4.54:1.
    expect(errorsOf(base({ brandColor: "#777777" })).brandColor?.[0]).toBe("settings:error.contrast|4.47");
    expect(settingsSchema.safeParse(base({ brandColor: "#767676" })).success).toBe(true);
    expect(formatRatio(4.4999, "nb")).toBe("4,49");
  });

  it("refuses a colour that is not six hex digits", () => {
    expect(errorsOf(base({ brandColor: "blue" })).brandColor).toEqual(["settings:error.colour"]);
  });

  it("keeps districts in order, drops blank lines and refuses duplicates, markup and too many", () => {
    expect(settingsSchema.parse(base({ districts: " Lund \r\n\r\nSøm\n  Grim  sentrum " })).districts).toEqual(["Lund", "Søm", "Grim sentrum"]);
    expect(errorsOf(base({ districts: "Lund\nlund" })).districts).toEqual(["settings:error.districtDuplicate|lund"]);
    expect(errorsOf(base({ districts: "<b>Lund</b>" })).districts).toEqual(["settings:error.invalidChars"]);
    expect(errorsOf(base({ districts: Array.from({ length: 61 }, (_, i) => `Bydel ${i}`).join("\n") })).districts).toEqual([
      "settings:error.districtsTooMany",
    ]);
    expect(errorsOf(base({ districts: "x".repeat(61) })).districts).toEqual(["settings:error.districtTooLong"]);
  });

  it("bounds every text", () => {
    expect(errorsOf(base({ orgNameNb: "x".repeat(LIMITS.name + 1) })).orgNameNb).toEqual(["settings:error.tooLong"]);
    expect(errorsOf(base({ a11yNonConformities: "x".repeat(LIMITS.nonConformities + 1) })).a11yNonConformities).toEqual([
      "settings:error.tooLong",
    ]);
    expect(errorsOf(base({ mailSenderName: "Kommunen <x@y.no>" })).mailSenderName).toBeDefined();
    expect(errorsOf(base({ contactEmail: "ikke en adresse" })).contactEmail).toEqual(["settings:error.email"]);
    expect(errorsOf(base({ contactPhone: "12" })).contactPhone).toEqual(["settings:error.phone"]);
    expect(errorsOf(base({ a11yLastCheckedOn: "2026-02-30" })).a11yLastCheckedOn).toEqual(["settings:error.date"]);
  });

  it("wants the statement on uustatus.no and https links", () => {
    expect(errorsOf(base({ a11yStatementUrl: "https://example.no/erklaering" })).a11yStatementUrl).toEqual(["settings:error.uustatusUrl"]);
    expect(errorsOf(base({ a11yComplaintUrl: "http://www.uutilsynet.no/" })).a11yComplaintUrl).toEqual(["settings:error.url"]);
    expect(settingsSchema.parse(base({ a11yStatementUrl: "https://uustatus.no/nb/erklaringer/publisert/abc" })).a11yStatementUrl).toBe(
      "https://uustatus.no/nb/erklaringer/publisert/abc",
    );
  });

  it("refuses an image over the limit or of the wrong type, and takes an empty file input as no change", () => {
    const big = new File([new Uint8Array(LIMITS.logoBytes + 1)], "logo.png", { type: "image/png" });
    expect(errorsOf(base({ logo: big })).logo).toEqual(["settings:error.imageTooLarge"]);
    const gif = new File([new Uint8Array(10)], "logo.gif", { type: "image/gif" });
    expect(errorsOf(base({ logo: gif })).logo).toEqual(["settings:error.logoType"]);
    const jpegLogo = new File([new Uint8Array(10)], "logo.jpg", { type: "image/jpeg" });
    expect(errorsOf(base({ logo: jpegLogo })).logo).toEqual(["settings:error.logoType"]);
    expect(settingsSchema.parse(base({ logo: new File([], "", { type: "application/octet-stream" }) })).logo).toBeUndefined();
  });
});

describe("the organisation's words", () => {
  it("are neutral on a fresh install, in each language, capitalised for a sentence's start", () => {
    const empty = emptyOrgSettings();
    expect(orgTextVars(empty, "nb")).toEqual({ org: "kommunen", unit: "arrangøren", Org: "Kommunen", Unit: "Arrangøren" });
    expect(orgTextVars(empty, "nn")).toEqual({ org: "kommunen", unit: "arrangøren", Org: "Kommunen", Unit: "Arrangøren" });
    expect(orgTextVars(empty, "en")).toEqual({ org: "the municipality", unit: "the organiser", Org: "The municipality", Unit: "The organiser" });
  });

  it("borrow a name from another language, and a missing unit falls back to the organisation", () => {
    const s = { ...emptyOrgSettings(), orgName: { nb: "Eksempelby kommune", nn: "", en: "" }, unitName: { nb: "", nn: "Kultureininga", en: "" } };
    expect(orgTextVars(s, "nb")).toMatchObject({ org: "Eksempelby kommune", unit: "Kultureininga" });
    expect(orgTextVars(s, "en")).toMatchObject({ org: "Eksempelby kommune", unit: "Kultureininga" });
    const noUnit = { ...s, unitName: { nb: "", nn: "", en: "" } };
    expect(orgTextVars(noUnit, "nn").unit).toBe("Eksempelby kommune");
  });

  it("list what an administrator still has to fill in", () => {
    expect(missingSettings(emptyOrgSettings())).toContain("orgName");
    const filled = {
      ...emptyOrgSettings(),
      orgName: { nb: "Eksempelby kommune", nn: "", en: "" },
      unitName: { nb: "Kulturenheten", nn: "", en: "" },
      contactEmail: "post@eksempelby.test",
      dataController: "Eksempelby kommune",
      privacyEmail: "personvern@eksempelby.test",
      mailSenderName: "Eksempelby kommune",
      districts: ["Sentrum"],
      defaultVenueCity: "Eksempelby",
      a11yLastCheckedOn: "2026-11-01",
    };
    expect(missingSettings(filled)).toEqual(["a11yStatementUrl"]);
  });
});
