// Registering for the upcoming dialogue workshop: the form, the confirmation mail over real
// SMTP with its calendar invitation and personal link, changing details, form errors,
// registering twice and the form without JavaScript. Uses the workshop only (the waitlist
// spec owns the small dialogue meeting), with a fresh address per test.
import { expect, test, type Page } from "@playwright/test";
import {
  expectNoA11yViolations,
  findUpcomingEvent,
  mailCalendar,
  mailsTo,
  ofKind,
  personalLink,
  registerByPost,
  uniqueEmail,
  waitForMail,
} from "./support/helpers";

const TOKEN_PAGE = /\/registrations\/([A-Za-z0-9_-]{20,})(\?ny=1)?$/;

async function openWorkshop(page: Page): Promise<{ slug: string; title: string }> {
  const slug = await findUpcomingEvent(page.request, "WORKSHOP");
  await page.goto(`/events/${slug}`);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  expect(title).toMatch(/^Dialogverksted: /);
  return { slug, title };
}

async function seatsLeft(page: Page, slug: string): Promise<number> {
  await page.goto(`/events/${slug}`);
  const text = await page.getByText(/^\d+ ledige plasser$/).textContent();
  return Number(/^(\d+)/.exec(text ?? "")?.[1]);
}

test("register through the form, get the confirmation mail and change the details", async ({ page }) => {
  const email = uniqueEmail("skjema");
  const { slug, title } = await openWorkshop(page);
  await expect(page.getByText(/^\d+ ledige plasser$/)).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Meld deg på" }).click();
  await expect(page).toHaveURL(`/events/${slug}/register`);
  await expect(page.getByRole("heading", { level: 1, name: `Påmelding – ${title}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Personvernerklæring" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel("Fullt navn (må fylles ut)").fill("Kari Nordmann");
  await page.getByLabel("E-postadresse (må fylles ut)").fill(email);
  await page.getByLabel("Mobilnummer (valgfritt)").fill("+47 412 34 567");
  await page.getByLabel("Organisasjon eller forening (valgfritt)").fill("Lund velforening");
  await page.getByLabel("Mat og allergier (valgfritt)").fill("Vegetar, nøtteallergi");
  await page.getByLabel("Behov for tilrettelegging (valgfritt)").fill("Teleslynge");
  await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await page.getByRole("button", { name: "Meld meg på" }).click();

  await expect(page).toHaveURL(TOKEN_PAGE);
  const token = TOKEN_PAGE.exec(page.url())![1];
  await expect(page.getByRole("heading", { level: 1, name: `Din påmelding – ${title}` })).toBeVisible();
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(`Takk! Vi har sendt en bekreftelse til ${email}.`);
  await expect(page.getByLabel("Fullt navn (må fylles ut)")).toHaveValue("Kari Nordmann");
  await expect(page.getByLabel("Mobilnummer (valgfritt)")).toHaveValue("41 23 45 67");
  await expect(page.getByLabel("Mat og allergier (valgfritt)")).toHaveValue("Vegetar, nøtteallergi");
  await expect(page.getByLabel("Behov for tilrettelegging (valgfritt)")).toHaveValue("Teleslynge");
  await expect(page.getByText(`E-postadresse: ${email}.`)).toBeVisible();
  await expectNoA11yViolations(page);

  // The confirmation mail, delivered over SMTP: text and HTML, the invitation, the link.
  const mail = await waitForMail(email, ofKind("CONFIRMATION"));
  expect(mail.subject).toBe(`Påmeldingen er bekreftet: ${title}`);
  expect(mail.text).toContain("Hei Kari Nordmann,");
  expect(mail.text).toContain(`Du er påmeldt ${title}. Kalenderinvitasjonen ligger vedlagt.`);
  expect(mail.html).toContain("<p>Hei Kari Nordmann,</p>");
  const link = personalLink(mail);
  expect(new URL(link).pathname).toBe(`/registrations/${token}`);
  expect(mail.html).toContain(`href="${link}"`);

  const calendar = mailCalendar(mail);
  expect(calendar.contentType).toContain("text/calendar");
  expect(calendar.method).toBe("REQUEST");
  expect(calendar.timezones).toContain("Europe/Oslo");
  expect(calendar.events).toHaveLength(1);
  expect(calendar.events[0].summary).toBe(title);
  expect(calendar.events[0].startTzid).toBe("Europe/Oslo");
  expect(calendar.events[0].status).toBe("CONFIRMED");

  // The personal link opens the same registration.
  await page.goto(link);
  await expect(page).toHaveURL(`/registrations/${token}`);
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expect(page.getByLabel("Mobilnummer (valgfritt)")).toHaveValue("41 23 45 67");

  // Changing the details.
  await page.getByLabel("Mat og allergier (valgfritt)").fill("Glutenfritt");
  await page.getByLabel("Behov for tilrettelegging (valgfritt)").fill("");
  await page.getByLabel("Mobilnummer (valgfritt)").fill("99 88 77 66");
  await page.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");
  await expectNoA11yViolations(page);

  await page.reload();
  await expect(page.getByLabel("Mat og allergier (valgfritt)")).toHaveValue("Glutenfritt");
  await expect(page.getByLabel("Behov for tilrettelegging (valgfritt)")).toHaveValue("");
  await expect(page.getByLabel("Mobilnummer (valgfritt)")).toHaveValue("99 88 77 66");
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
});

test("form errors are summarised in readable Norwegian", async ({ page }) => {
  const { slug } = await openWorkshop(page);
  await page.goto(`/events/${slug}/register`);
  await page.getByLabel("Fullt navn (må fylles ut)").fill("Ola Nordmann");
  await page.getByLabel("E-postadresse (må fylles ut)").fill("ola-ved-eksempel.no");
  await page.getByRole("button", { name: "Meld meg på" }).click();

  const summary = page.locator("#error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Skjemaet har feil. Rett opp feltene under og send på nytt.");
  await expect(summary.getByRole("link")).toHaveText([
    "E-postadresse: Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel.no.",
    "Personvernerklæring: Du må godta personvernerklæringen for å melde deg på.",
  ]);
  const emailInput = page.getByLabel("E-postadresse (må fylles ut)");
  await expect(emailInput).toHaveAttribute("aria-invalid", "true");
  await expect(emailInput).toHaveAccessibleDescription(
    /Vi sender bekreftelsen.*Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel\.no\./,
  );
  const consent = page.getByLabel(/^Jeg har lest personvernerklæringen/);
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  await expect(consent).toHaveAccessibleDescription("Du må godta personvernerklæringen for å melde deg på.");
  await expect(page.getByLabel("Fullt navn (må fylles ut)")).toHaveValue("Ola Nordmann");
  await expectNoA11yViolations(page);

  // The summary's links lead to the fields.
  await summary.getByRole("link", { name: /^E-postadresse:/ }).click();
  await expect(emailInput).toBeFocused();

  // Correcting the mistakes clears the errors and the registration goes through.
  const email = uniqueEmail("retting");
  await emailInput.fill(email);
  await expect(page.getByText("Skriv inn en gyldig e-postadresse", { exact: false })).toHaveCount(0);
  await consent.check();
  await page.getByRole("button", { name: "Meld meg på" }).click();
  await expect(page).toHaveURL(TOKEN_PAGE);
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
  await waitForMail(email, ofKind("CONFIRMATION"));
});

test("registering the same address again sends the link instead of a second registration", async ({ page }) => {
  const email = uniqueEmail("igjen");
  const { slug, title } = await openWorkshop(page);
  const location = await registerByPost(page.request, slug, { name: "Per Hansen", email });
  const first = await waitForMail(email, ofKind("CONFIRMATION"));
  expect(new URL(personalLink(first)).pathname).toBe(location.replace(/\?.*$/, ""));
  const seatsBefore = await seatsLeft(page, slug);

  await page.goto(`/events/${slug}/register`);
  await page.getByLabel("Fullt navn (må fylles ut)").fill("Per Hansen");
  // The same address, written differently.
  await page.getByLabel("E-postadresse (må fylles ut)").fill(`  ${email.toUpperCase()} `);
  await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await page.getByRole("button", { name: "Meld meg på" }).click();

  await expect(page.getByRole("status")).toHaveText(
    "Denne e-postadressen er allerede påmeldt dette arrangementet. Lenken til påmeldingen sendes til adressen (høyst én gang per kvarter, så se i innboksen).",
  );
  await expect(page).toHaveURL(`/events/${slug}/register`);
  await expect(page.locator("#error-summary")).toHaveCount(0);
  await expectNoA11yViolations(page);

  const linkMail = await waitForMail(email, ofKind("LINK"));
  expect(linkMail.subject).toBe(`Lenken til påmeldingen din: ${title}`);
  expect(linkMail.text).toContain("Du er allerede påmeldt, så vi har ikke laget en ny påmelding.");
  expect(personalLink(linkMail)).toBe(personalLink(first));
  expect(linkMail.attachments).toHaveLength(0);

  // Still one registration: no new confirmation, no seat taken.
  expect((await mailsTo(email)).map((m) => m.headers["X-Samhandling-Kind"])).toEqual(["CONFIRMATION", "LINK"]);
  expect(await seatsLeft(page, slug)).toBe(seatsBefore);
  await page.goto(personalLink(linkMail));
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
  await expect(page.getByLabel("Fullt navn (må fylles ut)")).toHaveValue("Per Hansen");
  await expectNoA11yViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the registration form and the personal page work", async ({ page }) => {
    const email = uniqueEmail("utenjs");
    const { title } = await openWorkshop(page);
    await expectNoA11yViolations(page, { javaScriptDisabled: true });
    await page.getByRole("link", { name: "Meld deg på" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Påmelding – ${title}` })).toBeVisible();
    await expectNoA11yViolations(page, { javaScriptDisabled: true });

    // The server validates too: the summary comes back from the server.
    await page.getByLabel("Fullt navn (må fylles ut)").fill("Nils Uten Skript");
    await page.getByLabel("E-postadresse (må fylles ut)").fill("nils@");
    await page.getByRole("button", { name: "Meld meg på" }).click();
    const summary = page.locator("#error-summary");
    await expect(summary.getByRole("link")).toHaveText([
      "E-postadresse: Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel.no.",
      "Personvernerklæring: Du må godta personvernerklæringen for å melde deg på.",
    ]);
    await expect(page.getByLabel("Fullt navn (må fylles ut)")).toHaveValue("Nils Uten Skript");
    await expectNoA11yViolations(page, { javaScriptDisabled: true });

    await page.getByLabel("E-postadresse (må fylles ut)").fill(email);
    await page.getByLabel("Mobilnummer (valgfritt)").fill("+47 412 34 567");
    await page.getByLabel("Mat og allergier (valgfritt)").fill("Laktosefri");
    await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
    await page.getByRole("button", { name: "Meld meg på" }).click();

    await expect(page).toHaveURL(TOKEN_PAGE);
    await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(`Takk! Vi har sendt en bekreftelse til ${email}.`);
    await expect(page.getByLabel("Mobilnummer (valgfritt)")).toHaveValue("41 23 45 67");
    await expectNoA11yViolations(page, { javaScriptDisabled: true });

    const mail = await waitForMail(email, ofKind("CONFIRMATION"));
    expect(mail.subject).toBe(`Påmeldingen er bekreftet: ${title}`);
    expect(mailCalendar(mail).method).toBe("REQUEST");

    await page.getByLabel("Organisasjon eller forening (valgfritt)").fill("Grim bydelsråd");
    await page.getByRole("button", { name: "Lagre endringene" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
    await expect(page.getByLabel("Organisasjon eller forening (valgfritt)")).toHaveValue("Grim bydelsråd");
    await expectNoA11yViolations(page, { javaScriptDisabled: true });

    // Cancelling works without JavaScript too.
    await page.getByRole("link", { name: "Meld meg av" }).click();
    await expect(page).toHaveURL(/\?avmeld=1$/);
    await expectNoA11yViolations(page, { javaScriptDisabled: true });
    await page.getByRole("button", { name: "Meld meg av" }).click();
    await expect(page).toHaveURL(/\?avmeldt=1$/);
    await expect(page.getByText("Påmeldingen er avmeldt.")).toBeVisible();
    await expectNoA11yViolations(page, { javaScriptDisabled: true });
    const cancelled = await waitForMail(email, ofKind("CANCELLED"));
    expect(mailCalendar(cancelled).method).toBe("CANCEL");
  });
});
