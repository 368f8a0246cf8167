// The democracy unit's whole journey in one go: an organiser plans a dialogue-meeting series from
// a rule, reviews the preview, saves and publishes it; a visitor finds a meeting on the public
// series page and registers; the confirmation mail carries the check-in code; at the door staff
// check the visitor in by that code (typed as a hardware scanner types it); and afterwards staff
// write to everyone who was checked in, and only the visitor gets the message.
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import {
  expectNoA11yViolations,
  mailsTo,
  ofKind,
  registerByPost,
  uniqueEmail,
  waitForMail,
  type Mail,
} from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** The month 14 months from now (YYYY-MM): later than the demo data and the other specs' events. */
function monthAhead(months: number): { value: string; year: number; month: number } {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth(); // 0-based
  return { value: `${year}-${String(month + 1).padStart(2, "0")}`, year, month };
}

/** The day of the month of the third Tuesday. */
function thirdTuesday(year: number, month: number): number {
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay(); // 0 = Sunday, 2 = Tuesday
  return 1 + ((2 - firstWeekday + 7) % 7) + 14;
}

/** The text a QR image (a PNG data URL) encodes. */
function decodeQrDataUrl(src: string): string | null {
  const m = /^data:image\/png;base64,(.+)$/.exec(src);
  if (!m) return null;
  const png = PNG.sync.read(Buffer.from(m[1], "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const countsText = (checkedIn: number, confirmed: number) => `${checkedIn} av ${confirmed} bekreftede er sjekket inn`;

test("the democracy unit plans a series, a visitor registers and is checked in, and staff write to those who came", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Dialogmøter i bydelene ${stamp}`;
  const districts = ["Randesund", "Tveit"]; // from the settings the demo seed fills
  const meetingTitle = `${title} – ${districts[1]}`;
  const start = monthAhead(14);
  const secondMonth = monthAhead(15);

  // ── Staff sign in and plan the series ─────────────────────────────────────────────────────
  await signInAsAdmin(page);
  await expectNoA11yViolations(page);
  await page.getByRole("navigation", { name: "Arbeidsflate for ansatte" }).getByRole("link", { name: "Møteserier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Møteserier" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Ny møteserie", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny møteserie" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel("Tittel på serien").fill(title);
  await page.getByLabel("Beskrivelse").fill("Formannskapet møter innbyggerne i to bydeler øst i byen.");
  await page.getByLabel("Hvilken uke").selectOption("3");
  await page.getByLabel("Ukedag").selectOption("2");
  await page.getByLabel("Første måned").fill(start.value);
  await page.getByLabel("Antall møter").fill("2");
  await page.getByLabel("Bydeler og steder").fill(
    [
      `${districts[0]}; Randesund skole, gymsalen; Randesundsveien 1; 4639; Eksempelby`,
      `${districts[1]}; Tveit skole, gymsalen; Tveitveien 2; 4658; Eksempelby`,
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Vis forslag" }).click();

  // ── Review the preview: two evenings on the third Tuesday, nothing in the way ──────────────
  const preview = page.getByRole("region", { name: /^Forslag: 2 møter/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByText("Ingen kollisjoner med andre arrangementer.")).toBeVisible();
  const rows = preview.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(
    `tirsdag ${thirdTuesday(start.year, start.month)}. ${MONTHS[start.month]} ${start.year}, kl. 17.00–19.30`,
  );
  await expect(rows.nth(1)).toContainText(districts[0]);
  await expect(rows.nth(2)).toContainText(
    `tirsdag ${thirdTuesday(secondMonth.year, secondMonth.month)}. ${MONTHS[secondMonth.month]} ${secondMonth.year}, kl. 17.00–19.30`,
  );
  await expect(rows.nth(2)).toContainText("Tveit skole, gymsalen");
  await expectNoA11yViolations(page);
  // A preview stores nothing.
  expect(await (await page.request.get("/admin/series")).text()).not.toContain(title);

  // ── Save (drafts) and publish ──────────────────────────────────────────────────────────────
  await page.getByRole("button", { name: "Lagre serien (2 møter som utkast)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Regel: tredje tirsdag i måneden.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Utkast", exact: true })).toHaveCount(2);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Publiser alle utkast (2)" }).click();
  await expect(page.getByRole("status")).toHaveText("2 møter publisert.");
  await expect(page.getByRole("cell", { name: "Publisert", exact: true })).toHaveCount(2);
  await expectNoA11yViolations(page);
  const seriesAdminUrl = page.url();
  const publicPath = (await page.getByRole("link", { name: /^\/series\// }).textContent())!;
  expect(publicPath).toMatch(/^\/series\/[a-z0-9-]+$/);

  // ── A visitor (no account, a browser of their own) registers for the Tveit meeting ────────
  const visitorContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const visitor = await visitorContext.newPage();
  const person = { name: "Vilde Veiby", email: uniqueEmail("reise") };
  try {
    await visitor.goto(publicPath);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
    const upcoming = visitor.getByRole("region", { name: "Kommende møter" });
    await expect(upcoming.getByRole("link")).toHaveText([`${title} – ${districts[0]}`, meetingTitle]);
    await expectNoA11yViolations(visitor);

    await upcoming.getByRole("link", { name: meetingTitle }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
    await expectNoA11yViolations(visitor);
    const slug = /\/events\/([a-z0-9-]+)$/.exec(new URL(visitor.url()).pathname)?.[1];
    expect(slug, `a public event URL (got ${visitor.url()})`).toBeTruthy();

    await visitor.getByRole("link", { name: "Meld deg på", exact: true }).click();
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`Påmelding – ${meetingTitle}`);
    await visitor.getByLabel("Fullt navn (må fylles ut)").fill(person.name);
    await visitor.getByLabel("E-postadresse (må fylles ut)").fill(person.email);
    await visitor.getByLabel(/^Jeg har lest personvernerklæringen/).check();
    await expectNoA11yViolations(visitor);
    await visitor.getByRole("button", { name: "Meld meg på" }).click();
    await expect(visitor).toHaveURL(/\/registrations\/[A-Za-z0-9_-]+\?ny=1$/);
    const personalLink = new URL(visitor.url()).pathname;
    await expectNoA11yViolations(visitor);

    // ── The confirmation mail carries the QR image and the code ──────────────────────────────
    const confirmation = await waitForMail(person.email, ofKind("CONFIRMATION"));
    expect(confirmation.subject).toContain(meetingTitle);
    expect(
      confirmation.attachments.some((a) => a.contentType === "image/png"),
      "a PNG attachment with the QR code",
    ).toBe(true);
    expect(confirmation.html).toMatch(/<img src="(cid:|data:image\/png;base64,)[^"]+" alt="QR-kode for innsjekking"/);
    const code = /Innsjekkingskode: ([A-Za-z0-9_-]{22})/.exec(confirmation.text)?.[1];
    expect(code, `the check-in code in the text part:\n${confirmation.text}`).toBeTruthy();
    expect(confirmation.text).toContain(personalLink);
    // The personal page shows the same code, and its QR image encodes exactly that code.
    await expect(visitor.getByText(`Innsjekkingskode: ${code}`)).toBeVisible();
    const qrSrc = await visitor.getByRole("img", { name: "QR-kode for innsjekking" }).getAttribute("src");
    expect(decodeQrDataUrl(qrSrc ?? "")).toBe(code);

    // Someone else registers too, but will not come: the "checked in" segment must leave them out.
    const absent = { name: "Are Borte", email: uniqueEmail("borte") };
    await registerByPost(request, slug!, absent);
    await waitForMail(absent.email, ofKind("CONFIRMATION"));

    // ── At the door: staff open the meeting's check-in page and scan the code ────────────────
    await page.goto(seriesAdminUrl);
    await page.getByRole("link", { name: meetingTitle, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
    await expectNoA11yViolations(page);
    const eventUrl = new URL(page.url()).pathname;
    expect(eventUrl).toMatch(/^\/admin\/events\/[^/]+$/);
    await page.getByRole("link", { name: "Innsjekking", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Innsjekking: ${meetingTitle}`);
    await expect(page.locator("#checkin-counts")).toHaveText(countsText(0, 2));
    await expectNoA11yViolations(page);

    // A hardware scanner types the code into the field and presses Enter.
    await page.getByLabel("Kode", { exact: true }).fill(code!);
    await page.getByLabel("Kode", { exact: true }).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `${person.name} er sjekket inn.` })).toBeVisible();
    await expect(page.locator("#checkin-counts")).toHaveText(countsText(1, 2));
    await expect(page.getByLabel("Kode", { exact: true })).toHaveValue("");
    await expectNoA11yViolations(page);

    // ── Afterwards: a message to those who were checked in ───────────────────────────────────
    await page.goto(eventUrl);
    await page.getByRole("link", { name: "Meldinger", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Meldinger til deltakerne" })).toBeVisible();
    await expectNoA11yViolations(page);
    const subject = `Takk for at du kom ${stamp}`;
    const body = "Takk for at du kom på dialogmøtet i går.\n\nReferatet kommer om en uke.";
    await page.getByLabel("Sjekket inn (1)", { exact: true }).check();
    await page.getByLabel("Emne").fill(subject);
    await page.getByLabel("Melding", { exact: true }).fill(body);
    await page.getByRole("button", { name: "Forhåndsvis" }).click();

    await expect(page.getByRole("heading", { name: "Forhåndsvisning" })).toBeVisible();
    await expect(page.getByText(/Meldingen går til 1 mottaker \(sjekket inn\)/)).toBeVisible();
    const messagePreview = page.getByTestId("message-preview");
    await expect(messagePreview).toContainText(`Emne: ${subject}`);
    await expect(messagePreview).toContainText("Takk for at du kom på dialogmøtet i går.");
    await expect(messagePreview).toContainText(`Hei ${person.name},`);
    await expect(messagePreview).toContainText("/registrations/PERSONLIG-LENKE");
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Send til 1 mottaker", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: `Meldingen «${subject}» er lagt i kø til 1 mottaker.` })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("1 (sjekket inn)");
    await expect(row.getByRole("cell", { name: "Sendt", exact: true })).toBeVisible({ timeout: 45_000 });
    await expectNoA11yViolations(page);

    // ── The visitor gets it, with their own link; the one who stayed home does not ───────────
    const isOurs = (m: Mail) => m.headers["X-Samhandling-Kind"] === "MESSAGE" && m.subject === subject;
    const message = await waitForMail(person.email, isOurs);
    expect(message.text).toContain(`Hei ${person.name},`);
    expect(message.text).toContain("Takk for at du kom på dialogmøtet i går.\n\nReferatet kommer om en uke.");
    expect(message.text).toContain(personalLink);
    expect((await mailsTo(absent.email)).filter(isOurs)).toHaveLength(0);
  } finally {
    await visitorContext.close();
  }
});
