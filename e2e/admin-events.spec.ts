// The organiser's journey: create an event, build its programme (an overlap is refused),
// publish it, a visitor registers, the organiser moves it to another venue, and the attendee
// gets an EVENT_CHANGED mail whose invitation updates the one from the confirmation.
import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { expectNoA11yViolations, mailCalendar, uniqueEmail, waitForMail, type Mail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const kind = (k: string) => (m: Mail) => m.headers["X-Samhandling-Kind"] === k;

/** A day about five weeks ahead, as YYYY-MM-DD. */
function futureDay(offsetDays = 37): string {
  return new Date(Date.now() + offsetDays * 24 * 3600_000).toISOString().slice(0, 10);
}

function calendarEvent(mail: Mail) {
  const ics = mail.attachments.find((a) => a.filename.endsWith(".ics"))!;
  const vevent = new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent("vevent")!;
  return {
    uid: String(vevent.getFirstPropertyValue("uid")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    location: String(vevent.getFirstPropertyValue("location")),
  };
}

async function addItem(page: Page, item: { title: string; start: string; minutes: string; room: string; speaker?: string }) {
  const form = page.locator("form#new-item");
  await form.getByLabel("Tittel", { exact: true }).fill(item.title);
  await form.getByLabel("Type", { exact: true }).selectOption("ORGANISATION_SLOT");
  await form.getByLabel("Starter", { exact: true }).fill(item.start);
  await form.getByLabel("Varighet i minutter").fill(item.minutes);
  await form.getByLabel("Rom", { exact: true }).fill(item.room);
  if (item.speaker) await form.getByLabel(item.speaker).check();
  await form.getByRole("button", { name: "Legg til i programmet" }).click();
}

test("create, programme, publish; a venue change reaches the attendee's mail", async ({ page, browser }) => {
  // Six axe runs on long staff forms (the event form has three translation fieldsets now).
  test.setTimeout(150_000);
  const day = futureDay();
  const title = `Dialogverksted om nærmiljøet ${Date.now().toString(36)}`;
  await signInAsAdmin(page);

  // A speaker and an organisation for the programme.
  const speaker = `Vilde Velforening ${Date.now().toString(36)}`;
  await page.goto("/admin/organisations");
  await expect(page.getByRole("heading", { level: 1, name: "Organisasjoner" })).toBeVisible();
  await page.getByLabel("Navn", { exact: true }).fill(`Lund velforening ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Legg til organisasjon" }).click();
  await expect(page.getByRole("status")).toHaveText("Organisasjonen er lagret.");
  await expectNoA11yViolations(page);
  await page.goto("/admin/speakers");
  await expect(page.getByRole("heading", { level: 1, name: "Innledere" })).toBeVisible();
  await page.getByRole("button", { name: "Legg til innleder" }).click();
  await expect(page.getByRole("alert")).toContainText("Skriv inn navnet.");
  await page.getByLabel("Navn", { exact: true }).fill(speaker);
  await page.getByLabel("Rolle").fill("leder");
  await page.getByRole("button", { name: "Legg til innleder" }).click();
  await expect(page.getByRole("link", { name: speaker, exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto("/admin/events");
  await expect(page.getByRole("heading", { level: 1, name: "Arrangementer" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Nytt arrangement", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nytt arrangement" })).toBeVisible();
  await expectNoA11yViolations(page);

  // A bad postcode is refused with a message; nothing is created.
  await page.getByLabel("Type", { exact: true }).selectOption("WORKSHOP");
  await page.getByLabel("Tittel", { exact: true }).fill(title);
  await page.getByLabel("Kort omtale", { exact: true }).fill("Et verksted om hva som gjør bydelen god å bo i.");
  await page.getByLabel("Bydel").fill("Lund");
  await page.getByLabel("Sted", { exact: true }).fill("Lund bibliotek");
  await page.getByLabel("Adresse", { exact: true }).fill("Lundsvei 2");
  await page.getByLabel("Postnummer").fill("463");
  await page.getByLabel("Poststed").fill("Eksempelby");
  await page.getByLabel("Starter", { exact: true }).fill(`${day}T18:00`);
  await page.getByLabel("Slutter", { exact: true }).fill(`${day}T20:00`);
  await page.getByLabel("Antall plasser").fill("30");
  await page.getByRole("button", { name: "Lagre utkast" }).click();
  await expect(page.getByRole("alert")).toContainText("Postnummeret må være fire sifre.");
  await expectNoA11yViolations(page);
  await page.getByLabel("Postnummer").fill("4631");
  await page.getByRole("button", { name: "Lagre utkast" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Endringene er lagret.");
  const eventUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("link", { name: "Påmeldinger", exact: true })).toHaveAttribute("href", /\/admin\/events\/[^/]+\/registrations$/);
  await expect(page.getByRole("link", { name: "Innsjekking", exact: true })).toHaveAttribute("href", /\/checkin$/);
  await expect(page.getByRole("link", { name: "Meldinger", exact: true })).toHaveAttribute("href", /\/messages$/);
  await expectNoA11yViolations(page);

  // Programme: two organisation slots, then one that overlaps the first in the same room.
  await addItem(page, { title: "Lund velforening", start: `${day}T18:10`, minutes: "5", room: "Salen", speaker: `${speaker}, leder` });
  await expect(page.getByRole("status")).toContainText("Programposten er lagt til.");
  await addItem(page, { title: "Lund idrettslag", start: `${day}T18:15`, minutes: "5", room: "Salen" });
  await expect(page.getByRole("cell", { name: "Lund idrettslag", exact: true })).toBeVisible();
  await addItem(page, { title: "Lund menighet", start: `${day}T18:12`, minutes: "5", room: "Salen" });
  await expect(page.getByRole("alert")).toContainText("Tiden overlapper med «Lund velforening» (18.10–18.15) i Salen");
  await expect(page.getByRole("cell", { name: "Lund menighet", exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Publiser arrangementet" }).click();
  await expect(page.getByRole("status")).toContainText("Arrangementet er publisert.");
  const slug = (await page.getByRole("link", { name: /^\/events\// }).textContent())!.replace("/events/", "");

  // A visitor (no staff cookie) registers on the public page.
  const visitorContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const visitor = await visitorContext.newPage();
  const email = uniqueEmail("flytting");
  await visitor.goto(`/events/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText("Lund velforening")).toBeVisible();
  await expect(visitor.getByText(speaker).first()).toBeVisible();
  await expectNoA11yViolations(visitor);
  await visitor.getByRole("link", { name: "Meld deg på", exact: true }).click();
  await visitor.getByLabel("Fullt navn (må fylles ut)").fill("Liv Lundeby");
  await visitor.getByLabel("E-postadresse (må fylles ut)").fill(email);
  await visitor.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await expectNoA11yViolations(visitor);
  await visitor.getByRole("button", { name: "Meld meg på" }).click();
  await expect(visitor).toHaveURL(/\/registrations\//);
  await expectNoA11yViolations(visitor);
  const confirmation = calendarEvent(await waitForMail(email, kind("CONFIRMATION")));
  await visitorContext.close();

  // The organiser moves the event to another venue.
  await page.goto(`${eventUrl}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: `Endre ${title}` })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Sted", { exact: true }).fill("Lund kirke, menighetssalen");
  await page.getByLabel("Adresse", { exact: true }).fill("Kirkegata 9");
  await page.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(page.getByRole("status")).toContainText("1 påmeldt får e-post med oppdatert kalenderinvitasjon.");
  await expectNoA11yViolations(page);

  const changed = await waitForMail(email, kind("EVENT_CHANGED"));
  expect(changed.subject).toBe(`Endret tid eller sted: ${title}`);
  expect(changed.text).toContain("Lund kirke, menighetssalen, Kirkegata 9, 4631 Eksempelby");
  const calendar = mailCalendar(changed);
  expect(calendar.method).toBe("REQUEST");
  const updated = calendarEvent(changed);
  expect(updated.uid).toBe(confirmation.uid);
  expect(updated.sequence).toBeGreaterThan(confirmation.sequence);
  expect(updated.location).toBe("Lund kirke, menighetssalen, Kirkegata 9, 4631 Eksempelby");
});
