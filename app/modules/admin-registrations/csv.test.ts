import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, toCsv } from "./csv";

describe("the CSV writer for Norwegian Excel", () => {
  it("starts with a UTF-8 byte order mark, separates with semicolons and ends lines with CRLF", () => {
    const csv = toCsv(["Navn", "Sted"], [["Åse Ødegård", "Bærum"]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFF"Navn";"Sted"\r\n"Åse Ødegård";"Bærum"\r\n');
    expect(csv.split("\r\n")).toHaveLength(3);
  });

  it("quotes every field and doubles quotes, so separators and line breaks stay inside a cell", () => {
    expect(csvField('Velforeningen "Lunden"; avd. 2')).toBe('"Velforeningen ""Lunden""; avd. 2"');
    expect(csvField("linje 1\nlinje 2")).toBe('"linje 1\nlinje 2"');
    expect(csvField(null)).toBe('""');
    expect(csvField(3)).toBe('"3"');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+47 12 34 56 78", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutraliseFormula(evil)).toBe(`'${evil}`);
    }
    expect(csvField('=cmd|"/c calc"!A1')).toBe('"\'=cmd|""/c calc""!A1"');
    expect(neutraliseFormula("Kari = sjef")).toBe("Kari = sjef");
    expect(neutraliseFormula("")).toBe("");
  });
});
