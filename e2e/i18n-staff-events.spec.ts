// The staff workspace for events in nynorsk and English: the page follows the chosen language
// (html[lang], headings and navigation), no catalog key leaks and the console stays clean.
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./support/staff";

type Lang = "nn" | "en";

const PAGES: Array<{ path: string; heading: Record<Lang, RegExp> }> = [
  { path: "/admin", heading: { nn: /^Hei, /, en: /^Hello, / } },
  { path: "/admin/events", heading: { nn: /^Arrangement$/, en: /^Events$/ } },
  { path: "/admin/events/new", heading: { nn: /^Nytt arrangement$/, en: /^New event$/ } },
  { path: "/admin/series", heading: { nn: /^Møteseriar$/, en: /^Meeting series$/ } },
  { path: "/admin/series/new", heading: { nn: /^Ny møteserie$/, en: /^New meeting series$/ } },
  { path: "/admin/speakers", heading: { nn: /^Innleiarar$/, en: /^Speakers$/ } },
  { path: "/admin/organisations", heading: { nn: /^Organisasjonar$/, en: /^Organisations$/ } },
];

async function setLanguage(page: Page, lang: Lang) {
  const url = new URL(page.url()).origin;
  await page.context().addCookies([{ name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), url }]);
}

for (const lang of ["nn", "en"] as const) {
  test(`the staff event pages in ${lang}`, async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await signInAsAdmin(page);
    await setLanguage(page, lang);
    for (const { path, heading } of PAGES) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading[lang]);
      const text = await page.locator("main").innerText();
      expect(text, `${path}: a catalog key or placeholder shows`).not.toMatch(/staff-events:|\{\{/);
    }
    // One event's own page and its registrations, reached from the list.
    await page.goto("/admin/events");
    await page.locator("main table a").first().click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 2, name: lang === "nn" ? "Program" : "Programme" })).toBeVisible();
    await page.getByRole("link", { name: lang === "nn" ? "Påmeldingar" : "Registrations", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(lang === "nn" ? "Påmeldingar:" : "Registrations:");
    await expect(page.locator("main")).not.toContainText("staff-events:");
    expect(errors).toEqual([]);
  });
}
