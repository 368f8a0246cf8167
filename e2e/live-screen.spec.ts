// Present mode and the stream overlay, with three browsers: the moderator chooses on the "På
// skjermen" panel what the hall sees, and the projector (no site chrome) and the overlay (a
// transparent lower third) follow each choice: join slide, the question on screen, poll results
// with the closed label, the word cloud, the top questions, a pause. At 1280×720 and 1920×1080
// the projector never scrolls and its content stays inside the screen, with the longest allowed
// question and a poll of 20 options. A reloaded projector shows the same; keyboard shortcuts;
// a small sign when the connection is lost.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";
import { publishedEventData } from "./support/events";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LONG_QUESTION = "Hvorfor tar det så lang tid å få svar på søknader om tilrettelegging, og hva gjør dere for dem som ikke bruker digitale tjenester? "
  .repeat(5)
  .slice(0, 500);

type Fixture = { code: string; pollTitle: string; cloudTitle: string; shortQuestions: string[] };

/** This spec's own event and room: a long question, four short ones, an open poll of 20 options and an open word cloud. */
async function createRoom(tag: string): Promise<Fixture> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 402 * 24 * 3600_000);
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-live-screen-${randomBytes(4).toString("hex")}`,
        kind: "DIALOGUE_MEETING",
        title: `Folkemøte ${tag}`,
        summary: "Et folkemøte som bare finnes i testen av storskjermen.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette møtet.",
      }),
    });
    const code = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    const room = await db.liveRoom.create({ data: { eventId: event.id, code, title: `Spørsmål fra salen ${tag}` } });
    await db.question.create({ data: { roomId: room.id, participantId: "p-long", text: LONG_QUESTION, status: "APPROVED", upvoteCount: 9 } });
    const shortQuestions = [1, 2, 3, 4].map((n) => `Kort spørsmål ${n} (${tag})?`);
    for (const [i, text] of shortQuestions.entries()) {
      await db.question.create({ data: { roomId: room.id, participantId: `p-${i}`, text, status: "APPROVED", upvoteCount: 8 - i } });
    }
    const pollTitle = `Hvilke tiltak er viktigst for nærmiljøet ditt de neste fire årene? (${tag})`;
    const poll = await db.poll.create({
      data: {
        roomId: room.id,
        title: pollTitle,
        kind: "SINGLE",
        status: "OPEN",
        position: 1,
        options: {
          create: Array.from({ length: 20 }, (_, i) => ({ label: `Tiltak ${i + 1}: ${"bedre tilbud i nærmiljøet for alle aldre ".repeat(3)}`.slice(0, 120).trim(), position: i })),
        },
      },
      include: { options: true },
    });
    for (let i = 0; i < 30; i++) {
      const answer = await db.pollAnswer.create({ data: { pollId: poll.id, participantId: `v-${i}` } });
      await db.pollAnswerChoice.create({ data: { answerId: answer.id, optionId: poll.options[(i * 7) % 20]!.id, pollId: poll.id } });
    }
    const cloudTitle = `Ett ord om kvelden (${tag})`;
    const cloud = await db.poll.create({ data: { roomId: room.id, title: cloudTitle, kind: "WORDCLOUD", status: "OPEN", position: 2 } });
    for (const [i, word] of ["trygghet", "lys", "trygghet", "fellesskap"].entries()) {
      await db.pollAnswer.create({ data: { pollId: cloud.id, participantId: `w-${i}`, text: word } });
    }
    return { code, pollTitle, cloudTitle, shortQuestions };
  } finally {
    await db.$disconnect();
  }
}

/** The projector never scrolls, and what the stage holds stays inside it. */
async function expectFits(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const root = document.documentElement;
        const stage = document.querySelector(".live-present-stage")!.getBoundingClientRect();
        const content = document.querySelector(".live-present-content")!.getBoundingClientRect();
        const join = document.querySelector(".live-present-join")!.getBoundingClientRect();
        return {
          noVerticalScroll: root.scrollHeight <= window.innerHeight,
          noSidewaysScroll: root.scrollWidth <= window.innerWidth,
          contentInStage: content.top >= stage.top - 1 && content.bottom <= stage.bottom + 1 && content.right <= stage.right + 1,
          joinBarOnScreen: join.top >= 0 && join.bottom <= window.innerHeight + 1,
        };
      }),
    )
    .toEqual({ noVerticalScroll: true, noSidewaysScroll: true, contentInStage: true, joinBarOnScreen: true });
}

async function expectFitsAtBothSizes(page: Page) {
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await expectFits(page);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("the moderator chooses what the projector and the stream overlay show", async ({ page: moderator, browser }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const { code, pollTitle, cloudTitle, shortQuestions } = await createRoom(tag);

  await signInAsAdmin(moderator);
  await moderator.goto(`/live/${code}/moderate`);
  await expect(moderator.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
  const panel = moderator.getByRole("region", { name: "På skjermen" });
  const modeButton = (name: string) => panel.getByRole("button", { name, exact: true });
  await expect(modeButton("Bli med-side")).toHaveAttribute("aria-pressed", "true");
  await expectNoA11yViolations(moderator);

  const projectorContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 1280, height: 720 } });
  const overlayContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 1920, height: 1080 } });
  const projector = await projectorContext.newPage();
  const overlay = await overlayContext.newPage();
  try {
    const present = projector.locator(".live-present");
    await projector.goto(`/live/${code}/screen`);
    await expect(present).toHaveAttribute("data-status", "online");
    // No site chrome, no status sentence in the hall; the language stays on <html>.
    await expect(projector.getByRole("banner").filter({ has: projector.getByRole("navigation") })).toHaveCount(0);
    await expect(projector.getByRole("contentinfo")).toHaveCount(0);
    await expect(projector.getByText("Tilkoblet – oppdateres direkte.")).toHaveCount(0);
    await expect(projector.locator("html")).toHaveAttribute("lang", "nb");
    // The join slide and the join bar with code, QR code and short address.
    await expect(projector.getByRole("heading", { level: 2, name: "Bli med", exact: true })).toBeVisible();
    await expect(projector.getByRole("heading", { level: 2, name: "Still spørsmål og svar på avstemninger fra mobilen." })).toBeVisible();
    await expect(projector.locator("#screen-code")).toHaveText(code);
    const address = new URL(`/live/${code}`, projector.url()).href;
    await expect(projector.getByRole("img", { name: `QR-kode til ${address}` })).toBeVisible();
    await expect(projector.locator(".live-present-url")).toHaveText(address.replace(/^https?:\/\//, ""));
    await expectFitsAtBothSizes(projector);
    await expectNoA11yViolations(projector);

    // The overlay: transparent, placed by the address; nothing over the picture on the join slide.
    await overlay.goto(`/live/${code}/overlay?pos=top-right&scale=1.5`);
    const lowerThird = overlay.locator(".live-overlay");
    await expect(lowerThird).toHaveClass(/live-overlay-top-right/);
    await expect(lowerThird).toHaveClass(/live-overlay-s-150/);
    await expect(lowerThird).toHaveAttribute("data-mode", "JOIN");
    await expect(overlay.locator(".live-overlay-card")).toHaveCount(0);
    expect(
      await overlay.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor]),
    ).toEqual(["rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)"]);
    await expectNoA11yViolations(overlay);

    // Question: the most upvoted one (the longest allowed) goes on screen, fitted to the box.
    await modeButton("Spørsmålet på skjermen").click();
    await expect(modeButton("Spørsmålet på skjermen")).toHaveAttribute("aria-pressed", "true");
    await expect(modeButton("Bli med-side")).toHaveAttribute("aria-pressed", "false");
    await expect(panel.getByRole("status")).toHaveText("Storskjermen viser nå: Spørsmålet på skjermen");
    await expect(projector.locator("#screen-question")).toHaveText(LONG_QUESTION);
    await expect(projector.locator("#screen-code")).toHaveText(code); // the join bar stays
    await expectFitsAtBothSizes(projector);
    await expectNoA11yViolations(projector);
    await expect(overlay.locator("#overlay-question")).toContainText(LONG_QUESTION.slice(0, 60));
    await expectNoA11yViolations(overlay);

    // Poll results: the chosen poll of 20 options, all of them on screen.
    await panel.getByLabel("Avstemningen som vises").selectOption({ label: `${pollTitle} – åpen` });
    await modeButton("Avstemningsresultat").click();
    await expect(modeButton("Avstemningsresultat")).toHaveAttribute("aria-pressed", "true");
    const screenPoll = projector.locator("#screen-poll");
    await expect(screenPoll.getByRole("heading", { level: 2 })).toHaveText(pollTitle);
    await expect(screenPoll.getByRole("listitem")).toHaveCount(20);
    await expect(screenPoll).toContainText("30 svar");
    await expect(projector.locator("#screen-poll-closed")).toHaveCount(0);
    await expectFitsAtBothSizes(projector);
    await expectNoA11yViolations(projector);
    const overlayPoll = overlay.locator("#overlay-poll");
    await expect(overlayPoll).toContainText(pollTitle);
    await expect(overlayPoll.getByRole("listitem")).toHaveCount(6);
    await expectNoA11yViolations(overlay);

    // Closing the poll leaves it on screen, labelled as closed (in the viewer's language).
    await moderator.getByRole("button", { name: `Lukk «${pollTitle}»` }).click();
    await expect(projector.locator("#screen-poll-closed")).toHaveText("Avstemningen er stengt");
    await expect(overlay.locator(".live-overlay-closed")).toHaveText("Avstemningen er stengt");
    await expectFitsAtBothSizes(projector);
    const english = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 720 } });
    try {
      const page = await english.newPage();
      await page.goto(`/live/${code}/screen`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.locator("#screen-poll-closed")).toHaveText("The poll is closed");
      await expect(page.getByRole("heading", { level: 2, name: "Join", exact: true })).toBeVisible();
    } finally {
      await english.close();
    }

    // The word cloud: the newest open word cloud when none is chosen.
    await panel.getByLabel("Avstemningen som vises").selectOption({ label: "Den nyeste" });
    await modeButton("Ordsky").click();
    await expect(modeButton("Ordsky")).toHaveAttribute("aria-pressed", "true");
    await expect(screenPoll.getByRole("heading", { level: 2 })).toHaveText(cloudTitle);
    await expect(screenPoll.getByRole("list", { name: "Ordsky" }).getByRole("listitem").filter({ hasText: "trygghet" })).toContainText("(2)");
    await expectFitsAtBothSizes(projector);
    await expectNoA11yViolations(projector);
    await expect(overlayPoll).toContainText("trygghet");

    // The top questions.
    await modeButton("Mest populære spørsmål").click();
    const top = projector.locator("#screen-top");
    await expect(top.getByRole("heading", { level: 2 })).toHaveText("Mest populære spørsmål");
    await expect(top.getByRole("listitem")).toHaveCount(5);
    await expect(top.getByRole("listitem").nth(1)).toContainText(shortQuestions[0]!);
    await expectFitsAtBothSizes(projector);
    await expectNoA11yViolations(projector);
    await expect(overlay.locator("#overlay-top").getByRole("listitem")).toHaveCount(3);

    // A pause: only the join bar on the projector, nothing in the stream.
    await modeButton("Pause").click();
    await expect(projector.locator("#screen-pause")).toContainText("Vi starter igjen snart.");
    await expect(lowerThird).toHaveAttribute("data-mode", "PAUSE");
    await expect(overlay.locator(".live-overlay-card")).toHaveCount(0);
    await expectFitsAtBothSizes(projector);
    await expectNoA11yViolations(projector);

    // A reloaded projector shows the same.
    await projector.reload();
    await expect(present).toHaveAttribute("data-status", "online");
    await expect(present).toHaveAttribute("data-mode", "PAUSE");
    await expect(projector.locator("#screen-pause")).toBeVisible();

    // Keyboard: ? shows the shortcuts, Esc closes them; f asks for full screen.
    await projector.keyboard.press("?");
    const help = projector.getByRole("region", { name: "Hurtigtaster" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("F: fullskjerm av og på");
    await expectNoA11yViolations(projector);
    await projector.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await expect(projector.getByRole("button", { name: "Fullskjerm" })).toBeVisible();

    // Back to the join slide; a lost connection shows only a small sign.
    await modeButton("Bli med-side").click();
    await expect(present).toHaveAttribute("data-mode", "JOIN");
    await expect(projector.getByRole("heading", { level: 2, name: "Still spørsmål og svar på avstemninger fra mobilen." })).toBeVisible();
    await projectorContext.setOffline(true);
    await expect(projector.locator(".live-present-offline")).toHaveText("Frakoblet – prøver igjen");
    await expectFits(projector);
    await projectorContext.setOffline(false);
    await expect(present).toHaveAttribute("data-status", "online");
    await expect(projector.locator(".live-present-offline")).toHaveCount(0);
  } finally {
    await projectorContext.close();
    await overlayContext.close();
  }
});

test("the overlay falls back to its defaults on a bad address", async ({ page }) => {
  const { code } = await createRoom(randomBytes(3).toString("hex"));
  const response = await page.goto(`/live/${code}/overlay?pos=nowhere&scale=%22%3E`);
  expect(response?.status()).toBe(200);
  await expect(page.locator(".live-overlay")).toHaveClass(/live-overlay-bottom /);
  await expect(page.locator(".live-overlay")).toHaveClass(/live-overlay-s-100/);
  await page.goto(`/live/${code}/overlay?scale=99`);
  await expect(page.locator(".live-overlay")).toHaveClass(/live-overlay-s-100/);
});
