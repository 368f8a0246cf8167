// The public pages in nynorsk and English: the page's language, a translated heading, no console
// errors; and an event's own texts in the visitor's language where translated, with lang="nb" on
// the untranslated rest (docs/decisions/011-content-language.md).
import { randomBytes } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

async function setLanguage(context: BrowserContext, baseURL: string, lang: "nb" | "nn" | "en") {
  await context.addCookies([{ name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), url: baseURL }]);
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function translatedEvent(): Promise<string> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const slug = `e2e-translated-${randomBytes(3).toString("hex")}`;
    const startsAt = new Date(Date.now() + 20 * 24 * 3600_000);
    await db.event.create({
      data: {
        slug,
        kind: "CONFERENCE",
        status: "PUBLISHED",
        title: "Konferanse om samarbeid",
        summary: "En dag om å jobbe sammen.",
        description: "Velkommen til en dag med foredrag og samtaler.",
        contentLanguage: "nb",
        translations: JSON.stringify({ en: { title: "Conference on working together", summary: "A day about working together." } }),
        venueName: "Eksempelby rådhus",
        venueAddress: "Torget 1",
        venuePostcode: "4611",
        venueCity: "Eksempelby",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 6 * 3600_000),
        publishedAt: new Date(),
      },
    });
    return slug;
  } finally {
    await db.$disconnect();
  }
}

const HOME_TITLE = { nn: "Kommande arrangement", en: "Upcoming events" } as const;

for (const lang of ["nn", "en"] as const) {
  test(`the public pages in ${lang}`, async ({ page, context, baseURL }) => {
    await setLanguage(context, baseURL!, lang);
    const errors = consoleErrors(page);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOME_TITLE[lang]);
    const slug = /\/events\/([a-z0-9-]+)/.exec((await page.locator(".event-list a").first().getAttribute("href")) ?? "")?.[1];
    expect(slug).toBeTruthy();
    await page.goto(`/events/${slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 2, name: lang === "en" ? "Programme" : "Program" })).toBeVisible();
    await page.goto(`/events/${slug}/register`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(lang === "en" ? "Registration" : "Påmelding");
    await page.goto("/foresporsel");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "en" ? "Ask for a dialogue meeting or a slot" : "Be om dialogmøte eller innlegg");
    expect(errors).toEqual([]);
  });
}

test("an English page shows the English title and marks the untranslated description as bokmål", async ({ page, context, baseURL }) => {
  const slug = await translatedEvent();
  await setLanguage(context, baseURL!, "en");
  const errors = consoleErrors(page);
  await page.goto(`/events/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText("Conference on working together");
  expect(await h1.getAttribute("lang")).toBeNull();
  await expect(page.locator(".description")).toHaveAttribute("lang", "nb");
  await expect(page.locator(".description")).toContainText("Velkommen til en dag");

  // The start page's card: English title, no lang on it.
  await page.goto("/?kind=CONFERENCE");
  await expect(page.getByRole("link", { name: "Conference on working together" })).toBeVisible();

  // In bokmål the original, unmarked.
  await setLanguage(context, baseURL!, "nb");
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Konferanse om samarbeid");
  expect(await page.locator(".description").getAttribute("lang")).toBeNull();
  expect(errors).toEqual([]);
});
