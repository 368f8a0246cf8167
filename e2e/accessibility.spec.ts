// The accessibility statement is linked from every page's footer, and its feedback form reaches staff.
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

test("a visitor finds the accessibility statement from the footer and sends feedback that staff handle", async ({ page, browser }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Tilgjengelighetserklæring" }).click();
  await expect(page).toHaveURL(/\/tilgjengelighet$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tilgjengelighetserklæring" })).toBeVisible();
  await expect(page.getByText("WCAG 2.1 nivå AA")).toBeVisible();
  await expectNoA11yViolations(page);

  // An empty message is refused with a readable summary.
  await page.getByRole("button", { name: "Send tilbakemelding" }).click();
  await expect(page.getByRole("alert")).toContainText("Fyll ut dette feltet.");
  await expectNoA11yViolations(page);

  const message = `Fokusmarkeringen forsvinner i påmeldingsskjemaet (${Date.now()})`;
  await page.getByLabel("Hva var vanskelig?").fill(message);
  await page.getByLabel("Hvilken side gjaldt det? (valgfritt)").fill("/events/noe/register");
  await page.getByLabel("E-postadresse hvis du vil ha svar (valgfritt)").fill("innbygger@example.no");
  await page.getByRole("button", { name: "Send tilbakemelding" }).click();
  await expect(page.getByRole("status")).toContainText("Takk! Tilbakemeldingen er sendt til oss.");
  await expectNoA11yViolations(page);

  // Nynorsk and English versions exist too.
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tilgjengelegheitserklæring" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAsAdmin(staff);
  await staff.getByRole("navigation", { name: "Arbeidsflate for ansatte" }).getByRole("link", { name: "Tilbakemeldinger", exact: true }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Tilbakemeldinger om tilgjengelighet" })).toBeVisible();
  const card = staff.getByRole("listitem").filter({ hasText: message });
  await expect(card).toContainText("innbygger@example.no");
  await expect(card).toContainText("/events/noe/register");
  await expectNoA11yViolations(staff);
  await card.getByRole("button", { name: "Marker som behandlet" }).click();
  await expect(staff.getByRole("status")).toContainText("Markert som behandlet.");
  await expect(staff.getByRole("listitem").filter({ hasText: message })).toHaveCount(0);
  await staff.getByRole("link", { name: "Vis behandlede" }).click();
  await expect(staff.getByRole("listitem").filter({ hasText: message })).toContainText("Behandlet");
  await expectNoA11yViolations(staff);
  await staffContext.close();
});
