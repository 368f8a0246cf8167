import { chromium } from "playwright";
const [,, url, out, w] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const p = await b.newPage({ viewport: { width: Number(w ?? 1100), height: 900 } });
await p.goto(url);
await p.screenshot({ path: out, fullPage: true });
await b.close();
