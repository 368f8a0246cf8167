// `npm ci` on another platform (a Mac, Windows, an ARM server) needs the lockfile to name every
// platform's optional binary package; a lockfile written on a machine that skipped them makes
// `npm install` on a fresh clone rewrite it, and `npm ci` elsewhere fail.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8")) as {
  packages: Record<string, { version?: string; optional?: boolean }>;
};
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("package-lock.json", () => {
  it("lists the optional platform packages of rollup and esbuild for the common platforms", () => {
    for (const name of [
      "@rollup/rollup-darwin-arm64",
      "@rollup/rollup-darwin-x64",
      "@rollup/rollup-linux-x64-gnu",
      "@rollup/rollup-linux-arm64-gnu",
      "@rollup/rollup-win32-x64-msvc",
      "@esbuild/darwin-arm64",
      "@esbuild/linux-x64",
      "@esbuild/win32-x64",
    ]) {
      const entry = Object.entries(lock.packages).find(([path]) => path.endsWith(`node_modules/${name}`));
      expect(entry, name).toBeDefined();
      expect(entry![1].optional, name).toBe(true);
    }
  });
  it("has an entry for every direct dependency", () => {
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
    }
  });
});
