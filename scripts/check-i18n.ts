// Finds user-facing string literals in route and component files: JSX text, strings in JSX
// expressions, and the attributes people read or hear (aria-label, title, alt, placeholder, label …).
// Texts belong in app/locales/<lng>/<ns>.json. Run: npx tsx scripts/check-i18n.ts [--files a.tsx b.tsx]
// The vitest test app/i18n/no-literals.test.ts runs the same check over every file; files still on
// their way to the catalogs are listed in scripts/i18n-pending.json with their allowed count (a ratchet).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export type Finding = { file: string; line: number; text: string };

const READ_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "alt",
  "placeholder",
  "label",
  "legend",
  "help",
  "empty",
  "summary",
  "heading",
  "description",
  "confirm",
]);

/** A string with a letter in it (not only punctuation, numbers, symbols or an identifier-like token). */
function isWords(text: string): boolean {
  const t = text.trim();
  if (!/\p{L}/u.test(t)) return false;
  // CSS classes, ids, URLs, MIME types, keys, code-like values.
  if (/^[a-z0-9_.:/#?=&%-]+$/.test(t) && !/^[A-ZÆØÅ]/.test(t) && !t.includes(" ")) return false;
  return true;
}

function inJsx(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isJsxExpression(p)) return true;
    if (ts.isJsxAttribute(p)) return false;
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

export function findLiterals(file: string, source = readFileSync(file, "utf8")): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const add = (node: ts.Node, text: string) =>
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim().slice(0, 80) });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.getText(sf))) add(node, node.getText(sf));
    else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(sf);
      if (READ_ATTRIBUTES.has(name) && isWords(node.initializer.text)) add(node, `${name}="${node.initializer.text}"`);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && inJsx(node)) {
      const parent = node.parent;
      const keyCall =
        ts.isCallExpression(parent) &&
        /(^|\.)(t|tr|translate|translateError|useT)$/.test(parent.expression.getText(sf));
      const comparison = ts.isBinaryExpression(parent) && /[=!]==?/.test(parent.operatorToken.getText(sf));
      const indexed = ts.isElementAccessExpression(parent);
      if (!keyCall && !comparison && !indexed && isWords(node.text) && /\s/.test(node.text.trim())) add(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const ROOTS = ["app/routes", "app/components", "app/modules", "app/root.tsx"];

export function uiFiles(root = process.cwd()): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    const abs = join(root, p);
    if (statSync(abs).isDirectory()) for (const e of readdirSync(abs)) walk(join(p, e));
    else if (/\.tsx$/.test(p) && !/\.test\.tsx$/.test(p)) files.push(p);
  };
  for (const r of ROOTS) walk(r);
  return files.sort();
}

export function pendingCounts(root = process.cwd()): Record<string, number> {
  return JSON.parse(readFileSync(join(root, "scripts/i18n-pending.json"), "utf8")) as Record<string, number>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--files");
  const files = i >= 0 ? process.argv.slice(i + 1) : uiFiles();
  const findings = files.flatMap((f) => findLiterals(f));
  for (const f of findings) console.log(`${relative(process.cwd(), f.file)}:${f.line}  ${f.text}`);
  const byFile = new Map<string, number>();
  for (const f of findings) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
  console.log(`\n${findings.length} literal(s) in ${byFile.size} file(s)`);
  if (process.argv.includes("--write-pending")) {
    const obj = Object.fromEntries([...byFile.entries()].sort());
    await import("node:fs").then((fs) => fs.writeFileSync("scripts/i18n-pending.json", JSON.stringify(obj, null, 2) + "\n"));
  }
  process.exitCode = findings.length ? 1 : 0;
}
