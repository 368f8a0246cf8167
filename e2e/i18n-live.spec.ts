// The live pages follow the chosen language: join page, audience, projector, moderator and the
// organiser's room list in nynorsk and English (html[lang], a translated heading and status
// line, the upvote button named after its question, plurals, a refusal in the page's language)
// without console errors.
import { randomBytes } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { connectDatabase } from "../server/db";
import { signInAsAdmin } from "./support/staff";
import { publishedEventData } from "./support/events";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

type Lang = "nn" | "en";

const TEXT: Record<
  Lang,
  { join: string; ask: string; online: string; screenLead: string; screenJoin: string; moderation: RegExp; staff: RegExp; upvote: RegExp; votes: string; nameMissing: string }
> = {
  nn: {
    join: "Bli med i spørsmål og avstemmingar",
    ask: "Still eit spørsmål",
    online: "Tilkopla – blir oppdatert direkte.",
    screenLead: "Still spørsmål og svar på avstemmingar frå mobilen.",
    screenJoin: "Bli med",
    moderation: /^Moderering: /,
    staff: /^Spørsmål og avstemmingar: /,
    upvote: /^Stem fram: «Kven tek imot innspela\?», 1 stemme$/,
    votes: "1 stemme",
    nameMissing: "I dette rommet må du skrive namnet ditt for å stille spørsmål.",
  },
  en: {
    join: "Join questions and polls",
    ask: "Ask a question",
    online: "Connected – updates live.",
    screenLead: "Ask questions and answer polls from your phone.",
    screenJoin: "Join",
    moderation: /^Moderation: /,
    staff: /^Questions and polls: /,
    upvote: /^Upvote: “Kven tek imot innspela\?”, 1 vote$/,
    votes: "1 vote",
    nameMissing: "In this room you must enter your name to ask a question.",
  },
};

async function createEventWithQuestion(title: string): Promise<{ id: string; code: string }> {
  const db = await connectDatabase(DATABASE_URL);
  try {
    const startsAt = new Date(Date.now() + 401 * 24 * 3600_000);
    const event = await db.event.create({
      data: publishedEventData({
        slug: `e2e-live-i18n-${randomBytes(4).toString("hex")}`,
        kind: "WORKSHOP",
        title,
        summary: "Eit verkstad som berre finst i språktesten av direktesidene.",
        startsAt,
        privacyNotice: "Vi bruker opplysningene bare til dette verkstedet.",
      }),
      select: { id: true },
    });
    const code = Array.from(randomBytes(6), (b) => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[b % 31]).join("");
    const room = await db.liveRoom.create({ data: { eventId: event.id, code, title, allowAnonymous: true }, select: { id: true } });
    const question = await db.question.create({
      data: { roomId: room.id, participantId: "e2e-asker", text: "Kven tek imot innspela?", status: "APPROVED", upvoteCount: 1 },
      select: { id: true },
    });
    await db.questionUpvote.create({ data: { questionId: question.id, participantId: "e2e-voter" } });
    return { id: event.id, code };
  } finally {
    await db.$disconnect();
  }
}

async function setLanguage(context: BrowserContext, baseURL: string, lang: Lang) {
  // The cookie the language switch sets (a Remix cookie: base64 of the JSON value).
  await context.addCookies([{ name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), url: baseURL }]);
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

for (const lang of ["nn", "en"] as const) {
  test(`live pages in ${lang}`, async ({ page, context, browser, baseURL }) => {
    test.setTimeout(90_000);
    const text = TEXT[lang];
    const event = await createEventWithQuestion(`Verkstad ${randomBytes(3).toString("hex")} – ${lang}`);

    // The organiser's list and the moderator page (staff).
    await signInAsAdmin(page);
    await setLanguage(context, baseURL!, lang);
    const staffErrors = consoleErrors(page);
    await page.goto(`/admin/events/${event.id}/live`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.staff);
    await page.goto(`/live/${event.code}/moderate`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.moderation);
    await expect(page.getByText(text.online)).toBeVisible();
    await expect(page.getByText(text.votes, { exact: false }).first()).toBeVisible();
    expect(staffErrors).toEqual([]);

    // The audience on a phone and the projector.
    const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    try {
      await setLanguage(phone, baseURL!, lang);
      const p = await phone.newPage();
      const errors = consoleErrors(p);
      await p.goto("/live");
      await expect(p.locator("html")).toHaveAttribute("lang", lang);
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(text.join);
      await p.goto(`/live/${event.code}`);
      await expect(p.locator("html")).toHaveAttribute("lang", lang);
      await expect(p.getByRole("heading", { level: 2, name: text.ask })).toBeVisible();
      await expect(p.getByText(text.online)).toBeVisible();
      await expect(p.getByRole("button", { name: text.upvote })).toBeVisible();
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // A refusal from the server, shown in the page's language: the moderator's setting changes
      // under the phone, which still lets the name be empty.
      const db = await connectDatabase(DATABASE_URL);
      try {
        await db.liveRoom.update({ where: { code: event.code }, data: { allowAnonymous: false } });
      } finally {
        await db.$disconnect();
      }
      await p.getByRole("textbox").first().fill("Kva skjer etterpå?");
      await p.locator("form.live-ask button[type=submit]").click();
      await expect(p.getByRole("alert")).toHaveText(text.nameMissing);

      await p.goto(`/live/${event.code}/screen`);
      await expect(p.getByRole("heading", { level: 2, name: text.screenJoin, exact: true })).toBeVisible();
      // Present mode: the join slide, and no status sentence in the hall.
      await expect(p.getByRole("heading", { level: 2, name: text.screenLead })).toBeVisible();
      await expect(p.locator(".live-present")).toHaveAttribute("data-status", "online");
      await expect(p.getByText(text.online)).toHaveCount(0);
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
}
