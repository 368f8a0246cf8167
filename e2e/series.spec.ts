// A meeting series: the organiser describes the rule, reviews the generated meetings, saves
// them as drafts, publishes them, and a visitor finds them on the public series page and
// registers for one.
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, parseCalendar, uniqueEmail, waitForMail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const DAY_MS = 24 * 3600_000;

/** A month far enough ahead that nothing in the demo data clashes: YYYY-MM, years out. */
function startMonth(): string {
  const d = new Date(Date.now() + 400 * DAY_MS + Math.floor(Math.random() * 2000) * DAY_MS);
  return d.toISOString().slice(0, 7);
}

test("create a series from a rule, publish it, and register for a meeting", async ({ page, browser }) => {
  const title = `Formannskapets dialogmøter ${Date.now().toString(36)}`;
  const month = startMonth();
  await signInAsAdmin(page);

  await page.goto("/admin/series");
  await expect(page.getByRole("heading", { level: 1, name: "Møteserier" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Ny møteserie", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny møteserie" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel("Tittel på serien").fill(title);
  await page.getByLabel("Beskrivelse").fill("Formannskapet møter innbyggerne i bydelene.");
  await page.getByLabel("Hvilken uke").selectOption("2");
  await page.getByLabel("Ukedag").selectOption("3");
  await page.getByLabel("Første måned").fill(month);
  await page.getByLabel("Antall møter").fill("3");
  await page.getByLabel("Bydeler og steder").fill(
    [
      "Vågsbygd; Vågsbygd skole; Vågsbygdveien 1; 4621; Eksempelby",
      "Lund; Lund skole; Skolegata 1; 4631; Eksempelby",
      "Søm; Søm skole; Sømsveien 2; 4637; Eksempelby",
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Vis forslag" }).click();

  const preview = page.getByRole("region", { name: /^Forslag: 3 møter/ });
  await expect(preview).toBeVisible();
  const rows = preview.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(/onsdag \d+\. \p{L}+ \d{4}, kl\. 17\.00–19\.30/u);
  await expect(rows.nth(1)).toContainText("Vågsbygd skole");
  await expect(rows.nth(3)).toContainText("Søm");
  await expectNoA11yViolations(page);
  // Nothing is stored before saving.
  const list = await page.request.get("/admin/series");
  expect(await list.text()).not.toContain(title);
  await page.getByRole("button", { name: /^Lagre serien/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Regel: andre onsdag i måneden.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Utkast", exact: true })).toHaveCount(3);
  await expectNoA11yViolations(page);

  // Publish one, then the rest.
  await page.getByRole("button", { name: `Publiser ${title} – Lund` }).click();
  await expect(page.getByRole("status")).toHaveText("1 møte publisert.");
  await page.getByRole("button", { name: "Publiser alle utkast (2)" }).click();
  await expect(page.getByRole("status")).toHaveText("2 møter publisert.");
  await expect(page.getByRole("cell", { name: "Publisert", exact: true })).toHaveCount(3);
  await expectNoA11yViolations(page);
  const publicPath = (await page.getByRole("link", { name: /^\/series\// }).textContent())!;

  // The draft programme is there.
  await page.getByRole("link", { name: `${title} – Søm` }).click();
  await expect(page.getByRole("cell", { name: "Lag og foreninger har ordet", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Åpen post: ordet er fritt", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // A visitor finds the series and registers for one meeting.
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const visitor = await context.newPage();
  await visitor.goto(publicPath);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveCount(1);
  const upcoming = visitor.getByRole("region", { name: "Kommende møter" });
  await expect(upcoming.getByRole("link")).toHaveText([`${title} – Vågsbygd`, `${title} – Lund`, `${title} – Søm`]);
  await expectNoA11yViolations(visitor);

  const feed = await visitor.request.get(`${publicPath}/calendar.ics`);
  expect(feed.ok()).toBeTruthy();
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(parseCalendar(await feed.text()).events.map((e) => e.summary)).toEqual([
    `${title} – Vågsbygd`,
    `${title} – Lund`,
    `${title} – Søm`,
  ]);

  await upcoming.getByRole("link", { name: `${title} – Lund` }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: `${title} – Lund` })).toBeVisible();
  await expect(visitor.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", publicPath);
  await expectNoA11yViolations(visitor);
  await visitor.getByRole("link", { name: "Meld deg på", exact: true }).click();
  const email = uniqueEmail("serie");
  await visitor.getByLabel("Fullt navn (må fylles ut)").fill("Sondre Sømme");
  await visitor.getByLabel("E-postadresse (må fylles ut)").fill(email);
  await visitor.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await expectNoA11yViolations(visitor);
  await visitor.getByRole("button", { name: "Meld meg på" }).click();
  await expect(visitor).toHaveURL(/\/registrations\//);
  await expectNoA11yViolations(visitor);
  const mail = await waitForMail(email, (m) => m.headers["X-Samhandling-Kind"] === "CONFIRMATION");
  expect(mail.subject).toContain(`${title} – Lund`);
  await context.close();
});
