// Moderated answers with three browsers and a projector: a staff member with the moderator role
// finds the event's rooms on /admin and opens them in one click; a phone types a swear word into
// a word cloud and it is held (never on the other phone nor on the projector) until the moderator
// rejects it; a normal answer the moderator hides leaves the other phone and the projector; a
// participant the moderator blocks loses their question everywhere and is refused when they try
// again; unblocking brings the question back. The projector is only watched here.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { hashPassword } from "../app/modules/auth/password.server";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations } from "./support/helpers";
import { signIn } from "./support/staff";
import { publishedEventData } from "./support/events";
import { phone, online, listItem } from "./support/live";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

/** This spec's own event, starting within the hour so it heads the overview's list, and its moderator. */
async function setUp(tag: string) {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-mod-${tag}`,
        kind: "DIALOGUE_MEETING",
        title: `Dialogmøte ${tag} – moderert`,
        summary: "Et dialogmøte som bare finnes i testen av moderering.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette dialogmøtet.",
      }),
      select: { id: true, title: true },
    });
    const password = `moderator-passord-${tag}`;
    const staff = await db.staffUser.create({
      data: { email: `moderator-${tag}@samhandling.test`, name: "Mona Moderator", role: "MODERATOR", passwordHash: await hashPassword(password) },
      select: { email: true },
    });
    return { event, moderator: { email: staff.email, password } };
  } finally {
    await db.$disconnect();
  }
}



test("held, hidden and blocked: the moderator role keeps a word cloud and the questions clean", async ({ page: mod, browser }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const { event, moderator } = await setUp(tag);

  // The moderator role finds the event on the overview and opens its rooms in one click (no 403).
  await signIn(mod, moderator.email, moderator.password);
  await mod.goto("/admin");
  const live = mod.getByRole("region", { name: "Direkterom" });
  await expect(live.getByRole("heading", { name: event.title })).toBeVisible();
  await expectNoA11yViolations(mod);
  await live.getByRole("link", { name: `Alle rom for «${event.title}»` }).click();
  await expect(mod.getByRole("heading", { level: 1 })).toHaveText(`Spørsmål og avstemninger: ${event.title}`);
  // Organisers' tools are not a moderator's.
  await expect(mod.getByRole("link", { name: "Alle spørsmål (CSV)" })).toHaveCount(0);
  await expectNoA11yViolations(mod);
  const code = ((await mod.locator(".live-room-card .live-join-code").first().textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  // Now the room is listed on the overview too, one click from moderation.
  await mod.goto("/admin");
  await mod.getByRole("region", { name: "Direkterom" }).getByRole("link", { name: `Moderer «${event.title}»` }).click();
  await expect(mod).toHaveURL(new RegExp(`/live/${code}/moderate$`));
  await online(mod);

  // A word cloud, opened.
  const pollTitle = `Ett ord om nærmiljøet (${tag})`;
  await mod.getByLabel("Spørsmål", { exact: true }).fill(pollTitle);
  await mod.getByLabel("Type", { exact: true }).selectOption("WORDCLOUD");
  await mod.getByRole("button", { name: "Lag avstemning" }).click();
  await mod.getByRole("button", { name: `Åpne «${pollTitle}»` }).click();
  await expect(mod.getByRole("button", { name: `Lukk «${pollTitle}»` })).toBeVisible();

  const a = await phone(browser);
  const b = await phone(browser);
  const screenContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", viewport: { width: 1280, height: 720 } });
  const screen = await screenContext.newPage();
  try {
    await a.page.goto(`/live/${code}`);
    await online(a.page);
    await b.page.goto(`/live/${code}`);
    await online(b.page);
    await screen.goto(`/live/${code}/screen`);
    await expect(screen.locator(".live-present")).toHaveAttribute("data-status", "online");
    await expect(screen.locator("#screen-poll").getByRole("heading")).toHaveText(pollTitle);

    // A swear word is held: A is told so, and it never reaches B or the projector.
    const pollA = a.page.getByRole("region", { name: pollTitle });
    await pollA.getByLabel("Ditt ord").fill("Faen");
    await pollA.getByRole("button", { name: "Send svar" }).click();
    await expect(pollA.getByText("Takk! Svaret ditt vises når en moderator har sett på det.")).toBeVisible();
    const held = mod.getByRole("region", { name: "Svar som venter (1)" });
    await expect(held.getByText("faen", { exact: true })).toBeVisible();
    await expectNoA11yViolations(mod);
    // B answers too: its word arrives everywhere, the held one does not.
    const pollB = b.page.getByRole("region", { name: pollTitle });
    await pollB.getByLabel("Ditt ord").fill("Fellesskap");
    await pollB.getByRole("button", { name: "Send svar" }).click();
    await expect(pollB.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();
    await expect(screen.locator("#screen-poll")).toContainText("fellesskap");
    await expect(pollB).toContainText("fellesskap");
    await expect(screen.locator("#screen-poll")).not.toContainText("faen");
    await expect(pollB).not.toContainText("faen");
    await expectNoA11yViolations(a.page);
    await expectNoA11yViolations(screen);

    // The moderator rejects it; it is gone from the queue and still from every screen.
    await held.getByRole("button", { name: "Avvis svaret «faen»" }).click();
    await expect(mod.getByRole("region", { name: "Svar som venter (0)" })).toContainText("Ingen svar venter.");
    await expect(screen.locator("#screen-poll")).not.toContainText("faen");

    // A normal answer the moderator hides leaves B's phone and the projector at once.
    const modPoll = mod.getByRole("listitem").filter({ has: mod.getByRole("heading", { name: pollTitle }) });
    await modPoll.getByText(/^Svarene \(/).click();
    await modPoll.getByRole("button", { name: "Skjul svaret «fellesskap»" }).click();
    await expect(modPoll.getByRole("button", { name: "Vis svaret «fellesskap» igjen" })).toBeVisible();
    await expect(screen.locator("#screen-poll")).not.toContainText("fellesskap");
    await expect(pollB).not.toContainText("fellesskap");
    await expectNoA11yViolations(mod);

    // The projector shows the most popular questions (present mode shows one thing at a time).
    const topButton = mod.getByRole("region", { name: "På skjermen" }).getByRole("button", { name: "Mest populære spørsmål", exact: true });
    await topButton.click();
    await expect(topButton).toHaveAttribute("aria-pressed", "true");
    // A asks a question; B and the projector see it.
    // Long enough that buttons name it by an excerpt.
    const question = `Hvorfor er dere så treige med å svare på e-post fra velforeningen? (${tag})`;
    await a.page.getByLabel("Spørsmålet ditt").fill(question);
    await a.page.getByRole("button", { name: "Send spørsmål" }).click();
    await expect(a.page.getByText("Takk! Spørsmålet ditt er publisert.")).toBeVisible();
    await expect(listItem(b.page, question)).toBeVisible();
    await expect(screen.getByText(question)).toBeVisible();

    // The moderator blocks A, after confirming; the question disappears from B and the projector.
    const blockName = `Blokker den som skrev «${question.slice(0, 39)}…»`;
    await listItem(mod, question).getByRole("button", { name: blockName }).click();
    const confirm = mod.getByRole("group", { name: blockName });
    await expect(confirm).toContainText("Alle spørsmål og svar fra deltakeren forsvinner fra alle skjermer");
    await expectNoA11yViolations(mod);
    await confirm.getByRole("button", { name: "Ja, blokker" }).click();
    const blocks = mod.getByRole("region", { name: "Blokkerte deltakere (1)" });
    await expect(blocks).toContainText(`Skrev «${question.slice(0, 59)}…»`);
    await expect(screen.getByText(question)).toHaveCount(0);
    await expect(listItem(b.page, question)).toHaveCount(0);
    await expect(b.page.getByText(question)).toHaveCount(0); // not even in the live region

    // A is refused, in words, when trying again.
    await a.page.getByLabel("Spørsmålet ditt").fill(`Et nytt forsøk (${tag})`);
    await a.page.getByRole("button", { name: "Send spørsmål" }).click();
    await expect(a.page.getByRole("alert").filter({ hasText: "En moderator har blokkert deg i dette rommet." })).toBeVisible();
    await expect(listItem(b.page, `Et nytt forsøk (${tag})`)).toHaveCount(0);
    await expectNoA11yViolations(a.page);
    await expectNoA11yViolations(b.page);

    // Undo: unblocking brings the question back to B.
    await blocks.getByRole("button", { name: /^Opphev blokkeringen av den som skrev/ }).click();
    await expect(mod.getByRole("region", { name: "Blokkerte deltakere (0)" })).toBeVisible();
    await expect(listItem(b.page, question)).toBeVisible();

    // A signed-in staff member sees the shortcut to moderation on the audience page.
    await mod.goto(`/live/${code}`);
    await mod.getByRole("link", { name: "Moderer", exact: true }).click();
    await expect(mod).toHaveURL(new RegExp(`/live/${code}/moderate$`));
    await expect(a.page.getByRole("link", { name: "Moderer", exact: true })).toHaveCount(0);
  } finally {
    await a.context.close();
    await b.context.close();
    await screenContext.close();
  }
});
