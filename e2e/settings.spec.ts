// An administrator renames the organisation and a district; the public pages follow at once.
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

test("an administrator changes the organisation's name and a district, and the public pages show them", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Innstillinger for organisasjonen" })).toBeVisible();
  await expectNoA11yViolations(page);

  const name = page.getByLabel("Organisasjonens navn, bokmål");
  const districts = page.getByRole("textbox", { name: "Bydeler", exact: true });
  const oldName = await name.inputValue();
  const oldDistricts = await districts.inputValue();

  // A colour white text cannot be read on is refused with the measured ratio.
  await page.getByLabel("Profilfarge").fill("#ffcc00");
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("alert")).toContainText("kontrast 1,");
  await page.getByLabel("Profilfarge").fill("#00315a");

  await name.fill("Nyby kommune");
  await districts.fill(`Nyvik\n${oldDistricts}`);
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status")).toContainText("Innstillingene er lagret.");

  await page.goto("/foresporsel");
  await expect(page.getByLabel(/Bydel/).locator("option", { hasText: "Nyvik" })).toHaveCount(1);
  await page.goto("/");
  await expect(page.locator("header")).toContainText("Nyby kommune");
  await expectNoA11yViolations(page);

  // Put things back for the other specs.
  await page.goto("/admin/settings");
  await page.getByLabel("Organisasjonens navn, bokmål").fill(oldName);
  await page.getByRole("textbox", { name: "Bydeler", exact: true }).fill(oldDistricts);
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status")).toContainText("Innstillingene er lagret.");
});
