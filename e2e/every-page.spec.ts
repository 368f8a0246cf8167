// Every public, live and staff page in bokmål, nynorsk and English: the page's language is the one
// chosen (html[lang]), no catalog key or placeholder shows, the console stays clean (hydration
// included), nothing scrolls sideways at 320, 390 and 1280 px, and axe finds no WCAG 2.1 A/AA
// violation (axe runs once per page and language, at 390 px in bokmål, 320 px in nynorsk and
// 1280 px in English, so each page is checked at every width). A nynorsk page is read on a Tuesday.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;
const LANGS = ["nb", "nn", "en"] as const;
type Lang = (typeof LANGS)[number];
const AXE_WIDTH: Record<Lang, number> = { nb: 390, nn: 320, en: 1280 };
const WIDTHS = [320, 390, 1280];

type Pages = { public: string[]; live: string[]; staff: string[] };

/** Finds one of everything in the demo content (and makes what the demo lacks). */
async function discover(): Promise<Pages> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const event = await db.event.findFirstOrThrow({
      where: { status: "PUBLISHED", programmeItems: { some: { speakers: { some: {} } } } },
      select: { id: true, slug: true, programmeItems: { select: { id: true }, take: 1 } },
    });
    const speaker = await db.speaker.findFirstOrThrow({ where: { items: { some: { item: { eventId: event.id } } } }, select: { id: true, slug: true } });
    const email = `every-page-${randomBytes(4).toString("hex")}@samhandling.test`;
    const registration = await db.registration.create({
      data: {
        token: randomBytes(24).toString("base64url"),
        eventId: event.id,
        status: "CONFIRMED",
        name: "Kari Testesen",
        email,
        emailNormalized: email,
        privacyConsentAt: new Date(),
      },
      select: { token: true },
    });
    const series =
      (await db.eventSeries.findFirst({ select: { id: true, slug: true } })) ??
      (await db.eventSeries.create({
        data: { slug: `e2e-serie-${randomBytes(3).toString("hex")}`, title: "Dialogmøter våren", description: "Møter i bydelene." },
        select: { id: true, slug: true },
      }));
    const followUp = await db.followUpItem.findFirst({
      where: { publishedAt: { not: null } },
      select: { id: true, eventId: true, event: { select: { slug: true } } },
    });
    const request = await db.meetingRequest.findFirstOrThrow({ select: { id: true, token: true } });
    const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    const room =
      (await db.liveRoom.findFirst({ where: { eventId: event.id, programmeItemId: null }, select: { code: true } })) ??
      (await db.liveRoom.create({
        data: { code: [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join(""), eventId: event.id, title: "Spørsmål til konferansen" },
        select: { code: true },
      }));
    const organisation = await db.organisation.findFirstOrThrow({ select: { id: true } });
    const input = await db.citizenInput.findFirst({ select: { eventId: true } });
    const e = `/admin/events/${event.id}`;
    return {
      public: [
        "/",
        "/?past=1",
        `/events/${event.slug}`,
        `/events/${event.slug}/register`,
        `/events/${event.slug}/speakers`,
        `/events/${event.slug}/speakers/${speaker.slug}`,
        `/events/${event.slug}/innspill`,
        ...(followUp ? [`/events/${followUp.event.slug}/oppfolging/${followUp.id}`] : []),
        `/registrations/${registration.token}`,
        `/series/${series.slug}`,
        "/tilgjengelighet",
        "/foresporsel",
        `/foresporsel/${request.token}`,
        "/admin/login",
        `/finnes-ikke-${randomBytes(3).toString("hex")}`,
      ],
      live: ["/live", `/live/${room.code}`, `/live/${room.code}/screen`, `/live/${room.code}/overlay`],
      staff: [
        "/admin",
        "/admin/events",
        "/admin/events/new",
        e,
        `${e}/edit`,
        `${e}/programme/${event.programmeItems[0].id}`,
        `${e}/registrations`,
        `${e}/checkin`,
        `${e}/messages`,
        `/admin/events/${input?.eventId ?? event.id}/input`,
        `/admin/events/${followUp?.eventId ?? event.id}/followup`,
        ...(followUp ? [`/admin/events/${followUp.eventId}/followup/${followUp.id}`] : []),
        `${e}/live`,
        `/live/${room.code}/moderate`,
        "/admin/speakers",
        `/admin/speakers/${speaker.id}`,
        "/admin/organisations",
        `/admin/organisations/${organisation.id}`,
        "/admin/series",
        "/admin/series/new",
        `/admin/series/${series.id}`,
        "/admin/requests",
        `/admin/requests/${request.id}`,
        "/admin/input",
        "/admin/feedback",
        "/admin/privacy",
        "/admin/audit",
        "/admin/staff",
      ],
    };
  } finally {
    await db.$disconnect();
  }
}

async function setLanguage(context: BrowserContext, baseURL: string, lang: Lang) {
  // The same cookie the language switch sets (a Remix cookie: base64 of the JSON value).
  await context.addCookies([{ name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), url: baseURL }]);
}

/** Visible text that looks like a catalog key ("reg.name", "live:poll.title") or an unfilled {{placeholder}}. */
async function leakedKeys(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  const keys = text.match(/\b(?:[a-z]+(?:-[a-z]+)?:)?[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(?:\.[a-zA-Z]+)*\b/g) ?? [];
  const placeholders = text.match(/\{\{\s*\w+\s*\}\}/g) ?? [];
  // Host names and e-mail addresses have dots too.
  return [
    ...keys.filter((k) => !/\.(no|com|org|test|invalid|ics|csv|xlsx|json|png|svg)\b/.test(k) && !text.includes(`@${k}`) && !text.includes(`${k}@`)),
    ...placeholders,
  ];
}

/** Everything wrong with one page in one language, as sentences (empty: all good). */
/** Bokmål catalog texts that differ in `lang`: seen on a page in `lang`, they are untranslated UI. */
function bokmalOnly(lang: Lang): string[] {
  if (lang === "nb") return [];
  const out: string[] = [];
  for (const file of readdirSync("app/locales/nb")) {
    const nb = JSON.parse(readFileSync(`app/locales/nb/${file}`, "utf8")) as Record<string, string>;
    const other = JSON.parse(readFileSync(`app/locales/${lang}/${file}`, "utf8")) as Record<string, string>;
    const otherValues = new Set(Object.values(other));
    for (const [key, text] of Object.entries(nb)) {
      if (text.split(" ").length >= 3 && !text.includes("{{") && other[key] !== text && !otherValues.has(text)) out.push(text);
    }
  }
  return out;
}
const BOKMAL_ONLY: Record<Lang, string[]> = { nb: [], nn: bokmalOnly("nn"), en: bokmalOnly("en") };

async function checkPage(page: Page, path: string, lang: Lang): Promise<string[]> {
  const problems: string[] = [];
  const at = `${path} (${lang})`;
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) problems.push(`${at}: console: ${m.text().slice(0, 300)}`);
  };
  const onError = (e: Error) => problems.push(`${at}: page error: ${e.message.slice(0, 300)}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    await page.setViewportSize({ width: AXE_WIDTH[lang], height: 800 });
    await page.goto(path, { waitUntil: "networkidle" });
    const htmlLang = await page.locator("html").getAttribute("lang");
    if (htmlLang !== lang) problems.push(`${at}: html[lang] is ${htmlLang}`);
    const text = await page.locator("body").innerText();
    // Text marked with its own language (event content, stored summaries: lang="nb") is content, not
    // untranslated interface; only the rest must be in the page's language.
    const uiText = await page.evaluate((pageLang) => {
      let visible = document.body.innerText;
      for (const el of document.body.querySelectorAll<HTMLElement>("[lang]")) {
        if (el.getAttribute("lang") !== pageLang && el.innerText) visible = visible.split(el.innerText).join("\n");
      }
      return visible;
    }, lang);
    const untranslated = BOKMAL_ONLY[lang].filter((t) => uiText.includes(t));
    if (untranslated.length) problems.push(`${at}: bokmål texts on the page: ${untranslated.slice(0, 5).join(" | ")}`);
    const keys = await leakedKeys(page);
    if (keys.length) problems.push(`${at}: catalog keys shown: ${keys.join(", ")}`);
    try {
      await expectNoA11yViolations(page, { label: `${path} (${lang}, ${AXE_WIDTH[lang]} px)` });
    } catch (e) {
      problems.push(`${at}: ${(e as Error).message.split("\n").slice(0, 12).join(" / ")}`);
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : width === 390 ? 844 : 640 });
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (scroll > inner) problems.push(`${at}: scrolls sideways at ${width} px (${scroll} > ${inner})`);
    }
  } catch (e) {
    problems.push(`${at}: ${(e as Error).message.slice(0, 300)}`);
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
  return problems;
}

let pages: Pages;
test.beforeAll(async () => {
  pages = await discover();
});

// One test per language and kind of page; every problem of every page is listed in one failure message.
for (const lang of LANGS) {
  test(`public and live pages in ${lang}`, async ({ page, context, baseURL }) => {
    test.setTimeout(240_000);
    await setLanguage(context, baseURL!, lang);
    const problems: string[] = [];
    for (const path of [...pages.public, ...pages.live]) problems.push(...(await checkPage(page, path, lang)));
    expect(problems).toEqual([]);
  });

  test(`staff pages in ${lang}`, async ({ page, context, baseURL }) => {
    test.setTimeout(300_000);
    await signInAsAdmin(page);
    await setLanguage(context, baseURL!, lang);
    const problems: string[] = [];
    for (const path of pages.staff) problems.push(...(await checkPage(page, path, lang)));
    expect(problems).toEqual([]);
  });
}

test("a nynorsk page on a Tuesday says tysdag, in the server's HTML and after hydration", async ({ page, context, baseURL }) => {
  const db = await connectDatabase(DATABASE_URL);
  // The next Tuesday at 18.00 Oslo time, a year ahead so no other spec lists it first.
  const startsAt = new Date(Date.now() + 365 * 24 * 3600_000);
  startsAt.setUTCDate(startsAt.getUTCDate() + ((2 - startsAt.getUTCDay() + 7) % 7));
  startsAt.setUTCHours(17, 0, 0, 0);
  const slug = `e2e-tysdag-${randomBytes(4).toString("hex")}`;
  try {
    await db.event.create({
      data: {
        slug,
        kind: "DIALOGUE_MEETING",
        status: "PUBLISHED",
        publishedAt: new Date(),
        title: "Dialogmøte på ein tysdag",
        summary: "Eit møte som berre finst i testen av nynorske datoar.",
        venueName: "Bydelshuset",
        venueAddress: "Torget 1",
        venuePostcode: "0001",
        venueCity: "Eksempelby",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2.5 * 3600_000),
        capacity: 40,
        privacyNotice: "Vi bruker opplysningane berre til dette møtet.",
      },
    });
  } finally {
    await db.$disconnect();
  }
  await setLanguage(context, baseURL!, "nn");
  const html = await (await page.request.get(`/events/${slug}`)).text();
  expect(html).toContain("tysdag");
  expect(html).not.toContain("tirsdag");
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`/events/${slug}`, { waitUntil: "networkidle" });
  await expect(page.getByText(/tysdag \d+\. \p{L}+ \d{4}/u).first()).toBeVisible();
  await expect(page.getByText("tirsdag")).toHaveCount(0);
  expect(errors).toEqual([]);
});
