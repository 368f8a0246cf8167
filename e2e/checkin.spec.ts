// Check-in at the door: a visitor registers and gets a confirmation mail with a QR code; staff
// open the check-in page and enter the code as a hardware scanner types it (a browser test has
// no camera), the count goes up on this phone and on a second one; a second scan is harmless;
// a wrong code is refused clearly; another person is found by name and checked in; a check-in
// is undone; and the manual search works without JavaScript.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations, ofKind, registerByPost, uniqueEmail, waitForMail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

/**
 * This spec's own published workshop, far in the future so that specs looking for "the first
 * upcoming workshop" never pick it, with seats for everyone.
 */
async function createPublishedEvent(title: string): Promise<{ id: string; slug: string }> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 420 * 24 * 3600_000);
    return await db.event.create({
      data: {
        slug: `e2e-innsjekking-${randomBytes(4).toString("hex")}`,
        kind: "WORKSHOP",
        status: "PUBLISHED",
        publishedAt: new Date(),
        title,
        summary: "Et verksted som bare finnes i testen av innsjekking.",
        venueName: "Rådhuset",
        venueAddress: "Rådhusgata 18",
        venuePostcode: "4611",
        venueCity: "Kristiansand",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        capacity: 50,
        privacyNotice: "Vi bruker opplysningene bare til dette verkstedet.",
      },
      select: { id: true, slug: true },
    });
  } finally {
    await db.$disconnect();
  }
}

async function counts(page: Page): Promise<{ checkedIn: number; confirmed: number }> {
  const text = (await page.locator("#checkin-counts").textContent()) ?? "";
  const m = /(\d+)\s*av\s*(\d+)/.exec(text);
  if (!m) throw new Error(`No counts in "${text}"`);
  return { checkedIn: Number(m[1]), confirmed: Number(m[2]) };
}

const countsText = (checkedIn: number, confirmed: number) =>
  `${checkedIn} av ${confirmed} ${confirmed === 1 ? "bekreftet" : "bekreftede"} er sjekket inn`;

test("staff check people in by scanned code and by name, live on two phones", async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const title = `Verksted ${randomBytes(3).toString("hex")} – innsjekking`;
  const { id: eventId, slug } = await createPublishedEvent(title);
  const visitor = { name: "Kåre Innsjekk", email: uniqueEmail("innsjekk") };

  // The visitor registers through the form.
  await page.goto(`/events/${slug}/register`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Påmelding – ${title}`);
  await expectNoA11yViolations(page);
  await page.getByLabel(/^Fullt navn/).fill(visitor.name);
  await page.getByLabel(/^E-postadresse/).fill(visitor.email);
  await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await page.getByRole("button", { name: "Meld meg på" }).click();
  await expect(page).toHaveURL(/\/registrations\/[A-Za-z0-9_-]+\?ny=1$/);
  // The personal page shows the same QR code.
  await expect(page.getByRole("img", { name: "QR-kode for innsjekking" })).toBeVisible();
  await expectNoA11yViolations(page);

  // The confirmation mail has the QR image (inline) and the code as text.
  const mail = await waitForMail(visitor.email, ofKind("CONFIRMATION"));
  const png = mail.attachments.find((a) => a.contentType === "image/png");
  expect(png, "a PNG with the QR code").toBeTruthy();
  expect(mail.html).toMatch(/<img src="(cid:|data:image\/png;base64,)[^"]+" alt="QR-kode for innsjekking"/);
  const code = /Innsjekkingskode: ([A-Za-z0-9_-]{22})/.exec(mail.text)?.[1];
  expect(code, `the code in the text part:\n${mail.text}`).toBeTruthy();
  await expect(page.getByText(`Innsjekkingskode: ${code}`)).toBeVisible();

  // A second person, to be found by name at the door.
  const other = { name: "Øydis Søkbar", email: uniqueEmail("sokbar") };
  await registerByPost(request, slug, other);

  // Staff sign in and open the check-in page for the event.
  await signInAsAdmin(page);
  await expectNoA11yViolations(page);
  const checkinUrl = `/admin/events/${eventId}/checkin`;
  await page.goto(checkinUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Innsjekking: ${title}`);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/admin/events/${eventId}`);
  // This browser has no camera (or may not use it): the page says what to do instead.
  await page.getByRole("button", { name: "Start kameraet og skann QR-kode" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Skriv inn koden eller søk etter navn under." })).toBeVisible();
  await expectNoA11yViolations(page);
  const before = await counts(page);
  expect(before).toEqual({ checkedIn: 0, confirmed: 2 });

  // A second phone at the door, on the same page.
  const phone2 = await page.context().newPage();
  await phone2.goto(checkinUrl);
  await expect(phone2.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn, before.confirmed));

  // The code arrives as a hardware scanner sends it: typed into "Kode", then Enter.
  await page.getByLabel("Kode", { exact: true }).fill(code!);
  await page.getByLabel("Kode", { exact: true }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Kåre Innsjekk er sjekket inn." })).toBeVisible();
  await expect(page.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 1, before.confirmed));
  await expect(page.getByLabel("Kode", { exact: true })).toHaveValue("");
  await expectNoA11yViolations(page);
  // The other phone sees it without anyone touching it.
  await expect(phone2.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 1, before.confirmed), { timeout: 15_000 });

  // Scanning the same code again (on the other phone) changes nothing and says so.
  await phone2.getByLabel("Kode", { exact: true }).fill(code!);
  await phone2.getByRole("button", { name: "Sjekk inn kode" }).click();
  await expect(phone2.getByRole("alert").filter({ hasText: "Kåre Innsjekk er allerede sjekket inn" })).toBeVisible();
  await expect(phone2.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 1, before.confirmed));
  await expectNoA11yViolations(phone2);

  // A code that is not a registration's is refused clearly.
  await page.getByLabel("Kode", { exact: true }).fill("AAAAAAAAAAAAAAAAAAAAAA");
  await page.getByLabel("Kode", { exact: true }).press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Ukjent kode" })).toBeVisible();

  // Manual search by name, check in, and undo.
  await page.getByLabel("Navn eller e-post").fill("øydis");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await page.getByRole("button", { name: "Sjekk inn Øydis Søkbar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Øydis Søkbar er sjekket inn." })).toBeVisible();
  await expect(page.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 2, before.confirmed));
  await expect(page.getByRole("list", { name: "Treff" })).toContainText("Sjekket inn kl.");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Angre innsjekking av Øydis Søkbar" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Innsjekkingen av Øydis Søkbar er angret." })).toBeVisible();
  await expect(page.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 1, before.confirmed));
  await expect(phone2.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 1, before.confirmed), { timeout: 15_000 });
  await phone2.close();

  // Without JavaScript: the search and the "Sjekk inn" button are plain forms.
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    storageState: await page.context().storageState(),
  });
  try {
    const plain = await noJs.newPage();
    await plain.goto(checkinUrl);
    await expect(plain.getByText("Kameraskanneren trenger JavaScript.")).toBeVisible();
    await plain.getByLabel("Navn eller e-post").fill(other.email);
    await plain.getByRole("button", { name: "Søk", exact: true }).click();
    await plain.getByRole("button", { name: "Sjekk inn Øydis Søkbar" }).click();
    await expect(plain.getByText("Øydis Søkbar er sjekket inn.")).toBeVisible();
    await expect(plain.locator("#checkin-counts")).toHaveText(countsText(before.checkedIn + 2, before.confirmed));
    await expectNoA11yViolations(plain, { javaScriptDisabled: true });
  } finally {
    await noJs.close();
  }
});

/**
 * A video for Chromium's fake camera (Y4M, 4:2:0): the QR code of `text`, black on white in
 * the middle of a 640×480 frame.
 */
async function qrVideo(text: string): Promise<string> {
  const qr = PNG.sync.read(await QRCode.toBuffer(text, { type: "png", width: 300, margin: 4 }));
  const [w, h] = [640, 480];
  const y = Buffer.alloc(w * h, 235);
  const [ox, oy] = [(w - qr.width) >> 1, (h - qr.height) >> 1];
  for (let row = 0; row < qr.height; row++) {
    for (let col = 0; col < qr.width; col++) {
      const dark = qr.data[(row * qr.width + col) * 4] < 128;
      y[(oy + row) * w + ox + col] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma, chroma]);
  const file = join(mkdtempSync(join(tmpdir(), "samhandling-qr-")), "qr.y4m");
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
  return file;
}

test("the camera scanner reads the QR code from the mail and checks the person in", async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  const title = `Verksted ${randomBytes(3).toString("hex")} – kamera`;
  const { id: eventId, slug } = await createPublishedEvent(title);
  const visitor = { name: "Kamilla Kamera", email: uniqueEmail("kamera") };
  await registerByPost(request, slug, visitor);
  const mail = await waitForMail(visitor.email, ofKind("CONFIRMATION"));
  const code = /Innsjekkingskode: ([A-Za-z0-9_-]{22})/.exec(mail.text)![1];

  // A browser whose camera films the QR code (Chromium's fake capture device).
  const executablePath = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")
    ? (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")
    : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${await qrVideo(code)}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: "nb-NO", timezoneId: "Europe/Oslo", permissions: ["camera"] });
    const page = await context.newPage();
    await signInAsAdmin(page);
    await expectNoA11yViolations(page);
    await page.goto(`/admin/events/${eventId}/checkin`);
    await expect(page.locator("#checkin-counts")).toHaveText(countsText(0, 1));
    await page.getByRole("button", { name: "Start kameraet og skann QR-kode" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Kamilla Kamera er sjekket inn." })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("#checkin-counts")).toHaveText(countsText(1, 1));
    await expect(page.getByRole("button", { name: "Stopp kameraet" })).toBeVisible();
    await expectNoA11yViolations(page);
  } finally {
    await browser.close();
  }
});
