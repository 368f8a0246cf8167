// The staff tools follow the language the staff member chose (the "lang" cookie the language
// switch sets): sign-in, requests, input, feedback, privacy, audit, staff, and an event's messages,
// check-in and follow-up, in nynorsk and English, with a translated heading and a clean console.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { signInAsAdmin } from "./support/staff";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

type Lang = "nn" | "en";

async function setLanguage(context: BrowserContext, baseURL: string, lang: Lang) {
  await context.addCookies([{ name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), url: baseURL }]);
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 40[14]/.test(m.text())) errors.push(m.text().slice(0, 300));
  });
  page.on("pageerror", (e) => errors.push(e.message.slice(0, 300)));
  return errors;
}

const HEADINGS: Record<Lang, Array<[path: (eventId: string) => string, heading: RegExp]>> = {
  nn: [
    [() => "/admin/requests", /^Førespurnader frå organisasjonar$/],
    [() => "/admin/input", /^Innspel frå innbyggjarane$/],
    [() => "/admin/feedback", /^Tilbakemeldingar om tilgjengelegheit$/],
    [() => "/admin/privacy", /^Personvern$/],
    [() => "/admin/audit", /^Endringslogg$/],
    [() => "/admin/staff", /^Tilsette$/],
    [(id) => `/admin/events/${id}/messages`, /^Meldingar til deltakarane$/],
    [(id) => `/admin/events/${id}/checkin`, /^Innsjekking: /],
    [(id) => `/admin/events/${id}/followup`, /^Referat og oppfølging: /],
    [(id) => `/admin/events/${id}/input`, /^Innspel: /],
  ],
  en: [
    [() => "/admin/requests", /^Requests from organisations$/],
    [() => "/admin/input", /^Input from citizens$/],
    [() => "/admin/feedback", /^Accessibility feedback$/],
    [() => "/admin/privacy", /^Privacy$/],
    [() => "/admin/audit", /^Change log$/],
    [() => "/admin/staff", /^Staff$/],
    [(id) => `/admin/events/${id}/messages`, /^Messages to the attendees$/],
    [(id) => `/admin/events/${id}/checkin`, /^Check-in: /],
    [(id) => `/admin/events/${id}/followup`, /^Minutes and follow-up: /],
    [(id) => `/admin/events/${id}/input`, /^Input: /],
  ],
};

let eventId = "";

test.beforeAll(async () => {
  const db = await connectDatabase(DATABASE_URL);
  try {
    eventId = (await db.event.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } })).id;
  } finally {
    await db.$disconnect();
  }
});

for (const lang of ["nn", "en"] as const) {
  test(`the sign-in page speaks ${lang}`, async ({ page, context, baseURL }) => {
    const errors = watchConsole(page);
    await setLanguage(context, baseURL!, lang);
    await page.goto("/admin/login");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "nn" ? "Logg inn for tilsette" : "Staff sign-in");
    await page.getByLabel(lang === "nn" ? "E-postadresse" : "E-mail address").fill("ingen@samhandling.test");
    await page.getByLabel(lang === "nn" ? "Passord" : "Password").fill("feil-passord-123");
    await page.getByRole("button", { name: lang === "nn" ? "Logg inn" : "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").first()).toContainText(lang === "nn" ? "Feil e-postadresse eller passord." : "Wrong e-mail address or password.");
    expect(errors).toEqual([]);
  });

  test(`the staff tools speak ${lang}`, async ({ page, context, baseURL }) => {
    await signInAsAdmin(page);
    await setLanguage(context, baseURL!, lang);
    const errors = watchConsole(page);
    for (const [path, heading] of HEADINGS[lang]) {
      await page.goto(path(eventId));
      await expect(page.locator("html"), path(eventId)).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 }), path(eventId)).toHaveText(heading);
      await expect(page.locator("main, body").first(), path(eventId)).not.toContainText("staff-tools:");
    }
    expect(errors).toEqual([]);
  });
}
