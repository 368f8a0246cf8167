// The audience page on a phone (390×844): what is on now at the top (the programme item, the
// question on the screen, then the open poll), questions and polls as tabs, a small upvote
// toggle whose name says which question, focus that lands somewhere sensible after each action
// (never on <body>), a "waiting for approval" message that changes once a moderator approves,
// poll thanks that go when the poll closes, an offline banner that comes and goes, and no
// sideways scrolling at 320 and 390 px. axe checks every state. Bokmål and English.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { publishedEventData } from "./support/events";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";
import { phone, listItem } from "./support/live";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

const LONG = "Når blir det fortau langs hele Kirsebærveien, og hvem bestemmer rekkefølgen på tiltakene i planen?";
const SHORT = "Kan bussen stoppe nærmere skolen?";

/** An event with one programme item on now, a room that shows it, three questions and a closed poll with results. */
async function setUp(tag: string, opts: { preModeration: boolean; openPoll?: string }) {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 402 * 24 * 3600_000);
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-aud-${tag}`,
        kind: "DIALOGUE_MEETING",
        title: `Dialogmøte ${tag} – publikum`,
        summary: "Et dialogmøte som bare finnes i testen av publikumssiden.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette dialogmøtet.",
      }),
      select: { id: true },
    });
    const item = await db.programmeItem.create({
      data: { eventId: event.id, title: `Trafikk rundt skolen ${tag}`, kind: "TALK", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) },
      select: { id: true, title: true },
    });
    const code = Array.from(randomBytes(6), (b) => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[b % 31]).join("");
    const room = await db.liveRoom.create({
      data: { eventId: event.id, code, title: `Spørsmål ${tag}`, preModeration: opts.preModeration, followProgramme: false, currentItemId: item.id },
      select: { id: true },
    });
    const ask = (text: string, upvoteCount: number) =>
      db.question.create({ data: { roomId: room.id, participantId: `e2e-${randomBytes(4).toString("hex")}`, text, status: "APPROVED", upvoteCount }, select: { id: true } });
    await ask(LONG, 4);
    const onScreen = await ask(SHORT, 1);
    await ask("Blir det bedre lys ved undergangen?", 0);
    await db.liveRoom.update({ where: { id: room.id }, data: { onScreenQuestionId: onScreen.id, screenMode: "QUESTION" } });
    const closed = await db.poll.create({
      data: {
        roomId: room.id,
        title: `Hvordan kom du hit? ${tag}`,
        kind: "SINGLE",
        status: "CLOSED",
        openedAt: new Date(),
        closedAt: new Date(),
        options: { create: [{ label: "Gikk", position: 0 }, { label: "Buss", position: 1 }] },
      },
      include: { options: true },
    });
    await db.pollAnswer.create({ data: { pollId: closed.id, participantId: "e2e-voter", choices: { create: [{ optionId: closed.options[0].id, pollId: closed.id }] } } });
    if (opts.openPoll) {
      await db.poll.create({
        data: { roomId: room.id, title: opts.openPoll, kind: "SINGLE", status: "OPEN", openedAt: new Date(), options: { create: [{ label: "Walk", position: 0 }, { label: "Bus", position: 1 }] } },
      });
    }
    return { code, item, closedTitle: closed.title };
  } finally {
    await db.$disconnect();
  }
}


/** The focused element's id and text: focus must be somewhere, never <body>. */
const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? "", id: document.activeElement?.id ?? "", text: document.activeElement?.textContent ?? "" }));
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

test("the audience page on a phone in bokmål: now, tabs, upvote, focus, messages that clear, offline", async ({ page: staff, browser, baseURL }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const { code, item, closedTitle } = await setUp(tag, { preModeration: true });
  const { context, page } = await phone(browser, baseURL!);
  try {
    await page.goto(`/live/${code}`);
    await expect(page.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();

    // The top: the programme item on now and the question on the screen, with its own upvote.
    const now = page.getByRole("region", { name: "Nå" });
    await expect(now).toContainText(`På programmet: ${item.title}`);
    await expect(now).toContainText("På skjermen nå");
    await expect(now).toContainText(SHORT);
    await expect(now.getByRole("button", { name: `Stem fram: «${SHORT}», 1 stemme` })).toHaveAttribute("aria-pressed", "false");
    // The list starts on the first screen.
    const listTop = await page.locator(".live-question-list").evaluate((el) => el.getBoundingClientRect().top);
    expect(listTop).toBeLessThan(844 * 1.1);
    await noSidewaysScroll(page);
    await expectNoA11yViolations(page);

    // Questions and polls as tabs, with counts; the closed poll's results are in the second one.
    const questionsTab = page.getByRole("tab", { name: "Spørsmål (3)" });
    const pollsTab = page.getByRole("tab", { name: "Avstemninger (1)" });
    await expect(questionsTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: closedTitle })).toBeHidden();
    await pollsTab.click();
    await expect(pollsTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: closedTitle })).toContainText("1 svar");
    await expect(page.getByRole("heading", { name: "Still et spørsmål" })).toBeHidden();
    await expectNoA11yViolations(page);
    await questionsTab.click();
    await expect(page.getByRole("heading", { level: 2, name: "Still et spørsmål" })).toBeVisible();

    // The upvote: a small toggle named by the question's first words and its count.
    const upvote = listItem(page, LONG).getByRole("button", { name: /^Stem fram: «Når blir det fortau langs hele Kirsebærveien, og hvem…», 4 stemmer$/ });
    await expect(upvote).toHaveAttribute("aria-pressed", "false");
    await upvote.click();
    const upvoted = listItem(page, LONG).getByRole("button", { name: /^Stem fram: «Når blir det fortau.*», 5 stemmer, du har stemt$/ });
    await expect(upvoted).toHaveAttribute("aria-pressed", "true");
    await expect(upvoted.locator(".live-count")).toHaveText("5");
    expect((await focused(page)).tag).toBe("BUTTON");
    await expectNoA11yViolations(page);

    // Asking: focus moves to the confirmation; the question is marked as one's own.
    const question = `Kan det komme en gangfelt ved butikken? (${tag})`;
    await page.getByLabel("Spørsmålet ditt").fill(question);
    await expect(page.getByText(`${question.length} av 500 tegn`)).toBeVisible();
    await page.getByText("Legg til navnet ditt (valgfritt)").click();
    await page.getByLabel(/^Navn/).fill("Åse");
    await page.getByRole("button", { name: "Send spørsmål" }).click();
    const pending = "Takk! Spørsmålet vises når en moderator har godkjent det.";
    await expect(page.getByRole("status").filter({ hasText: pending })).toBeVisible();
    await expect.poll(async () => (await focused(page)).text).toBe(pending);
    expect((await focused(page)).id).toBe("ask-feedback");
    await expect(listItem(page, question)).toContainText("Ditt spørsmål");
    await expect(listItem(page, question)).toContainText("venter på godkjenning");
    await expectNoA11yViolations(page);

    // A moderator approves: the waiting message changes by itself.
    await signInAsAdmin(staff);
    await staff.goto(`/live/${code}/moderate`);
    await expect(staff.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
    await listItem(staff, question).getByRole("button", { name: "Godkjenn" }).click();
    await expect(page.getByText(pending)).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Spørsmålet ditt er godkjent og vises nå for alle." })).toBeVisible();
    await expect(listItem(page, question)).not.toContainText("venter på godkjenning");
    await expectNoA11yViolations(page);

    // Withdrawing one's own question: focus goes to the list's heading.
    await listItem(page, question).getByRole("button", { name: "Trekk tilbake" }).click();
    await expect(page.getByText(question)).toHaveCount(0);
    await expect.poll(async () => (await focused(page)).id).toBe("questions-heading");

    // A poll opens: it takes the top; answering moves focus to its thanks; closing takes the thanks away.
    const pollTitle = `Hva er viktigst? (${tag})`;
    await staff.getByLabel("Spørsmål", { exact: true }).fill(pollTitle);
    await staff.getByLabel("Alternativer (ett per linje)").fill("Fortau\nBedre lys");
    await staff.getByRole("button", { name: "Lag avstemning" }).click();
    await staff.getByRole("button", { name: `Åpne «${pollTitle}»` }).click();
    const poll = now.getByRole("region", { name: pollTitle });
    await expect(poll).toBeVisible();
    await expect(now).not.toContainText("På skjermen nå");
    await poll.getByLabel("Fortau").check();
    await poll.getByRole("button", { name: "Send svar" }).click();
    await expect(poll.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
    await expect.poll(async () => (await focused(page)).text).toBe("Takk! Svaret ditt er registrert.");
    await expectNoA11yViolations(page);
    await staff.getByRole("button", { name: `Lukk «${pollTitle}»` }).click();
    await expect(page.getByText("Takk! Svaret ditt er registrert.")).toHaveCount(0);
    await expect(now).toContainText("På skjermen nå");
    await expect(page.getByRole("tab", { name: "Avstemninger (2)" })).toBeVisible();

    // Offline: a clear banner that says what still works, gone again on reconnect.
    await context.setOffline(true);
    const banner = page.getByRole("status").filter({ hasText: "Du er frakoblet – vi prøver å koble til igjen …" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("Du kan lese det som står her.");
    await expect(page.getByRole("button", { name: "Send spørsmål" })).toBeDisabled();
    await expectNoA11yViolations(page);
    await context.setOffline(false);
    await expect(page.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
    await expect(page.getByText("Du er frakoblet – vi prøver å koble til igjen …")).toHaveCount(0);

    // The privacy line links to the notice at the foot of the page.
    await page.getByRole("link", { name: "Slik bruker vi opplysningene" }).click();
    await expect(page.getByRole("heading", { name: "Personvern" })).toBeInViewport();

    // 320 px wide: nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page);
    await expectNoA11yViolations(page);
  } finally {
    await context.close();
  }

  // Without JavaScript both tabs' contents are there to read.
  const noScript = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  try {
    const p = await noScript.newPage();
    await p.goto(`/live/${code}`);
    await expect(listItem(p, LONG)).toBeVisible();
    await expect(p.getByRole("region", { name: closedTitle })).toContainText("1 svar");
    await noSidewaysScroll(p);
    await expectNoA11yViolations(p, { javaScriptDisabled: true });
  } finally {
    await noScript.close();
  }
});

test("the audience page on a phone in English: the open poll on top, tabs, upvote name, focus after sending", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const tag = randomBytes(3).toString("hex");
  const openPoll = `How did you travel? ${tag}`;
  const { code, item } = await setUp(tag, { preModeration: false, openPoll });
  const { context, page } = await phone(browser, baseURL!, "en");
  try {
    await page.goto(`/live/${code}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("Connected – updates live.")).toBeVisible();
    const now = page.getByRole("region", { name: "Now" });
    await expect(now).toContainText(`On the programme: ${item.title}`);
    await expect(now.getByRole("region", { name: openPoll })).toBeVisible();
    // The open poll takes the top; the question on screen stays in the list with its tag.
    await expect(now).not.toContainText(SHORT);
    await expect(listItem(page, SHORT)).toContainText("On screen now");
    await expect(page.getByRole("tab", { name: "Questions (3)" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tab", { name: "Polls (1)" })).toBeVisible();
    await expect(listItem(page, SHORT).getByRole("button", { name: `Upvote: “${SHORT}”, 1 vote` })).toHaveAttribute("aria-pressed", "false");
    await noSidewaysScroll(page);
    await expectNoA11yViolations(page);

    await page.getByLabel("Your question").fill(`Where do I park? (${tag})`);
    await page.getByRole("button", { name: "Send question" }).click();
    await expect.poll(async () => (await focused(page)).id).toBe("ask-feedback");
    await expect(page.locator("#ask-feedback")).toHaveText("Thank you! Your question has been published.");
    await expect(page.getByRole("tab", { name: "Questions (4)" })).toBeVisible();
    // Typing the next question makes the old message go.
    await page.getByLabel("Your question").fill("And");
    await expect(page.locator("#ask-feedback")).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page);
  } finally {
    await context.close();
  }
});
