// Live questions and polls, with several browsers at once: an organiser finds the room's code,
// a moderator turns on pre-moderation; a phone asks, the moderator approves, a second phone
// sees it live and upvotes, the projector shows it when put on screen; a poll is opened, two
// phones vote and the projector shows the numbers; a phone that was offline catches up with
// what it missed; the CSV export holds the question and the votes.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";
import { publishedEventData } from "./support/events";
import { phone, online, listItem as questionItem } from "./support/live";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

/** This spec's own event (far ahead, so no other spec picks it). */
async function createEvent(title: string): Promise<{ id: string; slug: string }> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 400 * 24 * 3600_000);
    return await db.event.create({
      data: publishedEventData({
        slug: `e2e-live-${randomBytes(4).toString("hex")}`,
        kind: "WORKSHOP",
        title,
        summary: "Et verksted som bare finnes i testen av spørsmål og avstemninger.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette verkstedet.",
      }),
      select: { id: true, slug: true },
    });
  } finally {
    await db.$disconnect();
  }
}



/** A question in a list, found by its text. */

test("questions and polls live: audience, moderator and projector", async ({ page: staff, browser }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const event = await createEvent(`Verksted ${tag} – live`);

  // The organiser's page lists the event's room with its code and QR code.
  await signInAsAdmin(staff);
  await staff.goto(`/admin/events/${event.id}/live`);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Spørsmål og avstemninger: Verksted ${tag} – live`);
  const code = ((await staff.locator(".live-room-card .live-join-code").first().textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(staff.getByRole("img", { name: /^QR-kode til http:\/\/localhost:\d+\/live\// })).toBeVisible();
  await expectNoA11yViolations(staff);

  // The moderator (signed-in staff) turns on pre-moderation.
  await staff.getByRole("link", { name: /^Moderer / }).click();
  await expect(staff).toHaveURL(new RegExp(`/live/${code}/moderate$`));
  await online(staff);
  await staff.getByLabel("Godkjenn spørsmål før de vises").check();
  await expect(staff.getByText("Lagret.")).toBeVisible();
  await expect(staff.getByLabel("Godkjenn spørsmål før de vises")).toBeChecked();

  // Two phones and the projector join. Only a code is needed.
  const a = await phone(browser);
  const b = await phone(browser);
  const screenContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 1600, height: 900 } });
  const screen = await screenContext.newPage();
  try {
    await a.page.goto("/live");
    await expectNoA11yViolations(a.page);
    await a.page.getByLabel("Kode (6 tegn)").fill(code.toLowerCase());
    await a.page.getByRole("button", { name: "Bli med" }).click();
    await expect(a.page).toHaveURL(new RegExp(`/live/${code}$`));
    await online(a.page);
    await b.page.goto(`/live/${code}`);
    await online(b.page);
    await screen.goto(`/live/${code}/screen`);
    // The projector says nothing about its connection while it is fine (present mode).
    await expect(screen.locator(".live-present")).toHaveAttribute("data-status", "online");
    await expect(screen.locator("#screen-code")).toHaveText(code);
    await expect(screen.getByRole("img", { name: `QR-kode til ${new URL(`/live/${code}`, screen.url()).href}` })).toBeVisible();
    await expectNoA11yViolations(screen);
    await expectNoA11yViolations(a.page);

    // A asks; with pre-moderation the question waits.
    const question = `Når blir det fortau langs skoleveien? (${tag})`;
    await a.page.getByLabel("Spørsmålet ditt").fill(question);
    await expect(a.page.getByText(`${question.length} av 500 tegn`)).toBeVisible();
    await a.page.getByText("Legg til navnet ditt (valgfritt)").click(); // the name sits behind a small disclosure
    await a.page.getByLabel(/^Navn/).fill("Åse");
    await a.page.getByRole("button", { name: "Send spørsmål" }).click();
    await expect(a.page.getByText("Takk! Spørsmålet vises når en moderator har godkjent det.")).toBeVisible();
    await expect(questionItem(a.page, question)).toContainText("venter på godkjenning");
    await expect(b.page.getByText(question)).toHaveCount(0);

    // The moderator sees it in the queue and approves it.
    const pending = staff.getByRole("region", { name: /^Venter på godkjenning/ });
    await expect(questionItem(staff, question)).toBeVisible();
    await expect(pending.getByText(question)).toBeVisible();
    await expectNoA11yViolations(staff);
    await questionItem(staff, question).getByRole("button", { name: "Godkjenn" }).click();
    await expect(staff.getByRole("region", { name: /^Publiserte spørsmål/ }).getByText(question)).toBeVisible();

    // B sees it at once, announced politely, and upvotes (pressing again takes it back).
    await expect(questionItem(b.page, question)).toBeVisible();
    await expect(b.page.locator("#live-announcer")).toContainText("Nytt spørsmål");
    const upvote = questionItem(b.page, question).getByRole("button", { name: /Stem/ });
    await expect(upvote).toHaveAttribute("aria-pressed", "false");
    await upvote.click();
    await expect(upvote).toHaveAttribute("aria-pressed", "true");
    await expect(upvote.locator(".live-count")).toHaveText("1");
    await upvote.click();
    await expect(upvote).toHaveAttribute("aria-pressed", "false");
    await expect(upvote.locator(".live-count")).toHaveText("0");
    await upvote.press("Enter"); // keyboard works too
    await expect(upvote).toHaveAttribute("aria-pressed", "true");
    await expect(questionItem(a.page, question).locator(".live-count")).toHaveText("1");
    await expect(questionItem(staff, question)).toContainText("1 stemme");
    await expectNoA11yViolations(b.page);

    // The moderator puts it on the projector.
    await questionItem(staff, question).getByRole("button", { name: "Vis på skjermen" }).click();
    await expect(screen.locator("#screen-question")).toHaveText(question);
    await expect(screen.getByText("Åse")).toHaveCount(0); // no names on the projector
    await expect(questionItem(b.page, question)).toContainText("På skjermen nå");

    // A poll: created, opened, two phones vote, numbers on the projector.
    const pollTitle = `Hva er viktigst? (${tag})`;
    await staff.getByLabel("Spørsmål", { exact: true }).fill(pollTitle);
    await staff.getByLabel("Alternativer (ett per linje)").fill("Fortau\nFartshumper\nBedre lys");
    await staff.getByRole("button", { name: "Lag avstemning" }).click();
    await expect(staff.getByText("Avstemningen er laget. Åpne den når du er klar.")).toBeVisible();
    await staff.getByRole("button", { name: `Åpne «${pollTitle}»` }).click();
    await expect(staff.getByRole("button", { name: `Lukk «${pollTitle}»` })).toBeVisible();

    for (const [p, choice] of [
      [a.page, "Fortau"],
      [b.page, "Bedre lys"],
    ] as const) {
      const poll = p.getByRole("region", { name: pollTitle });
      await expect(poll).toBeVisible();
      await poll.getByLabel(choice).check();
      await poll.getByRole("button", { name: "Send svar" }).click();
      await expect(poll.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
    }
    await expectNoA11yViolations(a.page);
    const screenPoll = screen.locator("#screen-poll");
    await expect(screenPoll.getByRole("heading")).toHaveText(pollTitle);
    await expect(screenPoll).toContainText("2 svar");
    await expect(screenPoll.getByRole("listitem").filter({ hasText: "Fortau" })).toContainText("1 stemme (50 %)");
    await expect(screenPoll.getByRole("listitem").filter({ hasText: "Bedre lys" })).toContainText("1 stemme (50 %)");
    await expect(screenPoll.getByRole("listitem").filter({ hasText: "Fartshumper" })).toContainText("0 stemmer (0 %)");
    await expectNoA11yViolations(screen);
    await expectNoA11yViolations(staff);

    // B goes offline and misses a new approved question; back online it has it.
    await b.context.setOffline(true);
    await expect(b.page.getByText("Du er frakoblet – vi prøver å koble til igjen …")).toBeVisible();
    const missed = `Kan bussen stoppe nærmere skolen? (${tag})`;
    await a.page.getByLabel("Spørsmålet ditt").fill(missed);
    await a.page.getByRole("button", { name: "Send spørsmål" }).click();
    await expect(a.page.getByText("Takk! Spørsmålet vises når en moderator har godkjent det.")).toBeVisible();
    await questionItem(staff, missed).getByRole("button", { name: "Godkjenn" }).click();
    await expect(staff.getByRole("region", { name: /^Publiserte spørsmål/ }).getByText(missed)).toBeVisible();
    await expect(questionItem(a.page, missed)).not.toContainText("venter på godkjenning");
    await expect(b.page.getByText(missed)).toHaveCount(0);
    await b.context.setOffline(false);
    await online(b.page);
    await expect(questionItem(b.page, missed)).toBeVisible();
    // Its own upvote survived the reconnect.
    await expect(questionItem(b.page, question).getByRole("button", { name: /Stem/ })).toHaveAttribute("aria-pressed", "true");

    // A changes a waiting question, then withdraws it; the moderator's queue follows.
    const regret = `Et spørsmål jeg angrer på (${tag})`;
    const edited = `Et bedre formulert spørsmål (${tag})`;
    await a.page.getByLabel("Spørsmålet ditt").fill(regret);
    await a.page.getByRole("button", { name: "Send spørsmål" }).click();
    await expect(questionItem(staff, regret)).toBeVisible();
    await questionItem(a.page, regret).getByRole("button", { name: "Endre" }).click();
    await a.page.getByLabel("Endre spørsmålet").fill(edited);
    await a.page.getByRole("button", { name: "Lagre" }).click();
    await expect(questionItem(a.page, edited)).toContainText("venter på godkjenning");
    await expect(questionItem(staff, edited)).toBeVisible();
    await questionItem(a.page, edited).getByRole("button", { name: "Trekk tilbake" }).click();
    await expect(a.page.locator("#live-announcer")).toHaveText("Spørsmålet ditt er trukket tilbake.");
    await expect(a.page.getByText(edited)).toHaveCount(0);
    await expect(staff.getByText(edited)).toHaveCount(0);

    // Without JavaScript the page still shows the room as it is (from the server).
    const noScript = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await p.goto(`/live/${code}`);
      await expect(questionItem(p, question)).toContainText("Åse");
      await expect(questionItem(p, missed)).toBeVisible();
      await expect(p.getByRole("region", { name: pollTitle })).toContainText("2 svar");
      await expectNoA11yViolations(p, { javaScriptDisabled: true });
    } finally {
      await noScript.close();
    }

    // The export has the question, its name, status and votes, and the poll's numbers.
    const questionsCsv = await staff.request.get(`/admin/events/${event.id}/live.csv?type=questions`);
    expect(questionsCsv.ok()).toBeTruthy();
    expect(questionsCsv.headers()["content-type"]).toContain("text/csv");
    const qText = await questionsCsv.text();
    expect(qText).toContain(`"${question}";"Åse";"publisert";"1"`);
    const pollsCsv = await staff.request.get(`/admin/events/${event.id}/live.csv?type=polls&room=${code}`);
    expect(await pollsCsv.text()).toContain(`"${pollTitle}";"ett valg";"åpen";"2";"Fortau";"1";"50"`);
  } finally {
    await a.context.close();
    await b.context.close();
    await screenContext.close();
  }
});

test("a speaker's secret link opens moderation without an account; a wrong key and an unknown code do not", async ({ page, browser }) => {
  const event = await createEvent(`Verksted ${randomBytes(3).toString("hex")} – talerlenke`);
  await signInAsAdmin(page);
  await page.goto(`/admin/events/${event.id}/live`);
  await page.getByRole("button", { name: /^Lag talerlenke for / }).click();
  const link = await page.getByRole("textbox", { name: "Talerlenke", exact: true }).inputValue();
  expect(link).toMatch(/\/live\/[A-Z2-9]{6}\/moderate\?key=[A-Za-z0-9_-]+$/);

  const speaker = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  try {
    const p = await speaker.newPage();
    await p.goto(link);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(/^Moderering: /);
    await online(p);
    await expectNoA11yViolations(p);
    // A wrong key sends the visitor to sign in.
    await p.goto(link.replace(/key=.*/, "key=feil"));
    await expect(p).toHaveURL(/\/admin\/login\?redirectTo=/);
    await expectNoA11yViolations(p);
    const missing = await p.goto("/live/ZZZZZZ");
    expect(missing?.status()).toBe(404);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Fant ikke rommet");
    await expectNoA11yViolations(p);
    // Typing a code: a malformed one and an unknown one are explained.
    await p.goto("/live");
    await p.getByLabel("Kode (6 tegn)").fill("ab1");
    await p.getByRole("button", { name: "Bli med" }).click();
    await expect(p.getByRole("alert")).toHaveText("Koden har seks tegn, bokstaver og tall, for eksempel ABC234.");
    await p.getByLabel("Kode (6 tegn)").fill("zzz zzz");
    await p.getByRole("button", { name: "Bli med" }).click();
    await expect(p.getByRole("alert")).toHaveText("Fant ikke noe rom med denne koden. Sjekk koden og prøv igjen.");
    await expect(p.getByLabel("Kode (6 tegn)")).toHaveAttribute("aria-invalid", "true");
    await expectNoA11yViolations(p);
  } finally {
    await speaker.close();
  }
});

test("the event that takes place today links to its live rooms from the event page", async ({ page }) => {
  await page.goto("/?kind=WORKSHOP");
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: /^Dialogverksted i dag: / }).click();
  const live = page.getByRole("region", { name: "Still spørsmål – delta live" });
  await expect(live).toBeVisible();
  await expect(live.getByRole("link", { name: "Se direktesendingen" })).toBeVisible();
  await expectNoA11yViolations(page);
  const join = live.getByRole("link", { name: /^Still spørsmål og delta: / });
  const href = await join.getAttribute("href");
  expect(href).toMatch(/^\/live\/[A-Z2-9]{6}$/);
  await join.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await online(page);
  await expect(page.getByRole("heading", { level: 2, name: "Still et spørsmål" })).toBeVisible();
  await expectNoA11yViolations(page);
});
