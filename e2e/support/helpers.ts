// Shared helpers for the browser tests: the mailbox of the SMTP sink, axe checks, unique
// addresses, finding demo events, calendar parsing and registering without a browser.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import ICAL from "ical.js";

const MAILBOX_URL = `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT ?? 2527}`;

export type Mail = {
  to: string;
  envelopeTo: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: { "X-Samhandling-Kind": string };
  attachments: Array<{ filename: string; contentType: string; content: string }>;
};

export type MailKind = "CONFIRMATION" | "WAITLISTED" | "PROMOTED" | "CANCELLED" | "LINK";

/** Every message the sink has received for an address, oldest first. */
export async function mailsTo(to: string): Promise<Mail[]> {
  const res = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`Mailbox answered ${res.status}`);
  return (await res.json()) as Mail[];
}

/** Polls the mailbox until a message to `to` matches, and returns it. */
export async function waitForMail(
  to: string,
  predicate: (mail: Mail) => boolean = () => true,
  timeout = 20_000,
): Promise<Mail> {
  const deadline = Date.now() + timeout;
  let seen: Mail[] = [];
  for (let delay = 100; ; delay = Math.min(delay * 2, 500)) {
    seen = await mailsTo(to);
    const found = seen.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) break;
    await new Promise((ok) => setTimeout(ok, delay));
  }
  throw new Error(
    `No matching mail to ${to} within ${timeout} ms. Received: ${JSON.stringify(
      seen.map((m) => ({ kind: m.headers["X-Samhandling-Kind"], subject: m.subject })),
    )}`,
  );
}

export const ofKind = (kind: MailKind) => (mail: Mail) => mail.headers["X-Samhandling-Kind"] === kind;

/** The personal link (/registrations/<token>) in a mail's text part. */
export function personalLink(mail: Mail): string {
  const m = /https?:\/\/[^\s]+\/registrations\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!m) throw new Error(`No personal link in the mail "${mail.subject}":\n${mail.text}`);
  return m[0];
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Fails listing every WCAG 2.1 A/AA violation axe finds on the page as it is now.
 *
 * axe runs as a script in the page, which a context with `javaScriptEnabled: false` refuses.
 * For such a page pass `{ javaScriptDisabled: true }`: the rendered document (scripts removed)
 * is then checked in a separate context at the same URL, so styles and relative links resolve
 * exactly as on the real page.
 */
export async function expectNoA11yViolations(
  page: Page,
  options: { javaScriptDisabled?: boolean; label?: string } = {},
): Promise<void> {
  let violations: Array<{ id: string; impact: unknown; help: string; targets: string[] }>;
  if (options.javaScriptDisabled) {
    const url = page.url();
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser();
    if (!browser) throw new Error("expectNoA11yViolations: no browser for a snapshot context");
    // Explicit: the test runner gives new contexts the test's options, javaScriptEnabled included.
    const context = await browser.newContext({ javaScriptEnabled: true, locale: "nb-NO", timezoneId: "Europe/Oslo" });
    try {
      const copy = await context.newPage();
      await copy.route(
        (u) => u.href === url,
        (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
      );
      await copy.goto(url);
      violations = summarise(await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze());
    } finally {
      await context.close();
    }
  } else {
    violations = summarise(await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze());
  }
  expect(
    violations,
    `Accessibility violations on ${options.label ?? page.url()}:\n${JSON.stringify(violations, null, 2)}`,
  ).toEqual([]);
}

function summarise(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

/** An address nobody else in the run uses. */
export function uniqueEmail(tag = "deltaker"): string {
  return `e2e-${tag}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}@eksempel.no`;
}

export type EventKind = "CONFERENCE" | "DIALOGUE_MEETING" | "WORKSHOP";

/**
 * The slug of the first upcoming demo event of a kind (in the order the home page lists them) whose
 * page offers registration, optionally with exactly `seats` free seats.
 */
export async function findUpcomingEvent(
  request: APIRequestContext,
  kind: EventKind,
  options: { seats?: number } = {},
): Promise<string> {
  const home = await request.get(`/?kind=${kind}`);
  expect(home.ok()).toBeTruthy();
  // Only the demo's events: other specs make their own (slugs "e2e-…") while this one runs.
  const slugs = [...new Set([...(await home.text()).matchAll(/href="\/events\/([a-z0-9-]+)"/g)].map((m) => m[1]))].filter((s) => !s.startsWith("e2e-"));
  for (const slug of slugs) {
    const html = await (await request.get(`/events/${slug}`)).text();
    if (!html.includes(`href="/events/${slug}/register"`)) continue;
    if (options.seats !== undefined && !html.includes(`>${options.seats} ledige plasser<`)) continue;
    return slug;
  }
  throw new Error(
    `No upcoming ${kind} open for registration${options.seats !== undefined ? ` with ${options.seats} free seats` : ""} (found ${slugs.join(", ") || "none"})`,
  );
}

export type RegistrationFields = {
  name: string;
  email: string;
  phone?: string;
  organisation?: string;
  diet?: string;
  accessibility?: string;
  newsletter?: boolean;
};

/**
 * Posts the registration form as a browser without JavaScript would, and returns where the
 * server sent the person (the personal page on success).
 */
export async function registerByPost(request: APIRequestContext, slug: string, f: RegistrationFields): Promise<string> {
  const form: Record<string, string> = {
    name: f.name,
    email: f.email,
    phone: f.phone ?? "",
    organisation: f.organisation ?? "",
    diet: f.diet ?? "",
    accessibility: f.accessibility ?? "",
    privacyConsent: "on",
    website: "",
  };
  if (f.newsletter) form.newsletter = "on";
  const res = await request.post(`/events/${slug}/register`, { form, maxRedirects: 0 });
  expect(res.status(), `registering ${f.email}: ${res.status()}`).toBe(302);
  const location = res.headers()["location"];
  expect(location).toMatch(/^\/registrations\/[A-Za-z0-9_-]+\?ny=1$/);
  return location;
}

export type ParsedCalendar = {
  method: string;
  timezones: string[];
  events: Array<{ summary: string; uid: string; status: string | null; sequence: number; startTzid: string | null }>;
};

/** Parses an iCalendar text with ical.js (throws if it is not valid iCalendar). */
export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const timezones = root.getAllSubcomponents("vtimezone").map((tz) => String(tz.getFirstPropertyValue("tzid")));
  const events = root.getAllSubcomponents("vevent").map((ve) => {
    const event = new ICAL.Event(ve);
    const dtstart = ve.getFirstProperty("dtstart");
    const tzid = dtstart?.getParameter("tzid");
    const status = ve.getFirstPropertyValue("status");
    return {
      summary: event.summary,
      uid: event.uid,
      status: status == null ? null : String(status),
      sequence: event.sequence,
      startTzid: typeof tzid === "string" ? tzid : null,
    };
  });
  return { method: String(root.getFirstPropertyValue("method") ?? ""), timezones, events };
}

/** The calendar attachment of a mail, parsed. */
export function mailCalendar(mail: Mail): ParsedCalendar & { filename: string; contentType: string } {
  const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename.endsWith(".ics"));
  if (!ics) throw new Error(`No .ics attachment in "${mail.subject}" (${mail.attachments.map((a) => a.filename).join(", ")})`);
  expect(ics.filename).toMatch(/\.ics$/);
  return { ...parseCalendar(ics.content), filename: ics.filename, contentType: ics.contentType };
}
