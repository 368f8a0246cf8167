// Privacy: a person registers with diet and accessibility answers (the form shows the event's
// privacy notice with its deletion dates); an admin finds everything about her address,
// downloads it as JSON and erases it (a wrong confirmation changes nothing); afterwards the
// export is empty, the registrations page no longer lists her and her link is dead. Then the
// event's retention settings are saved, and bad values are refused. The event is this spec's
// own, so no other spec is affected. axe checks every page visited.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations, registerByPost, uniqueEmail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

async function createPublishedEvent(title: string): Promise<{ id: string; slug: string }> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 300 * 24 * 3600_000);
    return await db.event.create({
      data: {
        slug: `e2e-personvern-${randomBytes(4).toString("hex")}`,
        kind: "WORKSHOP",
        status: "PUBLISHED",
        publishedAt: new Date(),
        title,
        summary: "Et verksted som bare finnes i testen av personvern.",
        venueName: "Rådhuset",
        venueAddress: "Rådhusgata 18",
        venuePostcode: "4611",
        venueCity: "Kristiansand",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        capacity: 20,
        privacyNotice: "Kristiansand kommune bruker opplysningene bare til å planlegge dette verkstedet.",
      },
      select: { id: true, slug: true },
    });
  } finally {
    await db.$disconnect();
  }
}

type Exported = {
  email: string;
  registrations: Array<{ name: string; status: string; event: { title: string }; needs: { diet: string | null; accessibility: string | null } | null }>;
  inputs: unknown[];
  requests: unknown[];
  accessibilityFeedback: unknown[];
  mails: Array<{ kind: string; toAddress: string }>;
};

async function downloadExport(page: Page): Promise<{ filename: string; json: Exported }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Last ned JSON" }).click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), json: JSON.parse(readFileSync(path, "utf8")) as Exported };
}

async function lookUp(page: Page, email: string) {
  await page.getByLabel("E-postadresse", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Finn opplysninger" }).click();
}

const countOf = (page: Page, label: string) => page.getByRole("row", { name: label, exact: false }).filter({ has: page.getByRole("rowheader", { name: label, exact: true }) }).getByRole("cell");

test("an admin exports and erases everything about one person; retention settings are saved per event", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Verksted ${randomBytes(3).toString("hex")} – personvern`;
  const event = await createPublishedEvent(title);
  const email = uniqueEmail("personvern");
  const other = { name: "Per Annen", email: uniqueEmail("annen") };
  await registerByPost(page.request, event.slug, other);

  // She registers, with answers about diet and accessibility, under the event's privacy notice.
  await page.goto(`/events/${event.slug}/register`);
  const notice = page.getByRole("region", { name: "Personvernerklæring" });
  await expect(notice).toContainText("bare til å planlegge dette verkstedet");
  await expect(notice).toContainText(/Svar om kosthold og tilrettelegging slettes \p{L}+ \d{1,2}\. \p{L}+ \d{4}\./u);
  await expect(notice).toContainText(/Påmeldingen anonymiseres \p{L}+ \d{1,2}\. \p{L}+ \d{4}\./u);
  await expectNoA11yViolations(page);
  await page.getByLabel("Fullt navn (må fylles ut)").fill("Sigrid Slett");
  await page.getByLabel("E-postadresse (må fylles ut)").fill(email);
  await page.getByLabel("Mobilnummer (valgfritt)").fill("412 34 567");
  await page.getByLabel("Mat og allergier (valgfritt)").fill("Laktosefri");
  await page.getByLabel("Behov for tilrettelegging (valgfritt)").fill("Skrivetolk");
  await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await page.getByRole("button", { name: "Meld meg på" }).click();
  await expect(page).toHaveURL(/\/registrations\/[A-Za-z0-9_-]{20,}\?ny=1$/);
  const personalLink = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: "Personvernerklæring" })).toContainText("Påmeldingen anonymiseres");
  await expectNoA11yViolations(page);

  // The admin.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto("/admin/login");
  await expectNoA11yViolations(staff);
  await signInAsAdmin(staff);
  await staff.getByRole("navigation", { name: "Arbeidsflate for ansatte" }).getByRole("link", { name: "Personvern", exact: true }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Personvern" })).toBeVisible();
  await expect(staff.getByRole("region", { name: "Reglene for sletting" })).toContainText("standard 14");
  await expectNoA11yViolations(staff);

  // A bad address gets a readable error.
  await lookUp(staff, "sigrid på epost");
  await expect(staff.getByRole("alert")).toContainText("Skriv inn en gyldig e-postadresse");
  await expect(staff.getByRole("heading", { name: /^Dette har vi om/ })).toHaveCount(0);
  await expectNoA11yViolations(staff);

  // Her address (in capitals): what exists.
  await lookUp(staff, email.toUpperCase());
  await expect(staff.getByRole("heading", { level: 2, name: `Dette har vi om ${email.toUpperCase()}` })).toBeVisible();
  await expect(countOf(staff, "Påmeldinger")).toHaveText("1");
  await expect(countOf(staff, "Svar om kosthold og tilrettelegging")).toHaveText("1");
  await expect(countOf(staff, "Innspill")).toHaveText("0");
  await expectNoA11yViolations(staff);

  // The export: a JSON download with her registration and answers, and nobody else.
  const first = await downloadExport(staff);
  expect(first.filename).toMatch(/^personopplysninger-\d{4}-\d{2}-\d{2}\.json$/);
  expect(first.filename).not.toContain("@");
  expect(first.json.email).toBe(email);
  expect(first.json.registrations).toEqual([
    expect.objectContaining({ name: "Sigrid Slett", status: "CONFIRMED", event: expect.objectContaining({ title }), needs: expect.objectContaining({ diet: "Laktosefri", accessibility: "Skrivetolk" }) }),
  ]);
  expect(first.json.mails.map((m) => m.kind)).toContain("CONFIRMATION");
  expect(JSON.stringify(first.json)).not.toContain(other.email);
  expect(staff.url()).not.toContain("@");

  // A wrong confirmation: an error, and nothing is deleted.
  await staff.getByLabel("Bekreft adressen").fill(other.email);
  await staff.getByRole("button", { name: "Slett alt om denne adressen" }).click();
  await expect(staff.getByRole("alert")).toContainText("ikke den samme. Ingenting er slettet.");
  await expectNoA11yViolations(staff);
  await lookUp(staff, email);
  await expect(countOf(staff, "Påmeldinger")).toHaveText("1");
  await expect(countOf(staff, "Svar om kosthold og tilrettelegging")).toHaveText("1");

  // The right one: everything about her is gone.
  await staff.getByLabel("Bekreft adressen").fill(email);
  await staff.getByRole("button", { name: "Slett alt om denne adressen" }).click();
  await expect(staff.getByRole("status").filter({ hasText: `Alt om ${email} er slettet` })).toContainText("1 påmelding,");
  await expect(staff.getByRole("region", { name: "Historikk" })).toContainText("Slettet alt om én e-postadresse: 1 påmelding(er)");
  await expect(staff.getByRole("region", { name: "Historikk" })).not.toContainText(email);
  await expectNoA11yViolations(staff);

  await lookUp(staff, email);
  await expect(staff.getByText("Vi har ingen opplysninger om denne adressen.")).toBeVisible();
  await expect(countOf(staff, "Påmeldinger")).toHaveText("0");
  const after = await downloadExport(staff);
  expect([after.json.registrations, after.json.inputs, after.json.requests, after.json.accessibilityFeedback, after.json.mails]).toEqual([[], [], [], [], []]);

  // The job can be run by hand, and says what it did.
  await staff.getByRole("button", { name: "Kjør sletting nå" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Slettejobben er kjørt" })).toBeVisible();
  await expectNoA11yViolations(staff);

  // The registrations page lists the other person, not her.
  await staff.goto(`/admin/events/${event.id}/registrations`);
  await expect(staff.getByRole("heading", { level: 1, name: `Påmeldinger: ${title}` })).toBeVisible();
  await expect(staff.getByRole("main")).toContainText(other.name);
  await expect(staff.getByRole("main")).not.toContainText("Sigrid Slett");
  await expect(staff.getByRole("main")).not.toContainText(email);
  await expectNoA11yViolations(staff);

  // Her personal link is dead.
  const dead = await page.goto(personalLink);
  expect(dead?.status()).toBe(404);
  await expectNoA11yViolations(page);

  // Retention settings on the event form: bad values are refused, good ones saved.
  await staff.goto(`/admin/events/${event.id}/edit`);
  const needs = staff.getByLabel("Slett svar om kosthold og tilrettelegging (dager etter)");
  const personal = staff.getByLabel("Anonymiser påmeldingene (dager etter)");
  await expect(needs).toHaveValue("14");
  await expect(personal).toHaveValue("365");
  await expectNoA11yViolations(staff);
  await needs.fill("400");
  await personal.fill("20");
  await staff.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(staff.getByRole("alert")).toContainText("fra 1 til 365");
  await expect(staff.getByRole("alert")).toContainText("fra 30 til 3650");
  await expectNoA11yViolations(staff);
  await needs.fill("60");
  await personal.fill("30");
  await staff.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(staff.getByRole("alert")).toContainText("minst like mange dager");
  await staff.reload();
  await expect(needs).toHaveValue("14");
  await expect(personal).toHaveValue("365");

  await needs.fill("3");
  await personal.fill("60");
  await staff.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/events/${event.id}\\?lagret=1`));
  await expect(staff.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
  await expectNoA11yViolations(staff);
  await staff.goto(`/admin/events/${event.id}/edit`);
  await expect(needs).toHaveValue("3");
  await expect(personal).toHaveValue("60");
  await staffContext.close();
});
