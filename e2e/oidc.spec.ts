// Staff sign-in with the municipality's account (OpenID Connect), against a real provider
// (e2e/support/oidc-provider.ts) standing in for Entra ID. axe checks the app's pages only:
// the provider's pages are the library's development screens, not ours.
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/helpers";

const PROVIDER = `http://localhost:${process.env.E2E_OIDC_PORT ?? 2528}`;
const MICROSOFT_BUTTON = "Logg inn med kommunens konto (Microsoft)";
/** In the test provider: the subject of the account whose e-mail is the e2e admin's. */
const ADMIN_SUBJECT = "entra-admin-0001";
const UNKNOWN_SUBJECT = "entra-unknown-0002";

async function signInAtProvider(page: Page, subject: string) {
  await expect(page).toHaveURL(new RegExp(`^${PROVIDER}/interaction/`));
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill("hva-som-helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent is asked the first time in each browser session.
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an admin signs in with the municipality's account and lands where they were going", async ({ page }) => {
  await page.goto("/admin/staff");
  await expect(page).toHaveURL(/\/admin\/login\?redirectTo=%2Fadmin%2Fstaff$/);
  await expect(page.getByRole("heading", { level: 1, name: "Logg inn for ansatte" })).toBeVisible();
  const button = page.getByRole("button", { name: MICROSOFT_BUTTON });
  await expect(button).toBeVisible();
  await expectNoA11yViolations(page);

  await button.click();
  await signInAtProvider(page, ADMIN_SUBJECT);

  await expect(page).toHaveURL(/\/admin\/staff$/);
  await expect(page.getByRole("navigation", { name: "Arbeidsflate for ansatte" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Arbeidsflate for ansatte" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a person at the municipality who is not staff here is turned back with an explanation", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByRole("button", { name: MICROSOFT_BUTTON }).click();
  await signInAtProvider(page, UNKNOWN_SUBJECT);

  await expect(page).toHaveURL(/\/admin\/login\?error=oidc-unknown$/);
  await expect(page.getByRole("alert")).toContainText("Kontoen din hos kommunen er ikke gitt tilgang her");
  await expectNoA11yViolations(page);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login\?redirectTo=%2Fadmin$/);
  await expectNoA11yViolations(page);
});

// The button is a plain form post answered by a redirect to the provider; without JavaScript
// (or before the page has hydrated) the browser applies the CSP's form-action to that redirect,
// so the policy must allow the provider's origin (server/app.ts).
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the button still takes an admin through the provider and back, signed in", async ({ page }) => {
    await page.goto("/admin/login");
    await expectNoA11yViolations(page, { javaScriptDisabled: true });
    await page.getByRole("button", { name: MICROSOFT_BUTTON }).click();
    await signInAtProvider(page, ADMIN_SUBJECT);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("navigation", { name: "Arbeidsflate for ansatte" })).toBeVisible();
    await expectNoA11yViolations(page, { javaScriptDisabled: true });
  });
});
