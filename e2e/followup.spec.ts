// The dialogue cycle after a meeting (issue 5): a citizen sends input about the football pitch
// (bad input is refused and stores nothing), staff find it under its theme and make it a
// follow-up item in one click, set the unit and "done" with a public answer ("will not be done"
// needs a reason), the citizen's mail links to the item, and the event page and the item's own
// page show the answer. A question asked in the live Q&A becomes an item from the staff live
// page in one click; published minutes appear on the event page. axe on every page.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations, findUpcomingEvent, uniqueEmail, waitForMail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof connectDatabase>>) => Promise<T>): Promise<T> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

const eventIdOf = (slug: string) => withDb(async (db) => (await db.event.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id);
const inputCount = (eventId: string) => withDb((db) => db.citizenInput.count({ where: { eventId } }));

const followUpSection = (page: Page) => page.getByRole("region", { name: "Hva skjedde med innspillene?" });

test.describe.configure({ mode: "serial" });

test("input about the football pitch becomes a follow-up item with a public answer", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const tag = randomBytes(3).toString("hex");
  const slug = await findUpcomingEvent(request, "DIALOGUE_MEETING");
  const eventId = await eventIdOf(slug);
  const citizenEmail = uniqueEmail("innspill");
  const text = `Lys på fotballbanen ved skolen ${tag}`;

  // The event page invites input.
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("heading", { level: 2, name: "Send innspill" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Send innspill til dette møtet" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${slug}/innspill$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Send innspill:");
  // The event's privacy notice is next to the contact fields.
  const notice = await withDb(async (db) => (await db.event.findUniqueOrThrow({ where: { slug }, select: { privacyNotice: true } })).privacyNotice);
  await expect(page.getByRole("region", { name: "Personvernerklæring" })).toContainText(notice.slice(0, 60));
  await expectNoA11yViolations(page);

  // Bad input: readable errors, nothing stored.
  const before = await inputCount(eventId);
  await page.getByRole("button", { name: "Send innspill" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Tema: Velg et tema fra listen.");
  await expect(summary).toContainText("Innspillet ditt: Skriv innspillet ditt (minst 3 tegn).");
  await expectNoA11yViolations(page);
  await page.getByLabel(/^Tema/).selectOption({ label: "Idrett og friluftsliv" });
  await page.getByLabel(/^Innspillet ditt/).fill(text);
  await page.getByLabel("E-postadresse (valgfritt)").fill("ikke-en-adresse");
  await page.getByRole("button", { name: "Send innspill" }).click();
  await expect(summary).toContainText("Skriv inn en gyldig e-postadresse");
  await page.getByLabel("E-postadresse (valgfritt)").fill(citizenEmail);
  await page.getByRole("button", { name: "Send innspill" }).click();
  await expect(summary).toContainText("Du må godta personvernerklæringen når du legger igjen e-post eller telefonnummer.");
  await expectNoA11yViolations(page);
  expect(await inputCount(eventId)).toBe(before);

  // The real thing, with name and e-mail.
  await page.getByLabel("Navn (valgfritt)").fill("Fotball-Frida");
  await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await page.getByRole("button", { name: "Send innspill" }).click();
  await expect(page.getByRole("status")).toContainText("Takk! Innspillet ditt er mottatt.");
  await expect(page.getByRole("status")).toContainText("Vi har sendt en kvittering");
  await expectNoA11yViolations(page);
  expect(await inputCount(eventId)).toBe(before + 1);
  const receipt = await waitForMail(citizenEmail, (m) => m.headers["X-Samhandling-Kind"] === "INPUT_RECEIPT");
  expect(receipt.text).toContain("Hei Fotball-Frida,");

  // Staff find it under its theme, with the contact details, and follow it up in one click.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAsAdmin(staff);
  // The overview across meetings counts it under its meeting and theme.
  await staff.getByRole("navigation", { name: "Arbeidsflate for ansatte" }).getByRole("link", { name: "Innspill" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Innspill fra innbyggerne");
  const meetingLink = staff.locator(`a[href="/admin/events/${eventId}/input"]`);
  await expect(staff.getByRole("listitem").filter({ has: meetingLink }).first()).toContainText(/Idrett og friluftsliv: \d+/);
  await expectNoA11yViolations(staff);
  await meetingLink.click();
  const theme = staff.getByRole("region", { name: /^Idrett og friluftsliv \(\d+\)$/ });
  const card = theme.getByRole("listitem").filter({ hasText: text });
  await expect(card).toContainText(citizenEmail);
  await expect(card).toContainText("Fotball-Frida");
  await expect(card).toContainText("før møtet");
  await expectNoA11yViolations(staff);
  await card.getByRole("button", { name: "Lag oppfølgingspunkt" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Oppfølgingspunkt: ${text}`);
  await expect(staff.getByRole("status")).toContainText("Oppfølgingspunktet er opprettet som utkast.");
  await expect(staff.getByLabel("Ansvarlig enhet")).toHaveValue("Ikke fordelt ennå");
  await expect(staff.getByLabel("Synlighet")).toHaveValue("DRAFT");
  await expectNoA11yViolations(staff);
  const itemId = new URL(staff.url()).pathname.split("/").pop()!;

  // A draft is not public: its own URL is a 404 until staff publish it.
  const draftPage = await page.request.get(`/events/${slug}/oppfolging/${itemId}`);
  expect(draftPage.status()).toBe(404);

  // "Will not be done" without a reason is refused and changes nothing.
  await staff.getByLabel("Ansvarlig enhet").fill("Idrett og friluftsliv");
  await staff.getByLabel("Status", { exact: true }).selectOption({ label: "Blir ikke gjennomført" });
  await staff.getByRole("button", { name: "Lagre oppfølgingspunktet" }).click();
  await expect(staff.getByRole("alert")).toContainText("Skriv en begrunnelse når punktet ikke blir gjennomført.");
  await expectNoA11yViolations(staff);
  expect(await withDb((db) => db.followUpItem.findUniqueOrThrow({ where: { id: itemId }, select: { status: true, responsibleUnit: true } }))).toEqual({
    status: "REGISTERED",
    responsibleUnit: "Ikke fordelt ennå",
  });

  // Done, with a public answer, and published: saved, and the citizen is told.
  const answer = `Banen fikk ny LED-belysning i oktober (${tag}).`;
  await staff.getByLabel("Status", { exact: true }).selectOption({ label: "Gjennomført" });
  await staff.getByLabel("Synlighet").selectOption({ label: "Publisert på arrangementssiden" });
  await staff.getByLabel("Svar til innbyggerne (offentlig)").fill(answer);
  await staff.getByLabel(/^Merknad i historikken/).fill("Lysmastene er satt opp.");
  await staff.getByRole("button", { name: "Lagre oppfølgingspunktet" }).click();
  await expect(staff.getByRole("status")).toContainText("får e-post om den nye statusen");
  await expectNoA11yViolations(staff);

  const mail = await waitForMail(citizenEmail, (m) => m.headers["X-Samhandling-Kind"] === "FOLLOW_UP_STATUS");
  expect(mail.subject).toBe("Oppfølgingen av innspillet ditt er oppdatert: Gjennomført");
  expect(mail.text).toContain(answer);
  const link = /https?:\/\/\S+\/events\/[a-z0-9-]+\/oppfolging\/\S+/.exec(mail.text)?.[0];
  expect(link).toBeDefined();
  expect(new URL(link!).pathname).toBe(`/events/${slug}/oppfolging/${itemId}`);

  // The public event page lists the item under "what happened to the input"; its own page has the answer.
  await page.goto(`/events/${slug}`);
  const entry = followUpSection(page).getByRole("listitem").filter({ hasText: text });
  await expect(entry).toContainText("Idrett og friluftsliv");
  await expect(entry).toContainText("Gjennomført");
  await expect(entry).toContainText(answer);
  await expect(page.getByText(citizenEmail)).toHaveCount(0);
  await expect(page.getByText("Fotball-Frida")).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
  await expect(page.getByRole("region", { name: "Svar" })).toContainText(answer);
  await expect(page.getByRole("region", { name: "Historikk" })).toContainText("Gjennomført – Lysmastene er satt opp.");
  await expect(page.getByText(citizenEmail)).toHaveCount(0);
  await expect(page.getByText("Fotball-Frida")).toHaveCount(0);
  await expectNoA11yViolations(page);

  // In English too.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Done");
  await page.getByRole("button", { name: "Bokmål" }).click();

  // Staff publish the minutes; they appear on the event page.
  const minutes = `Formannskapet møtte 80 innbyggere i gymsalen (${tag}).\n\nBanen var det viktigste temaet.`;
  await staff.goto(`/admin/events/${eventId}/followup`);
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Referat og oppfølging:");
  await expect(staff.getByRole("link", { name: text })).toBeVisible();
  await expectNoA11yViolations(staff);
  await staff.getByRole("textbox", { name: "Referat" }).fill(minutes);
  await staff.getByRole("button", { name: "Publiser referatet" }).click();
  await expect(staff.getByRole("status")).toContainText("Referatet er publisert på arrangementssiden.");
  await expectNoA11yViolations(staff);
  await page.goto(`/events/${slug}`);
  const minutesRegion = page.getByRole("region", { name: "Referat" });
  await expect(minutesRegion).toContainText(`Formannskapet møtte 80 innbyggere i gymsalen (${tag}).`);
  await expect(minutesRegion).toContainText("Banen var det viktigste temaet.");
  await expectNoA11yViolations(page);
  await staffContext.close();
});

test("a question from the live Q&A becomes a follow-up item in one click", async ({ page: staff, browser, request }) => {
  test.setTimeout(120_000);
  const tag = randomBytes(3).toString("hex");
  const slug = await findUpcomingEvent(request, "DIALOGUE_MEETING");
  const eventId = await eventIdOf(slug);

  await signInAsAdmin(staff);
  await staff.goto(`/admin/events/${eventId}/live`);
  const code = ((await staff.locator(".live-room-card .live-join-code").first().textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);

  // A participant asks from a phone.
  const phoneContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  const question = `Kan det komme flere benker langs Otra ${tag}?`;
  await phone.goto(`/live/${code}`);
  await expect(phone.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
  await phone.getByLabel("Spørsmålet ditt").fill(question);
  await phone.getByRole("button", { name: "Send spørsmål" }).click();
  await expect(phone.getByRole("listitem").filter({ hasText: question }).first()).toBeVisible();
  await expectNoA11yViolations(phone);
  await phoneContext.close();

  // Staff make it a follow-up item from the live page in one click.
  await staff.reload();
  const row = staff.locator(".live-followup li").filter({ hasText: question });
  await expect(row).toBeVisible();
  await expectNoA11yViolations(staff);
  await row.getByRole("button", { name: "Lag oppfølgingspunkt" }).click();
  await expect(staff.getByRole("status")).toContainText("Oppfølgingspunktet er opprettet");
  const created = staff.locator(".live-followup li").filter({ hasText: question }).getByRole("link", { name: "Oppfølging opprettet" });
  await expect(created).toBeVisible();
  await expectNoA11yViolations(staff);

  // Staff read it through and publish it as it stands.
  await created.click();
  await staff.getByLabel("Synlighet").selectOption({ label: "Publisert på arrangementssiden" });
  await staff.getByRole("button", { name: "Lagre oppfølgingspunktet" }).click();
  await expect(staff.getByRole("status")).toContainText("Endringene er lagret.");

  // Now it is on the public event page, as registered.
  const citizenContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const citizen = await citizenContext.newPage();
  await citizen.goto(`/events/${slug}`);
  const entry = followUpSection(citizen).getByRole("listitem").filter({ hasText: question });
  await expect(entry).toContainText("Registrert");
  await expect(entry).toContainText("Ikke fordelt ennå");
  await expectNoA11yViolations(citizen);
  await entry.getByRole("link").click();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(question);
  await expectNoA11yViolations(citizen);
  const itemUrl = citizen.url();

  // Staff delete it: refused until the box is ticked, then gone from the public page.
  await staff.getByRole("button", { name: "Slett oppfølgingspunktet" }).click();
  // The refusal stands by the box it is about, which the screen reader hears it through.
  await expect(staff.getByText("Kryss av for at du vil slette punktet.")).toBeVisible();
  await expect(staff.getByLabel(/^Ja, jeg vil slette/)).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(staff);
  await staff.getByLabel(/^Ja, jeg vil slette/).check();
  await staff.getByRole("button", { name: "Slett oppfølgingspunktet" }).click();
  await expect(staff.getByRole("status")).toContainText("Oppfølgingspunktet er slettet.");
  await expectNoA11yViolations(staff);
  expect((await citizen.request.get(itemUrl)).status()).toBe(404);
  await citizen.goto(`/events/${slug}`);
  await expect(citizen.getByText(question)).toHaveCount(0);
  await citizenContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the input form refuses bad input with a readable summary and takes good input", async ({ page, request }) => {
    const slug = await findUpcomingEvent(request, "DIALOGUE_MEETING");
    const eventId = await eventIdOf(slug);
    const before = await inputCount(eventId);
    await page.goto(`/events/${slug}/innspill`);
    await page.getByLabel(/^Innspillet ditt/).fill("<b>hei</b>");
    await page.getByRole("button", { name: "Send innspill" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Tema: Velg et tema fra listen.");
    await expect(summary).toContainText("Innspillet ditt: Teksten inneholder tegn vi ikke kan ta imot.");
    await expectNoA11yViolations(page, { javaScriptDisabled: true });
    expect(await inputCount(eventId)).toBe(before);

    await page.getByLabel(/^Tema/).selectOption({ label: "Natur og miljø" });
    await page.getByLabel(/^Innspillet ditt/).fill("Bevar skogen ved Baneheia");
    await page.getByRole("button", { name: "Send innspill" }).click();
    await expect(page.getByRole("status")).toContainText("Takk! Innspillet ditt er mottatt.");
    await expect(page.getByRole("status")).not.toContainText("kvittering");
    expect(await inputCount(eventId)).toBe(before + 1);
  });
});
