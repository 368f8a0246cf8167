// Staff write to an event's attendees: two visitors register for an upcoming dialogue meeting, an
// admin writes to the confirmed attendees, previews, sends, follows the progress to "Sendt",
// and both visitors find the message, with their own personal link, at the SMTP sink.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  expectNoA11yViolations,
  mailsTo,
  ofKind,
  registerByPost,
  uniqueEmail,
  waitForMail,
  type Mail,
} from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

/**
 * The last upcoming demo dialogue meeting open for registration: the waiting-list spec fills the
 * first two and the registration spec counts the workshop's seats, so this one is left alone.
 */
async function lastOpenMeeting(request: APIRequestContext): Promise<string> {
  const home = await request.get("/?kind=DIALOGUE_MEETING");
  expect(home.ok()).toBeTruthy();
  // Only the demo's meetings: other specs make their own events (slugs "e2e-…"), some far ahead.
  const slugs = [...new Set([...(await home.text()).matchAll(/href="\/events\/([a-z0-9-]+)"/g)].map((m) => m[1]))].filter((s) => !s.startsWith("e2e-"));
  for (const slug of slugs.reverse()) {
    const html = await (await request.get(`/events/${slug}`)).text();
    if (html.includes(`href="/events/${slug}/register"`)) return slug;
  }
  throw new Error(`No upcoming dialogue meeting open for registration (found ${slugs.join(", ") || "none"})`);
}

test("an organiser writes to the confirmed attendees, previews, sends and sees it delivered", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = await lastOpenMeeting(request);
  const visitors = [
    { name: "Mari Melding", email: uniqueEmail("melding-a") },
    { name: "Per Post", email: uniqueEmail("melding-b") },
  ];
  const links: string[] = [];
  for (const v of visitors) links.push((await registerByPost(request, slug, v)).replace(/\?ny=1$/, ""));
  for (const v of visitors) await waitForMail(v.email, ofKind("CONFIRMATION"));

  await page.goto(`/events/${slug}`);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  expect(title).not.toBe("");
  await expectNoA11yViolations(page);

  await page.goto("/admin/login");
  await expectNoA11yViolations(page);
  await signInAsAdmin(page);
  await expectNoA11yViolations(page);
  const href = await page.getByRole("link", { name: title, exact: true }).getAttribute("href");
  const eventId = /^\/admin\/events\/([^/]+)$/.exec(href ?? "")?.[1];
  expect(eventId, `the overview links "${title}" to /admin/events/<id> (got ${href})`).toBeTruthy();

  await page.goto(`/admin/events/${eventId}/messages`);
  await expect(page.getByRole("heading", { level: 1, name: "Meldinger til deltakerne" })).toBeVisible();
  await expect(page.getByText(/^Påminnelse:/)).toBeVisible();
  await expect(page.getByText(/Påminnelse: (sendes|sendt|ingen)/)).toBeVisible();
  await expectNoA11yViolations(page);

  // Nothing written yet: the form says what is missing and nothing is previewed.
  await page.getByRole("button", { name: "Forhåndsvis" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Emne: Skriv et emne.");
  await expect(summary).toContainText("Melding: Skriv selve meldingen.");
  await expect(page.getByRole("heading", { name: "Forhåndsvisning" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  const subject = `Ny inngang til salen ${Date.now().toString(36)}`;
  const body = "Inngangen er flyttet til nordsiden av bygget.\n\nVelkommen!";
  await page.getByLabel(/^Bekreftet plass/).check();
  await page.getByLabel("Emne").fill(subject);
  await page.getByLabel("Melding", { exact: true }).fill(body);
  await page.getByRole("button", { name: "Forhåndsvis" }).click();

  await expect(page.getByRole("heading", { name: "Forhåndsvisning" })).toBeVisible();
  const preview = page.getByTestId("message-preview");
  await expect(preview).toContainText(`Emne: ${subject}`);
  await expect(preview).toContainText("Inngangen er flyttet til nordsiden av bygget.");
  await expect(preview).toContainText(/Hei .+,/);
  await expect(preview).toContainText("/registrations/PERSONLIG-LENKE");
  await expect(preview).toContainText(`Arrangement: ${title}`);
  const sendButton = page.getByRole("button", { name: /^Send til \d+ mottakere?$/ });
  const recipients = Number(/(\d+)/.exec((await sendButton.textContent()) ?? "")?.[1]);
  expect(recipients).toBeGreaterThanOrEqual(2);
  await expectNoA11yViolations(page);

  await sendButton.click();
  await expect(page.getByRole("status").filter({ hasText: `Meldingen «${subject}» er lagt i kø til ${recipients} mottakere.` })).toBeVisible();
  // A fresh form for the next message.
  await expect(page.getByLabel("Emne")).toHaveValue("");
  await expect(page.getByRole("heading", { name: "Forhåndsvisning" })).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${recipients} (bekreftet plass)`);
  // The page follows the outbox by itself until every mail is out.
  await expect(row.getByRole("cell", { name: "Sendt", exact: true })).toBeVisible({ timeout: 45_000 });
  await expectNoA11yViolations(page);

  const isOurs = (m: Mail) => m.headers["X-Samhandling-Kind"] === "MESSAGE" && m.subject === subject;
  for (const [i, v] of visitors.entries()) {
    const mail = await waitForMail(v.email, isOurs);
    expect(mail.text).toContain(`Hei ${v.name},`);
    expect(mail.text).toContain("Inngangen er flyttet til nordsiden av bygget.\n\nVelkommen!");
    expect(mail.text).toContain(`${links[i]}\n`);
    expect(mail.html).toContain(`${links[i]}"`);
    for (const other of links.filter((_, j) => j !== i)) expect(mail.text).not.toContain(other);
  }

  // Reloading the page after sending does not send again.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(1);
  for (const v of visitors) {
    const mails = await mailsTo(v.email);
    expect(mails.filter(isOurs)).toHaveLength(1);
  }
});
