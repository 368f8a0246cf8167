// Staff sign-in for browser tests: the admin account the e2e server creates on first start.
import { expect, type Page } from "@playwright/test";

export const E2E_ADMIN = { email: "admin@samhandling.test", password: "e2e-admin-passord-123" };

export async function signInAsAdmin(page: Page) {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/admin/login");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Arbeidsflate for ansatte" })).toBeVisible();
}
