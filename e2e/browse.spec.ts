// Browsing the public pages: the event lists, the 2022 conference with its programme and
// speakers, calendar files, languages and the 404 page. Reads demo content only.
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, parseCalendar } from "./support/helpers";

const CONFERENCE = "/events/samhandlingskonferansen-2022";

test("the home page lists the upcoming events in bokmål", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page).toHaveTitle(/Kommende arrangementer – Samhandling/);
  await expect(page.getByRole("heading", { level: 1, name: "Kommende arrangementer" })).toBeVisible();

  const meetings = page.getByRole("link", { name: /^Dialogmøte med formannskapet – / });
  await expect(meetings.first()).toBeVisible();
  expect(await meetings.count()).toBeGreaterThanOrEqual(2);
  for (const href of await meetings.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^\/events\/dialogmote-[a-z0-9-]+-\d{4}-\d{2}$/);
  }
  await expect(page.getByRole("link", { name: /^Dialogverksted: Frivilligheten og kommunen/ })).toBeVisible();
  // The 2022 conference is over, so it is not among the upcoming events.
  await expect(page.getByRole("link", { name: "Samhandlingskonferansen 2022" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The calendar subscription: a webcal: link and the feed itself, which is valid iCalendar.
  const webcal = page.getByRole("link", { name: "Abonner på kalenderen" });
  await expect(webcal).toHaveAttribute("href", /^webcal:\/\/localhost:\d+\/calendar\.ics$/);
  await expect(page.getByRole("link", { name: /Kalenderstrøm \(iCalendar\)/ })).toHaveAttribute("href", "/calendar.ics");
  const feed = await request.get("/calendar.ics");
  expect(feed.ok()).toBeTruthy();
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const calendar = parseCalendar(await feed.text());
  expect(calendar.events.map((e) => e.summary)).toContain(
    await meetings.first().textContent().then((t) => t?.trim()),
  );
  expect(calendar.events.map((e) => e.summary)).not.toContain("Samhandlingskonferansen 2022");

  // Filtering by kind.
  await page.getByLabel("Vis", { exact: true }).selectOption({ label: "Dialogverksted" });
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/\?kind=WORKSHOP$/);
  await expect(page.getByRole("link", { name: /^Dialogverksted: Frivilligheten og kommunen/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Dialogmøte med formannskapet/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("past events include the 2022 conference", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Vis tidligere arrangementer" }).click();
  await expect(page).toHaveURL(/\?past=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tidligere arrangementer" })).toBeVisible();
  const conference = page.getByRole("link", { name: "Samhandlingskonferansen 2022" });
  await expect(conference).toBeVisible();
  await expect(page.getByText("torsdag 27. oktober 2022, kl. 09.00 – fredag 28. oktober 2022, kl. 15.30")).toBeVisible();
  await expect(page.getByRole("link", { name: "Vis kommende arrangementer" })).toBeVisible();
  await expectNoA11yViolations(page);

  await conference.click();
  await expect(page).toHaveURL(CONFERENCE);
  await expect(page.getByRole("heading", { level: 1, name: "Samhandlingskonferansen 2022" })).toBeVisible();
});

test("the conference page shows the programme day by day, with calendar files", async ({ page, request }) => {
  await page.goto(CONFERENCE);
  await expect(page.getByRole("heading", { level: 1, name: "Samhandlingskonferansen 2022" })).toBeVisible();
  await expect(page.getByText("Dette arrangementet er over.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Meld deg på" })).toHaveCount(0);

  await expect(page.getByRole("heading", { level: 2, name: "Program" })).toBeVisible();
  const dayHeadings = page.getByRole("heading", { level: 3 });
  await expect(dayHeadings).toHaveText(["torsdag 27. oktober 2022", "fredag 28. oktober 2022"]);

  const thursday = page.getByRole("region", { name: "torsdag 27. oktober 2022" });
  const opening = thursday.getByRole("listitem").filter({ hasText: "Åpning: Vi må forlate kontorstolen" });
  await expect(opening.locator("time")).toHaveText("09.00–09.30");
  await expect(opening).toContainText("Foredrag · Sted: Store sal");
  await expect(opening.getByRole("link", { name: "Jan Oddvar Skisland" })).toBeVisible();
  // Every slot time is "hh.mm–hh.mm" with an en dash.
  for (const text of await page.locator(".programme time").allTextContents()) {
    expect(text).toMatch(/^\d{2}\.\d{2}–\d{2}\.\d{2}$/);
  }
  const friday = page.getByRole("region", { name: "fredag 28. oktober 2022" });
  await expect(friday.getByRole("heading", { level: 4, name: "Livskvalitet og verdighet – sammen" })).toBeVisible();
  await expect(thursday.getByRole("heading", { name: "Livskvalitet og verdighet – sammen" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  // Calendar files: the event and the whole programme, both valid iCalendar in Oslo time.
  const eventIcs = page.getByRole("link", { name: "Legg i kalenderen (.ics)" });
  await expect(eventIcs).toHaveAttribute("href", `${CONFERENCE}/calendar.ics`);
  const programmeIcs = page.getByRole("link", { name: "Hele programmet i kalenderen (.ics)" });
  await expect(programmeIcs).toHaveAttribute("href", `${CONFERENCE}/programme.ics`);

  const single = await request.get(`${CONFERENCE}/calendar.ics`);
  expect(single.ok()).toBeTruthy();
  expect(single.headers()["content-type"]).toContain("text/calendar");
  const cal = parseCalendar(await single.text());
  expect(cal.events).toHaveLength(1);
  expect(cal.events[0].summary).toBe("Samhandlingskonferansen 2022");
  expect(cal.events[0].startTzid).toBe("Europe/Oslo");
  expect(cal.timezones).toContain("Europe/Oslo");

  const programme = parseCalendar(await (await request.get(`${CONFERENCE}/programme.ics`)).text());
  expect(programme.events.map((e) => e.summary)).toContain("Åpning: Vi må forlate kontorstolen");
  expect(programme.events.length).toBeGreaterThan(10);
});

test("speakers list and a speaker's page", async ({ page }) => {
  await page.goto(CONFERENCE);
  await page.getByRole("link", { name: "Se alle foredragsholdere" }).click();
  await expect(page).toHaveURL(`${CONFERENCE}/speakers`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Foredragsholdere – Samhandlingskonferansen 2022" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 }).getByRole("link")).toContainText([
    "Jan Oddvar Skisland",
    "Ottar Ness",
  ]);
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Ottar Ness" }).click();
  await expect(page).toHaveURL(`${CONFERENCE}/speakers/ottar-ness`);
  await expect(page.getByRole("heading", { level: 1, name: "Ottar Ness" })).toBeVisible();
  await expect(page.getByText("Professor i rådgivningsvitenskap, NTNU")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "På programmet" })).toBeVisible();
  const session = page.getByRole("listitem").filter({ hasText: "Livskvalitet og verdighet – sammen" });
  await expect(session).toContainText("fredag 28. oktober 2022, kl. 10.30–11.30");
  await expectNoA11yViolations(page);

  // A session links back to its place in the programme.
  await session.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${CONFERENCE}#item-`));
  await expect(page.getByRole("heading", { level: 4, name: "Livskvalitet og verdighet – sammen" })).toBeInViewport();
});

test("switching language to nynorsk and english", async ({ page }) => {
  await page.goto(CONFERENCE);
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("button", { name: "Bokmål" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page).toHaveURL(CONFERENCE); // stays on the same page
  await expect(page.getByRole("button", { name: "Nynorsk" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("link", { name: "Sjå alle føredragshaldarane" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se alle foredragsholdere" })).toHaveCount(0);
  await expect(page.getByText("Føredrag · Stad: Store sal").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Arrangement", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nn"); // remembered in a cookie
  await expect(page.getByRole("heading", { level: 1, name: "Kommande arrangement" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vis tidlegare arrangement" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Upcoming events" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Show past events" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto(CONFERENCE);
  await expect(page.getByRole("heading", { level: 2, name: "Programme" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["Thursday 27 October 2022", "Friday 28 October 2022"]);
  await expect(page.locator(".programme time").first()).toHaveText("09:00–09:30");
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Bokmål" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { level: 2, name: "Program" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText("torsdag 27. oktober 2022");
});

test("an unknown event or speaker gives a 404 page", async ({ page }) => {
  const response = await page.goto("/events/finnes-ikke-2099");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { level: 1, name: "Siden finnes ikke" })).toBeVisible();
  await expect(page.getByText("Vi fant ikke dette arrangementet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Til forsiden" })).toHaveAttribute("href", "/");
  await expectNoA11yViolations(page);

  const speaker = await page.goto(`${CONFERENCE}/speakers/finnes-ikke`);
  expect(speaker?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Siden finnes ikke" })).toBeVisible();
  await expect(page.getByText("Vi fant ikke denne foredragsholderen.")).toBeVisible();
  await expectNoA11yViolations(page);

  // The demo's draft conference (next year's) exists but is not public.
  const year = new Date().getFullYear();
  for (const y of [year, year + 1, year + 2]) {
    expect((await page.request.get(`/events/samhandlingskonferansen-${y}`)).status()).toBe(404);
  }
});
