// The whole evening on ONE code, with four browsers: two phones (one in nynorsk), the moderator
// (signed-in staff) and the projector at 1280×720. The phones join once; a question asked during
// item 1 carries item 1; the moderator moves to item 2 and the phones and the projector show it
// without reloading; a question then carries item 2 on the moderator page; a swear word in a word
// cloud is held and never reaches the projector; a shown answer the moderator hides leaves both
// phones and the projector; a ranking poll for item 2 ranked on both phones, average places on the
// projector; the projector never scrolls; the overlay shows the question on screen; the speaker's
// presenter view marks it answered.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { publishedEventData } from "./support/events";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";
import { phone, listItem } from "./support/live";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;
const MIN = 60_000;

/** An event on now with two programme items: the first on now, the second in an hour. */
async function setUp(tag: string) {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const now = Date.now();
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-kveld-${tag}`,
        kind: "DIALOGUE_MEETING",
        title: `Dialogmøte ${tag} – hele kvelden`,
        summary: "Et dialogmøte som bare finnes i testen av én kode for hele kvelden.",
        startsAt: new Date(now - 30 * MIN),
        privacyNotice: "Vi bruker opplysningene bare til dette dialogmøtet.",
      }),
      select: { id: true, title: true },
    });
    const first = `Innledning om skoleveien (${tag})`;
    const second = `Politikerne svarer (${tag})`;
    await db.programmeItem.createMany({
      data: [
        { eventId: event.id, kind: "TALK", title: first, startsAt: new Date(now - 30 * MIN), endsAt: new Date(now + 60 * MIN) },
        { eventId: event.id, kind: "OPEN_FLOOR", title: second, startsAt: new Date(now + 60 * MIN), endsAt: new Date(now + 90 * MIN) },
      ],
    });
    return { event, first, second };
  } finally {
    await db.$disconnect();
  }
}



/** The projector never scrolls (the join bar and the stage fit the viewport). */
async function expectNoScroll(screen: Page) {
  const fits = await screen.evaluate(() => {
    const root = document.documentElement;
    return root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth;
  });
  expect(fits).toBe(true);
}

/** A mark that a reload would wipe out. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { evening: boolean }).evening = true));
const stillSamePage = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { evening?: boolean }).evening === true)).toBe(true);

test("the whole evening on one code: two items, four browsers", async ({ page: mod, browser, baseURL }) => {
  test.setTimeout(240_000);
  const tag = randomBytes(3).toString("hex");
  const { event, first, second } = await setUp(tag);

  // The staff page shows the code for the whole event; no room per item was made.
  await signInAsAdmin(mod);
  await mod.goto(`/admin/events/${event.id}/live`);
  await expect(mod.getByRole("heading", { level: 2, name: "Koden for hele arrangementet" })).toBeVisible();
  await expect(mod.locator(".live-room-card")).toHaveCount(1);
  await expect(mod.getByText("Ingen egne rom. Hele arrangementet bruker koden over.")).toBeVisible();
  const code = ((await mod.locator(".live-room-card .live-join-code").first().textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expectNoA11yViolations(mod);

  await mod.goto(`/live/${code}/moderate`);
  await expect(mod.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
  const programme = mod.getByRole("region", { name: "Programmet" });
  await expect(programme.locator("#programme-now")).toContainText(`Nå: ${first}`);
  await expect(programme).toContainText("Følger programmet");
  await expectNoA11yViolations(mod);

  const a = await phone(browser, baseURL!, "nb");
  const b = await phone(browser, baseURL!, "nn");
  const screenContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 1280, height: 720 } });
  const screen = await screenContext.newPage();
  try {
    await test.step("phones and the projector join once, on the one code", async () => {
      await a.page.goto(`/live/${code}`);
      await expect(a.page.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
      await expect(a.page.locator("#live-now")).toContainText(`${first}`);
      await b.page.goto(`/live/${code}`);
      await expect(b.page.getByText("Tilkopla – blir oppdatert direkte.")).toBeVisible();
      await expect(b.page.locator("#live-now")).toContainText(`${first}`);
      await screen.goto(`/live/${code}/screen`);
      await expect(screen.locator(".live-present")).toHaveAttribute("data-status", "online");
      await expect(screen.locator("#screen-item")).toHaveText(`Nå: ${first}`);
      await expect(screen.locator("#screen-code")).toHaveText(code);
      await expectNoScroll(screen);
      for (const p of [a.page, b.page, screen]) await markPage(p);
      await expectNoA11yViolations(a.page);
      await expectNoA11yViolations(b.page);
      await expectNoA11yViolations(screen);
    });

    const q1 = `Hvorfor mangler det lys ved bussholdeplassen? (${tag})`;
    await test.step("a question in item 1 carries item 1", async () => {
      await a.page.getByLabel("Spørsmålet ditt").fill(q1);
      await a.page.getByRole("button", { name: "Send spørsmål" }).click();
      await expect(a.page.getByText("Takk! Spørsmålet ditt er publisert.")).toBeVisible();
      await expect(listItem(b.page, q1)).toBeVisible();
      await expect(listItem(mod, q1)).toContainText(`Punkt: ${first}`);
    });

    await test.step("the moderator moves to item 2: phones and projector follow without reloading", async () => {
      await programme.getByRole("button", { name: `Neste punkt: «${second}»` }).click();
      await expect(programme.locator("#programme-now")).toContainText(`Nå: ${second}`);
      await expect(programme).toContainText("Valgt av moderator");
      await expect(a.page.locator("#live-now")).toContainText(`${second}`);
      await expect(b.page.locator("#live-now")).toContainText(`${second}`);
      await expect(screen.locator("#screen-item")).toHaveText(`Nå: ${second}`);
      // The same code all evening, on the same pages.
      await expect(screen.locator("#screen-code")).toHaveText(code);
      for (const p of [a.page, b.page, screen]) await stillSamePage(p);
      expect(new URL(a.page.url()).pathname).toBe(`/live/${code}`);
      await expectNoScroll(screen);
      await expectNoA11yViolations(mod);
    });

    const q2 = `Når kommer gangbrua over Kirsebærveien? (${tag})`;
    await test.step("a question in item 2 carries item 2 on the moderator page; the filter shows the item on now", async () => {
      await b.page.getByLabel("Spørsmålet ditt").fill(q2);
      await b.page.getByRole("button", { name: "Send spørsmål" }).click();
      await expect(b.page.getByText("Takk! Spørsmålet ditt er publisert.")).toBeVisible();
      await expect(listItem(mod, q2)).toContainText(`Punkt: ${second}`);
      // By default the list shows the item on now: item 1's question waits under "all items".
      await expect(listItem(mod, q1)).toHaveCount(0);
      await mod.getByLabel("Vis spørsmål fra").selectOption({ label: "Alle punkter" });
      await expect(listItem(mod, q1)).toContainText(`Punkt: ${first}`);
      await expect(listItem(a.page, q2)).toBeVisible();
      await expectNoA11yViolations(mod);
    });

    const pollTitle = `Ett ord om skoleveien (${tag})`;
    await test.step("a swear word in a word cloud is held; a hidden answer leaves both phones and the projector", async () => {
      await mod.getByLabel("Spørsmål", { exact: true }).fill(pollTitle);
      await mod.getByLabel("Type", { exact: true }).selectOption("WORDCLOUD");
      await mod.getByRole("button", { name: "Lag avstemning" }).click();
      await mod.getByRole("button", { name: `Åpne «${pollTitle}»` }).click();
      await expect(mod.getByRole("button", { name: `Lukk «${pollTitle}»` })).toBeVisible();
      await expect(screen.locator("#screen-poll").getByRole("heading")).toHaveText(pollTitle);

      const pollA = a.page.getByRole("region", { name: pollTitle });
      await pollA.getByLabel("Ditt ord").fill("Faen");
      await pollA.getByRole("button", { name: "Send svar" }).click();
      await expect(pollA.getByText("Takk! Svaret ditt vises når en moderator har sett på det.")).toBeVisible();
      await expect(mod.getByRole("region", { name: "Svar som venter (1)" }).getByText("faen", { exact: true })).toBeVisible();

      const pollB = b.page.getByRole("region", { name: pollTitle });
      await pollB.getByLabel("Ordet ditt").fill("Fellesskap");
      await pollB.getByRole("button", { name: "Send svar" }).click();
      await expect(pollB.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
      await expect(screen.locator("#screen-poll")).toContainText("fellesskap");
      await expect(pollA).toContainText("fellesskap");
      await expect(pollB).toContainText("fellesskap");
      await expect(screen.locator("#screen-poll")).not.toContainText("faen");
      await expect(pollB).not.toContainText("faen");
      await expectNoScroll(screen);
      await expectNoA11yViolations(screen);

      const modPoll = mod.getByRole("listitem").filter({ has: mod.getByRole("heading", { name: pollTitle }) });
      await modPoll.getByText(/^Svarene \(/).click();
      await modPoll.getByRole("button", { name: "Skjul svaret «fellesskap»" }).click();
      await expect(modPoll.getByRole("button", { name: "Vis svaret «fellesskap» igjen" })).toBeVisible();
      await expect(screen.locator("#screen-poll")).not.toContainText("fellesskap");
      await expect(pollA).not.toContainText("fellesskap");
      await expect(pollB).not.toContainText("fellesskap");
      await expect(screen.locator("#screen-poll")).not.toContainText("faen");
      await expectNoA11yViolations(mod);
      await expectNoA11yViolations(b.page);
    });

    await test.step("a ranking poll for item 2: both phones order the themes, the projector shows average places", async () => {
      await mod.getByRole("button", { name: `Lukk «${pollTitle}»` }).click();
      await expect(mod.getByRole("button", { name: `Lukk «${pollTitle}»` })).toHaveCount(0);
      const rankTitle = `Hva bør kommunen gjøre først? (${tag})`;
      await mod.getByLabel("Spørsmål", { exact: true }).fill(rankTitle);
      await mod.getByLabel("Type", { exact: true }).selectOption("RANKING");
      await mod.getByLabel("Alternativer (ett per linje)").fill("Fortau\nLys\nFartshumper");
      await mod.getByRole("button", { name: "Lag avstemning" }).click();
      await mod.getByRole("button", { name: `Åpne «${rankTitle}»` }).click();
      await expect(mod.getByRole("button", { name: `Lukk «${rankTitle}»` })).toBeVisible();

      // Phone A (bokmål) puts Fartshumper first with the buttons; phone B (nynorsk) keeps the order.
      const rankA = a.page.getByRole("region", { name: rankTitle });
      await expect(rankA.getByRole("list").first().getByRole("listitem")).toHaveText([/Fortau/, /Lys/, /Fartshumper/]);
      await rankA.getByRole("button", { name: "Flytt opp «Fartshumper»" }).click();
      await rankA.getByRole("button", { name: "Flytt opp «Fartshumper»" }).click();
      await expect(rankA.getByRole("list").first().getByRole("listitem")).toHaveText([/Fartshumper/, /Fortau/, /Lys/]);
      await rankA.getByRole("button", { name: "Send svar" }).click();
      await expect(rankA.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
      await expectNoA11yViolations(a.page);
      const rankB = b.page.getByRole("region", { name: rankTitle });
      await rankB.getByRole("button", { name: "Send svar" }).click();
      await expect(rankB.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
      await expectNoA11yViolations(b.page);

      // Fortau (2 + 1) / 2 = 1,5; Fartshumper (1 + 3) / 2 = 2,0; Lys (3 + 2) / 2 = 2,5.
      const stage = screen.locator("#screen-poll");
      await expect(stage.getByRole("heading", { name: rankTitle })).toBeVisible();
      await expect(stage.getByRole("listitem")).toHaveText([/Fortau.*snittplass 1,5/, /Fartshumper.*snittplass 2,0/, /Lys.*snittplass 2,5/]);
      await expect(screen.locator("#screen-item")).toHaveText(`Nå: ${second}`);
      await expectNoScroll(screen);
      await expectNoA11yViolations(screen);
      // It belongs to the item on now on the moderator page.
      await expect(mod.getByRole("listitem").filter({ has: mod.getByRole("heading", { name: rankTitle }) })).toBeVisible();
    });

    await test.step("the question on screen reaches the projector and the overlay", async () => {
      await listItem(mod, q2).getByRole("button", { name: "Vis på skjermen" }).click();
      await expect(screen.getByText(q2)).toBeVisible();
      await expect(screen.locator("#screen-item")).toHaveText(`Nå: ${second}`);
      await expectNoScroll(screen);
      const overlay = await screenContext.newPage();
      await overlay.goto(`/live/${code}/overlay`);
      await expect(overlay.getByText(q2)).toBeVisible();
      await expectNoA11yViolations(overlay);
      await overlay.close();
    });

    await test.step("the speaker's presenter view: the item's time left, the hall's question, marked answered on every phone", async () => {
      const speaker = await mod.context().newPage();
      await speaker.setViewportSize({ width: 1280, height: 800 });
      await speaker.goto(`/live/${code}/presenter`);
      // Item 2 was moved to early: the speaker sees when it was planned to start, and its end.
      await expect(speaker.locator("#presenter-time")).toContainText(second);
      // The question on screen is the one being answered: the speaker marks it there.
      const now = speaker.getByRole("region", { name: "Salen ser nå" });
      await expect(now).toContainText(q2);
      for (const name of ["Godkjenn", "Skjul", "Vis på skjermen"]) await expect(speaker.getByRole("button", { name, exact: true })).toHaveCount(0);
      await expectNoA11yViolations(speaker);
      await now.getByRole("button", { name: "Merk som besvart" }).click();
      await expect(speaker.getByRole("region", { name: "Besvart" })).toContainText(q2);
      await expect(listItem(a.page, q2)).toContainText("besvart");
      await speaker.close();
    });

    await test.step("back to the programme's times: item 1 is on again everywhere", async () => {
      await programme.getByRole("button", { name: "Følg programmet" }).click();
      await expect(programme.locator("#programme-now")).toContainText(`Nå: ${first}`);
      await expect(a.page.locator("#live-now")).toContainText(`${first}`);
      await expect(b.page.locator("#live-now")).toContainText(`${first}`);
      await expect(screen.locator("#screen-item")).toHaveText(`Nå: ${first}`);
      for (const p of [a.page, b.page, screen]) await stillSamePage(p);
      await expectNoScroll(screen);
    });
  } finally {
    await a.context.close();
    await b.context.close();
    await screenContext.close();
  }
});
