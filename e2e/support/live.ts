// What the live specs share: a phone (390×844, touch) in a language, and the list items and
// connection line they look for.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** A phone of its own (a new browser context): bokmål by default, else the language chosen by cookie. */
export async function phone(browser: Browser, baseURL?: string, lang: "nb" | "nn" | "en" = "nb"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: lang === "nn" ? "nn-NO" : lang === "en" ? "en-GB" : "nb-NO",
    timezoneId: "Europe/Oslo",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  if (lang !== "nb") {
    if (!baseURL) throw new Error("a language other than bokmål needs the base URL for its cookie");
    await context.addCookies([{ name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), url: baseURL }]);
  }
  return { context, page: await context.newPage() };
}

/** The live page says it is connected (bokmål). */
export const online = (page: Page) => expect(page.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();

/** The list item that holds exactly this text (a question, an answer). */
export const listItem = (page: Page, text: string) => page.getByRole("listitem").filter({ has: page.getByText(text, { exact: true }) });
