// ---- poll library: staff prepare polls before the evening on the staff event's live page (two
// programme items, a ranking poll among them), duplicate one and delete the copy; the moderator
// opens the ranking poll; a phone (390×844) orders the options with the keyboard and the buttons
// and sends; the projector (1280×720) shows the average places and does not scroll; the poll is
// closed, folds away under "Avsluttede avstemninger" and is opened again. axe on every page.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { expectNoA11yViolations } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";
import { publishedEventData } from "./support/events";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

/** This spec's own event with two programme items, far ahead (so no item is on now). */
async function createEvent(tag: string) {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 403 * 24 * 3600_000);
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-live-polls-${randomBytes(4).toString("hex")}`,
        kind: "DIALOGUE_MEETING",
        title: `Temakveld ${tag}`,
        summary: "Et møte som bare finnes i testen av avstemningsbiblioteket.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette møtet.",
      }),
    });
    const hour = 3600_000;
    const items = [`Innledning ${tag}`, `Gruppearbeid ${tag}`];
    for (const [i, title] of items.entries()) {
      await db.programmeItem.create({
        data: { eventId: event.id, title, kind: "TALK", startsAt: new Date(startsAt.getTime() + i * hour), endsAt: new Date(startsAt.getTime() + (i + 1) * hour) },
      });
    }
    return { eventId: event.id, items };
  } finally {
    await db.$disconnect();
  }
}

test("polls prepared in the library are opened, ranked on a phone, shown, closed and reopened", async ({ page: staff, browser }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const { eventId, items } = await createEvent(tag);
  const ranking = `Ranger temaene (${tag})`;
  const single = `Hva er viktigst? (${tag})`;

  await signInAsAdmin(staff);
  await staff.goto(`/admin/events/${eventId}/live`);
  const library = staff.getByRole("region", { name: "Avstemninger" });
  await expect(library.getByRole("heading", { name: `${items[0]} (0 avstemninger)` })).toBeVisible();
  await expectNoA11yViolations(staff, { label: "poll library" });

  // Two polls for two programme items, one a ranking.
  const form = staff.locator("#poll-form");
  await form.getByLabel("Spørsmål", { exact: true }).fill(ranking);
  await form.getByLabel("Type").selectOption("RANKING");
  await form.getByLabel("Alternativer (ett per linje)").fill("Skole\nVei\nPark");
  await form.getByLabel("Programpunkt").selectOption({ label: items[0]! });
  await form.getByRole("button", { name: "Lag avstemning" }).click();
  await expect(staff.getByText("Avstemningen er lagt i biblioteket som utkast.")).toBeVisible();

  // A refusal by the domain shows in the error summary (one option only).
  await form.getByLabel("Spørsmål", { exact: true }).fill(single);
  await form.getByLabel("Alternativer (ett per linje)").fill("Fortau");
  await form.getByLabel("Programpunkt").selectOption({ label: items[1]! });
  await form.getByRole("button", { name: "Lag avstemning" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "2–20 svaralternativer" })).toBeVisible();
  await expectNoA11yViolations(staff, { label: "poll library with an error" });
  await expect(form.getByLabel("Spørsmål", { exact: true })).toHaveValue(single); // kept after the refusal
  await form.getByLabel("Alternativer (ett per linje)").fill("Fortau\nLys");
  await form.getByRole("button", { name: "Lag avstemning" }).click();
  await expect(staff.getByText("Avstemningen er lagt i biblioteket som utkast.")).toBeVisible();
  await expect(library.getByRole("heading", { name: `${items[1]} (1 avstemning)` })).toBeVisible();

  const firstGroup = library.getByRole("region", { name: `${items[0]} (1 avstemning)` });
  await expect(firstGroup.getByRole("heading", { name: ranking })).toBeVisible();
  await expect(firstGroup).toContainText("Rangering");

  // Duplicate the single-choice poll, then delete the copy (a second submit confirms).
  await library.getByRole("button", { name: `Dupliser «${single}»` }).click();
  await expect(staff.getByText("Kopien er laget som utkast.")).toBeVisible();
  const secondGroup = library.getByRole("region", { name: `${items[1]} (2 avstemninger)` });
  await expect(secondGroup.getByRole("heading", { name: single })).toHaveCount(2);
  await secondGroup.getByRole("button", { name: `Slett «${single}»` }).last().click();
  await secondGroup.getByRole("button", { name: `Ja, slett «${single}»` }).click();
  await expect(staff.getByText("Avstemningen er slettet.")).toBeVisible();
  await expect(library.getByRole("region", { name: `${items[1]} (1 avstemning)` }).getByRole("heading", { name: single })).toHaveCount(1);

  // The event's own room: its code is the first on the page.
  const code = (await staff.locator("[data-testid^=room-code-]").first().textContent())!.trim();

  // The moderator opens the ranking poll.
  await staff.goto(`/live/${code}/moderate`);
  await expect(staff.getByText("Tilkoblet – oppdateres direkte.")).toBeVisible();
  await staff.getByRole("button", { name: `Åpne «${ranking}»` }).click();
  await expect(staff.getByRole("button", { name: `Lukk «${ranking}»` })).toBeVisible();
  await expectNoA11yViolations(staff, { label: "moderator" });

  // A phone orders the options with the keyboard and the buttons, then sends.
  const phoneContext = await browser.newContext({ locale: "nb-NO", viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(`/live/${code}`);
  const card = phone.getByRole("region", { name: ranking });
  const order = card.getByRole("list").first().getByRole("listitem");
  await expect(order).toHaveText([/Skole/, /Vei/, /Park/]);
  await card.getByRole("button", { name: "Flytt ned «Skole»" }).focus();
  await phone.keyboard.press("Enter");
  await expect(card.locator("[aria-live=polite]")).toHaveText("«Skole» er nå på plass 2 av 3.");
  await expect(card.getByRole("button", { name: "Flytt ned «Skole»" })).toBeFocused();
  await phone.keyboard.press("Enter");
  await expect(card.locator("[aria-live=polite]")).toHaveText("«Skole» er nå på plass 3 av 3.");
  await card.getByRole("button", { name: "Flytt opp «Park»" }).click();
  await expect(order).toHaveText([/Park/, /Vei/, /Skole/]);
  await expectNoA11yViolations(phone, { label: "phone ranking" });
  await card.getByRole("button", { name: "Send svar" }).click();
  await expect(card.getByText("Takk! Svaret ditt er registrert.")).toBeVisible();

  // The projector shows the average places and does not scroll.
  const projectorContext = await browser.newContext({ locale: "nb-NO", viewport: { width: 1280, height: 720 } });
  const projector = await projectorContext.newPage();
  await projector.goto(`/live/${code}/screen`);
  const stage = projector.locator("#screen-poll");
  await expect(stage.getByRole("heading", { name: ranking })).toBeVisible();
  await expect(stage.getByRole("listitem")).toHaveText([/Park.*snittplass 1,0 · 1 på førsteplass/, /Vei.*snittplass 2,0/, /Skole.*snittplass 3,0/]);
  expect(await projector.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoA11yViolations(projector, { label: "projector" });

  // Closed, it folds away; opened again, its answer is still there.
  await staff.getByRole("button", { name: `Lukk «${ranking}»` }).click();
  const closed = staff.locator("#closed-polls");
  await expect(closed.locator("summary")).toHaveText("Avsluttede avstemninger (1)");
  await expect(staff.getByRole("button", { name: `Åpne «${ranking}» igjen` })).toBeHidden();
  await closed.locator("summary").click();
  await expectNoA11yViolations(staff, { label: "moderator with closed polls" });
  await staff.getByRole("button", { name: `Åpne «${ranking}» igjen` }).click();
  await expect(staff.getByRole("button", { name: `Lukk «${ranking}»` })).toBeVisible();
  await expect(staff.locator("#closed-polls")).toHaveCount(0);
  await expect(stage).toContainText("1 svar");

  await phoneContext.close();
  await projectorContext.close();
});
