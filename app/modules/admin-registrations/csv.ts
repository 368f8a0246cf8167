// A CSV writer for Norwegian Excel: UTF-8 with a byte order mark (or Excel reads æøå as
// mojibake), semicolons (Excel in a Norwegian locale uses the comma as decimal separator),
// CRLF line ends and every field quoted. Cells that a spreadsheet would run as a formula
// (= + - @, tab, carriage return first) get an apostrophe in front (CSV/formula injection).
export const BOM = "\uFEFF";
export const SEPARATOR = ";";
export const LINE_END = "\r\n";

export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(SEPARATOR)).join(LINE_END) + LINE_END;
}
