// Staff and an event's registrations: add people by hand (the second lands on the waiting
// list), refuse a duplicate, search and filter, move someone from the waiting list by raising
// the capacity by one, cancel on someone's behalf, and download the list as CSV and XLSX with
// æøå intact. The event is this spec's own draft (capacity 1), so no other spec is affected.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations, ofKind, uniqueEmail, waitForMail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

async function createDraftEvent(title: string, capacity: number): Promise<string> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 400 * 24 * 3600_000);
    const event = await db.event.create({
      data: {
        slug: `e2e-pameldinger-${randomBytes(4).toString("hex")}`,
        kind: "WORKSHOP",
        status: "DRAFT",
        title,
        summary: "Et verksted som bare finnes i testen.",
        venueName: "Rådhuset",
        venueAddress: "Rådhusgata 18",
        venuePostcode: "4611",
        venueCity: "Eksempelby",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        capacity,
        privacyNotice: "Vi bruker opplysningene bare til dette verkstedet.",
      },
    });
    return event.id;
  } finally {
    await db.$disconnect();
  }
}

async function addByHand(page: Page, person: { name: string; email: string; organisation?: string; diet?: string }) {
  const form = page.locator("#add-registration");
  await form.getByLabel("Navn (må fylles ut)").fill(person.name);
  await form.getByLabel("E-postadresse (må fylles ut)").fill(person.email);
  await form.getByLabel("Organisasjon").fill(person.organisation ?? "");
  await form.getByLabel("Kost og allergier").fill(person.diet ?? "");
  await form.getByLabel(/Jeg bekrefter at personen har samtykket/).check();
  await form.getByRole("button", { name: "Legg til" }).click();
}

test("staff list, search, add by hand, move from the waiting list, cancel and export registrations", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Verksted ${randomBytes(3).toString("hex")} – påmeldinger`;
  const eventId = await createDraftEvent(title, 1);
  const ase = { name: "Åse Ødegård", email: uniqueEmail("ase"), organisation: "Bærum & Sønner", diet: "Nøtteallergi" };
  const orjan = { name: "Ørjan Venter", email: uniqueEmail("orjan") };
  const url = `/admin/events/${eventId}/registrations`;

  await page.goto("/admin/login");
  await expectNoA11yViolations(page);
  await signInAsAdmin(page);
  await expectNoA11yViolations(page);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Påmeldinger: ${title}`);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/admin/events/${eventId}`);
  await expect(page.getByText("Ingen påmeldinger passer søket.")).toBeVisible();
  await expectNoA11yViolations(page);

  // Staff must confirm consent: without the tick nothing is stored.
  const form = page.locator("#add-registration");
  await form.getByLabel("Navn (må fylles ut)").fill(ase.name);
  await form.getByLabel("E-postadresse (må fylles ut)").fill(ase.email);
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bekreft at personen har samtykket" })).toBeVisible();
  await expectNoA11yViolations(page);

  await addByHand(page, ase);
  await expect(page.getByRole("status")).toContainText("Åse Ødegård er lagt til og bekreftet");
  const aseRow = page.getByRole("row", { name: /Åse Ødegård/ });
  await expect(aseRow).toContainText("Bekreftet");
  await expect(aseRow).toContainText("Kost: Nøtteallergi");
  await expect(aseRow).toContainText("Lagt inn av ansatt");
  const confirmation = await waitForMail(ase.email, ofKind("CONFIRMATION"));
  expect(confirmation.attachments.some((a) => a.contentType === "image/png")).toBe(true);

  // The only seat is taken: the next person goes on the waiting list.
  await addByHand(page, orjan);
  await expect(page.getByRole("status")).toContainText("Ørjan Venter er satt på ventelisten som nummer 1");
  await expect(page.getByRole("row", { name: /Ørjan Venter/ })).toContainText("Venteliste, plass 1");
  await waitForMail(orjan.email, ofKind("WAITLISTED"));
  await expect(page.getByRole("list", { name: "Tall" })).toContainText("1 bekreftet av 1 plasser");

  // A duplicate address (in other letters' case) is refused with a clear message.
  await addByHand(page, { name: "Åse igjen", email: ase.email.toUpperCase() });
  await expect(page.getByText("Åse Ødegård er allerede påmeldt med denne e-postadressen (bekreftet).").first()).toBeVisible();
  await expect(page.getByRole("row", { name: /Åse igjen/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  // Search (any case, æøå) and filters.
  await page.getByLabel("Navn, e-post eller organisasjon").fill("ØRJAN");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(page).toHaveURL(/q=%C3%98RJAN/);
  await expect(page.getByRole("row", { name: /Ørjan Venter/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Åse Ødegård/ })).toHaveCount(0);
  await page.goto(`${url}?q=b%C3%A6rum`);
  await expect(page.getByRole("row", { name: /Åse Ødegård/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Ørjan Venter/ })).toHaveCount(0);
  await page.goto(url);
  await page.getByLabel("Status").selectOption("WAITING");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Viser 1 av 2" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Ørjan Venter/ })).toBeVisible();
  await expectNoA11yViolations(page);

  // Move from the waiting list: the event is full, so staff are offered to raise the capacity.
  await page.getByRole("button", { name: "Flytt Ørjan Venter til bekreftet" }).click();
  await expect(page.getByRole("alert")).toContainText("Arrangementet er fullt (1 plass). Ørjan Venter er ikke flyttet.");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Øk kapasiteten med 1 og bekreft Ørjan Venter" }).click();
  await expect(page.getByRole("status")).toContainText("Ørjan Venter er flyttet fra ventelisten og bekreftet, og kapasiteten er økt med 1");
  await waitForMail(orjan.email, ofKind("PROMOTED"));
  await page.goto(url);
  await expect(page.getByRole("list", { name: "Tall" })).toContainText("2 bekreftet av 2 plasser");
  await expect(page.getByRole("row", { name: /Ørjan Venter/ })).toContainText("Bekreftet");

  // CSV for Norwegian Excel: BOM, semicolons, æøå intact; needs only when asked for.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned CSV (Excel)" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^pameldinger-e2e-pameldinger-[0-9a-f]+\.csv$/);
  const bytes = readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain('"Navn";"E-post";"Telefon";"Organisasjon";"Status"');
  expect(text).toContain('"Åse Ødegård"');
  expect(text).toContain('"Bærum & Sønner"');
  expect(text).toContain('"Ørjan Venter"');
  expect(text).toContain('"Plass på venteliste"');
  expect(text).not.toContain("Nøtteallergi");
  expect(text).toContain("\r\n");

  await page.getByLabel(/Ta med kost, allergier og tilrettelegging/).check();
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned XLSX" }).click();
  const xlsx = await xlsxDownload;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const sheet = workbook.getWorksheet("Påmeldinger")!;
  const names = sheet.getColumn(1).values.slice(2);
  expect(names).toEqual(["Åse Ødegård", "Ørjan Venter"]);
  expect(sheet.getRow(1).values).toContain("Kost og allergier");
  expect(sheet.getRow(2).values).toContain("Nøtteallergi");

  // Cancel on someone's behalf, with a confirmation step.
  await page.getByRole("link", { name: "Meld av Åse Ødegård" }).click();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Ja, meld av Åse Ødegård" }).click();
  await expect(page.getByRole("status")).toContainText("Åse Ødegård er meldt av");
  await expect(page.getByRole("row", { name: /Åse Ødegård/ })).toContainText("Avmeldt");
  await waitForMail(ase.email, ofKind("CANCELLED"));
  await expectNoA11yViolations(page);
});
