// Lighthouse (mobile preset: a mid-range phone on slow 4G, simulated) on the start page and an event
// page, in Debian's Chromium, against the production build with the demo content.
//   npm run build && npx tsx bench/lighthouse.ts [baseURL]
// Without a base URL it starts the server on a free port with a fresh SQLite database.
// Prints the four category scores per page and the audits that held them back. Scores depend on the
// machine: run it on a quiet one (simulated throttling scales the CPU time it measures).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROME = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function startServer(): Promise<{ base: string; stop: () => void }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const dir = mkdtempSync(join(tmpdir(), "lighthouse-"));
  const child = spawn("npx", ["tsx", "server/index.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATA_DIR: dir,
      DATABASE_URL: `file:${dir}/app.db`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, stop: () => child.kill("SIGTERM") };
    } catch {
      /* not yet */
    }
  }
  child.kill("SIGKILL");
  throw new Error("the server did not start");
}

const given = process.argv[2];
const server = given ? { base: given, stop: () => {} } : await startServer();
const home = await (await fetch(server.base)).text();
const eventPath = /href="(\/events\/[^"/]+)"/.exec(home)?.[1] ?? "/";
// Also the heaviest event page (the conference with its whole programme), found among the upcoming
// and past events by the size of its HTML.
const past = await (await fetch(`${server.base}/?past=1`)).text();
const links = [...new Set([...`${home}${past}`.matchAll(/href="(\/events\/[^"/?#]+)"/g)].map((m) => m[1]))];
let heaviest = eventPath;
let heaviestSize = 0;
for (const link of links) {
  const size = (await (await fetch(`${server.base}${link}`)).text()).length;
  if (size > heaviestSize) [heaviest, heaviestSize] = [link, size];
}
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const rows: Array<Record<string, string | number>> = [];
  for (const path of [...new Set(["/", eventPath, heaviest])]) {
    const result = await lighthouse(`${server.base}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      formFactor: "mobile",
      screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
    });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    rows.push({
      page: path,
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
      "LCP ms": Math.round(Number(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0)),
      "TBT ms": Math.round(Number(lhr.audits["total-blocking-time"]?.numericValue ?? 0)),
      "bytes": Math.round(Number(lhr.audits["total-byte-weight"]?.numericValue ?? 0)),
    });
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    if (failing.length) console.log(`${path}: audits below 0.9: ${failing.join(", ")}`);
  }
  console.table(rows);
} finally {
  await chrome.kill();
  server.stop();
}
