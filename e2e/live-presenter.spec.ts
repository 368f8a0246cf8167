// The presenter view and the report after the session, with several browsers: the organiser makes a
// speaker link on the staff live page; the speaker opens the presenter view with it on a laptop and
// sees the minutes left of the item on now; a phone asks (pre-moderated), the moderator approves and
// the question appears for the speaker; the speaker marks it answered and the phone sees it answered;
// a poll's results reach the speaker live; the speaker has no approve/hide/screen controls. A signed-in
// moderator opens the presenter view too. Then the report on the staff page counts what happened.
// Laid out for a laptop and tablets without sideways scrolling; axe finds nothing.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";
import { publishedEventData } from "./support/events";
import { phone, online, listItem as questionItem } from "./support/live";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

/** This spec's own event, on now, with one programme item from ten minutes ago to twenty from now. */
async function createEvent(title: string): Promise<{ id: string }> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-presenter-${randomBytes(4).toString("hex")}`,
        kind: "DIALOGUE_MEETING",
        title,
        summary: "Et dialogmøte som bare finnes i testen av foredragsholdervisningen.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette dialogmøtet.",
      }),
      select: { id: true },
    });
    await db.programmeItem.create({
      data: { eventId: event.id, title: "Innledning om skoleveien", kind: "TALK", startsAt, endsAt: new Date(Date.now() + 20 * 60_000) },
    });
    return event;
  } finally {
    await db.$disconnect();
  }
}

async function preModerate(eventId: string) {
  const db = await connectDatabase(DATABASE_URL);
  try {
    await db.liveRoom.updateMany({ where: { eventId }, data: { preModeration: true } });
  } finally {
    await db.$disconnect();
  }
}


const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
/** A figure in one of the report's tables (a row header and its number). */
const figure = (page: Page, table: string, label: string) => page.locator(`#${table}`).getByRole("row", { name: new RegExp(`^${label}`) }).getByRole("cell");

test("the speaker's presenter view: live questions, answered, poll results, time left; then the report", async ({ page: staff, browser }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const event = await createEvent(`Dialogmøte ${tag} – foredrag`);

  // The organiser makes a speaker link; the same secret opens the presenter view.
  await signInAsAdmin(staff);
  await staff.goto(`/admin/events/${event.id}/live`);
  const code = ((await staff.locator(".live-room-card .live-join-code").first().textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await preModerate(event.id);
  await staff.getByRole("button", { name: /^Lag talerlenke for / }).first().click();
  const link = await staff.getByRole("textbox", { name: "Foredragsholdervisningen (samme hemmelige lenke)" }).inputValue();
  expect(link).toMatch(new RegExp(`/live/${code}/presenter\\?key=[A-Za-z0-9_-]+$`));

  const speakerContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 1280, height: 800 } });
  const speaker = await speakerContext.newPage();
  const a = await phone(browser);
  try {
    await speaker.goto(link);
    await expect(speaker.getByRole("heading", { level: 1 })).toHaveText(/^Foredragsholder: /);
    await online(speaker);
    const time = speaker.getByRole("region", { name: "Tid igjen" });
    await expect(time).toContainText(/(19|20) min igjen/);
    await expect(time).toContainText("«Innledning om skoleveien» slutter kl.");
    await expectNoA11yViolations(speaker);

    // The moderator (the signed-in organiser) opens moderation; a phone asks; the question waits.
    await staff.goto(`/live/${code}/moderate`);
    await online(staff);
    await a.page.goto(`/live/${code}`);
    await online(a.page);
    const question = `Hvor skal fortauet gå? (${tag})`;
    await a.page.getByLabel("Spørsmålet ditt").fill(question);
    await a.page.getByRole("button", { name: "Send spørsmål" }).click();
    await expect(a.page.getByText("Takk! Spørsmålet vises når en moderator har godkjent det.")).toBeVisible();
    await expect(questionItem(staff, question)).toBeVisible();
    // Unmoderated texts never reach the speaker.
    await expect(speaker.getByText(question)).toHaveCount(0);

    await questionItem(staff, question).getByRole("button", { name: "Godkjenn" }).click();
    const next = speaker.getByRole("region", { name: "Neste spørsmål" });
    await expect(questionItem(speaker, question)).toBeVisible();
    await expect(next.getByText(question)).toBeVisible();
    // Only "answered": no moderation controls.
    for (const name of ["Godkjenn", "Skjul", "Vis på skjermen", "Fest øverst", "Lag avstemning"]) {
      await expect(speaker.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expectNoA11yViolations(speaker);

    await questionItem(speaker, question).getByRole("button", { name: "Merk som besvart" }).click();
    await expect(speaker.getByText("Merket som besvart.")).toBeVisible();
    await expect(next.getByText(question)).toHaveCount(0);
    await expect(speaker.getByRole("region", { name: "Besvart" })).toContainText(question);
    await expect(questionItem(a.page, question)).toContainText("besvart");

    // A poll: the moderator opens it, the phone votes, the speaker sees the numbers live.
    const pollTitle = `Hva er viktigst? (${tag})`;
    await staff.getByLabel("Spørsmål", { exact: true }).fill(pollTitle);
    await staff.getByLabel("Alternativer (ett per linje)").fill("Fortau\nBedre lys");
    await staff.getByRole("button", { name: "Lag avstemning" }).click();
    await staff.getByRole("button", { name: `Åpne «${pollTitle}»` }).click();
    await expect(staff.getByRole("button", { name: `Lukk «${pollTitle}»` })).toBeVisible();
    const presenterPoll = speaker.getByRole("region", { name: "Avstemningen" });
    await expect(presenterPoll).toContainText(pollTitle);
    await expect(presenterPoll).toContainText("Resultatene vises når noen har svart.");
    const poll = a.page.getByRole("region", { name: pollTitle });
    await poll.getByLabel("Fortau").check();
    await poll.getByRole("button", { name: "Send svar" }).click();
    await expect(poll.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
    await expect(presenterPoll.getByRole("listitem").filter({ hasText: "Fortau" })).toContainText("1 stemme (100 %)");
    // The hall sees the poll on the projector: so does the speaker.
    await expect(speaker.getByRole("region", { name: "Salen ser nå" })).toContainText(pollTitle);
    await expectNoA11yViolations(speaker);

    // Tablets, landscape and portrait: no sideways scrolling, still clean.
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
      await speaker.setViewportSize(viewport);
      await noSidewaysScroll(speaker);
    }
    await expectNoA11yViolations(speaker);

    // A signed-in moderator opens the presenter view without a key.
    await staff.goto(`/live/${code}/presenter`);
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(/^Foredragsholder: /);
    await online(staff);
    await expect(staff.getByRole("region", { name: "Avstemningen" })).toContainText("1 stemme (100 %)");
    await expect(staff.getByRole("button", { name: "Godkjenn", exact: true })).toHaveCount(0);

    // The report after the session on the staff live page (the peak is written within a few seconds).
    await expect(async () => {
      await staff.goto(`/admin/events/${event.id}/live`);
      await expect(figure(staff, `report-figures-${code}`, "Deltakere på det meste")).toHaveText("1", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    const report = staff.getByRole("region", { name: "Rapport etter møtet" });
    await expect(report).toBeVisible();
    await expect(figure(staff, `report-figures-${code}`, "Aktive deltakere")).toHaveText("1");
    await expect(figure(staff, `report-figures-${code}`, "Spørsmål stilt")).toHaveText("1");
    await expect(figure(staff, `report-figures-${code}`, "Spørsmål vist i salen")).toHaveText("1");
    await expect(figure(staff, `report-figures-${code}`, "Spørsmål besvart")).toHaveText("1");
    await expect(figure(staff, `report-figures-${code}`, "Spørsmål som venter")).toHaveText("0");
    await expect(figure(staff, "report-figures-event", "Svar på avstemninger")).toHaveText("1");
    const pollRow = staff.locator(`#report-polls-${code}`).getByRole("row", { name: new RegExp(`^${pollTitle.replace(/[()?]/g, "\\$&")}`) });
    await expect(pollRow.getByRole("cell")).toHaveText(["ett valg", "1", "100 %"]);
    await expectNoA11yViolations(staff);
    // The CSV of the report.
    const csv = await staff.request.get(`/admin/events/${event.id}/live.csv?type=report`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`"Avstemning";"Dialogmøte ${tag} – foredrag";"${code}";"${pollTitle}";"Svarte";"1"`);
    // Readable on a phone: the page never scrolls sideways.
    await staff.setViewportSize({ width: 390, height: 844 });
    await noSidewaysScroll(staff);
    await expectNoA11yViolations(staff);
  } finally {
    await speakerContext.close();
    await a.context.close();
  }
});
