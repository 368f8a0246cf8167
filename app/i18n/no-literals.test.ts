// No user-facing string literals in route and component files: texts live in the catalogs.
// Files still being moved are listed in scripts/i18n-pending.json with the number they may still
// have; that number may only go down (remove a file from the list when it reaches zero).
import { describe, expect, it } from "vitest";
import { findLiterals, pendingCounts, uiFiles } from "../../scripts/check-i18n";

describe("texts in route and component files", () => {
  const pending = pendingCounts();
  const files = uiFiles();

  it("finds literals where there are some (the check itself works)", () => {
    const found = findLiterals("x.tsx", `export const A = () => <p title="Et hint">Hei på deg {"to ord"}</p>;`);
    expect(found.map((f) => f.text)).toEqual(['title="Et hint"', "Hei på deg", "to ord"]);
    expect(findLiterals("y.tsx", `export const B = ({t}) => <p className="a b" aria-label={t("x.y")}>{t("home.title")} · 3</p>;`)).toEqual([]);
  });

  it("every file is in the catalogs, or on the pending list with no more literals than listed", () => {
    const over: string[] = [];
    for (const file of files) {
      const count = findLiterals(file).length;
      const allowed = pending[file] ?? 0;
      if (count > allowed) over.push(`${file}: ${count} literal(s), ${allowed} allowed — run npx tsx scripts/check-i18n.ts --files ${file}`);
    }
    expect(over).toEqual([]);
  });

  it("the pending list names only files that still have literals", () => {
    const done = Object.keys(pending).filter((file) => !files.includes(file) || findLiterals(file).length === 0);
    expect(done, "remove these from scripts/i18n-pending.json").toEqual([]);
  });
});
