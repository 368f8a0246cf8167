// The real server over HTTP: health, security headers, and hostile input that must get a
// readable 400 and store nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../test/factories";
import { testServerEnv } from "../test/test-server";
import { startServer, type RunningServer } from "./app";

const quiet = { info: () => {}, warn: () => {}, error: console.error };

function serverEnv(extra: Record<string, string> = {}) {
  return testServerEnv("http", extra);
}

let server: RunningServer;
let slug: string;
let eventId: string;

beforeAll(async () => {
  server = await startServer(serverEnv(), quiet);
  const event = await createEvent({ capacity: 5 });
  slug = event.slug;
  eventId = event.id;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields);
}

const valid = {
  name: "Kari Nordmann",
  email: "kari@example.no",
  phone: "+47 123 45 678",
  organisation: "",
  diet: "",
  accessibility: "",
  privacyConsent: "on",
  website: "",
};

async function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, { method: "POST", body, headers, redirect: "manual" });
}

async function storedFor(email: string) {
  const [registrations, mails] = await Promise.all([
    db().registration.count({ where: { eventId, emailNormalized: email.toLowerCase() } }),
    db().outboxMessage.count({ where: { toAddress: email } }),
  ]);
  return registrations + mails;
}

describe("the server", () => {
  it("answers /healthz when the database is reachable", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("sets security headers, with a per-response CSP nonce on every script", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${server.url}/`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("answers an unknown event with 404 and a readable page", async () => {
    const res = await fetch(`${server.url}/events/finnes-ikke`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Vi fant ikke dette arrangementet.");
  });

  it("keeps the personal page private", async () => {
    const res = await fetch(`${server.url}/registrations/${"A".repeat(43)}`);
    expect(res.status).toBe(404);
  });

  it("serves calendars as text/calendar", async () => {
    for (const path of [`/events/${slug}/calendar.ics`, `/events/${slug}/programme.ics`, "/calendar.ics"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(await res.text()).toMatch(/^BEGIN:VCALENDAR/);
    }
  });
});

describe("hostile and malformed registrations get a readable 400 and store nothing", () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ["an invalid e-mail", { ...valid, email: "kari@@example" }, "Skriv inn en gyldig e-postadresse"],
    ["a 100 kB name", { ...valid, name: "x".repeat(100_000) }, "Teksten er for lang"],
    ["a 100 kB answer", { ...valid, diet: "ø".repeat(100_000) }, "Teksten er for lang"],
    ["a script tag", { ...valid, name: '<script>alert("x")</script>' }, "Teksten inneholder tegn vi ikke kan ta imot"],
    ["markup in an answer", { ...valid, accessibility: '<img src=x onerror="alert(1)">' }, "Teksten inneholder tegn vi ikke kan ta imot"],
    ["no consent", { ...valid, privacyConsent: "" }, "Du må godta personvernerklæringen"],
    ["a wrong consent value", { ...valid, privacyConsent: "yes please" }, "Du må godta personvernerklæringen"],
    ["a bad phone number", { ...valid, phone: "ring meg" }, "Skriv inn et gyldig mobilnummer"],
    ["an empty name", { ...valid, name: "   " }, "Skriv inn navnet ditt"],
    ["a filled honeypot", { ...valid, website: "http://spam.example" }, "Vi kunne ikke lese skjemaet"],
  ];
  for (const [label, fields, message] of cases) {
    it(label, async () => {
      const email = `hostile-${label.replace(/\W+/g, "-")}@example.no`;
      const res = await post(`/events/${slug}/register`, form({ ...fields, email: fields.email === valid.email ? email : fields.email }));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(message);
      expect(await storedFor(email)).toBe(0);
    });
  }

  it("a JSON body", async () => {
    const res = await post(`/events/${slug}/register`, JSON.stringify({ ...valid, name: 42, email: ["a"] }), {
      "content-type": "application/json",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Vi kunne ikke lese skjemaet");
    expect(await db().registration.count({ where: { eventId } })).toBe(0);
  });

  it("a file where text belongs", async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ ...valid, email: "file@example.no" })) if (k !== "name") body.set(k, v);
    body.set("name", new Blob(["Kari"], { type: "text/plain" }), "name.txt");
    const res = await post(`/events/${slug}/register`, body);
    expect(res.status).toBe(400);
    expect(await storedFor("file@example.no")).toBe(0);
  });

  it("a body over 1 MB is refused before it is read", async () => {
    const res = await post(`/events/${slug}/register`, form({ ...valid, name: "x".repeat(2_000_000) }));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("for stort");
  });

  it("a valid registration goes through and lands on the personal page", async () => {
    const res = await post(`/events/${slug}/register`, form({ ...valid, email: "ok@example.no" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/registrations\/[A-Za-z0-9_-]{43}\?ny=1$/);
    const reg = await db().registration.findFirstOrThrow({ where: { eventId, emailNormalized: "ok@example.no" } });
    expect(reg.phone).toBe("+4712345678");
    const page = await fetch(`${server.url}${res.headers.get("location")}`);
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(await page.text()).toContain("Du er påmeldt");
  });
});

describe("the registration rate limit", () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer(serverEnv({ REGISTRATION_RATE_LIMIT: "2" }), quiet);
  }, 60_000);
  afterAll(async () => {
    await limited?.close();
  });

  it("refuses the third attempt from one address with 429 and a readable message", async () => {
    const send = (n: number) =>
      fetch(`${limited.url}/events/${slug}/register`, {
        method: "POST",
        body: form({ ...valid, email: `rate-${n}@example.no` }),
        redirect: "manual",
      });
    expect((await send(1)).status).toBe(302);
    expect((await send(2)).status).toBe(302);
    const third = await send(3);
    expect(third.status).toBe(429);
    expect(await third.text()).toContain("Det er sendt for mange påmeldinger");
    expect(await storedFor("rate-3@example.no")).toBe(0);
  });
});
