// Staff sign-in with OpenID Connect against a real provider (test/oidc-provider.ts) and the
// real server over HTTP: the browser's part is played by fetch with a cookie jar per origin.
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/modules/audit/audit.server";
import { config, setConfig } from "~/utils/config.server";
import { db } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { startServer, type RunningServer } from "../../../server/app";
import { startOidcProvider, TEST_CLIENT, type RunningProvider } from "../../../test/oidc-provider";
import { allowsInsecureIssuer } from "./oidc.server";
import { inviteStaff } from "./staff.server";

const ACCOUNTS = [
  { sub: "entra-kari-1", email: "kari.invitert@kristiansand.test", email_verified: true, name: "Kari Invitert" },
  { sub: "entra-ola-2", email: "ola.ukjent@kristiansand.test", email_verified: true, name: "Ola Ukjent" },
  { sub: "entra-per-3", email: "per.uverifisert@kristiansand.test", email_verified: false, name: "Per Uverifisert" },
  { sub: "entra-siri-4", email: "siri.tuklet@kristiansand.test", email_verified: true, name: "Siri Tuklet" },
  { sub: "entra-lise-5", email: "Lise.Stor@Eksempelby.test", name: "Lise Stor" },
];

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/** A browser's cookies, one jar per origin (enough for two servers on different ports). */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  cookieHeader(url: string): string {
    const jar = this.jars.get(new URL(url).origin) ?? new Map<string, string>();
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = this.cookieHeader(url);
    if (cookies) headers.set("Cookie", cookies);
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
}

let provider: RunningProvider;
let server: RunningServer;
let appUrl: string;

beforeAll(async () => {
  const [providerPort, appPort] = [await freePort(), await freePort()];
  appUrl = `http://127.0.0.1:${appPort}`;
  provider = await startOidcProvider({
    port: providerPort,
    host: "127.0.0.1",
    redirectUris: [`${appUrl}/admin/oidc/callback`],
    accounts: ACCOUNTS,
  });
  server = await startServer(
    parseEnv({
      NODE_ENV: "production",
      PORT: String(appPort),
      HOST: "127.0.0.1",
      BASE_URL: appUrl,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      DATA_DIR: mkdtempSync(join(tmpdir(), "samhandling-oidc-")),
      SEED_DEMO: "false",
      OUTBOX_POLL_SECONDS: "3600",
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.clientId,
      OIDC_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    }),
    quiet,
  );
  setConfig({ ...config(), cookieSecret: "oidc-test-cookie-secret-0123456789abcdef" });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await provider?.close();
});

/** Presses "Logg inn med kommunens konto": the app answers with the provider's address. */
async function startAtApp(browser: Browser, redirectTo = "/admin"): Promise<string> {
  const res = await browser.fetch(`${appUrl}/admin/login/oidc`, {
    method: "POST",
    body: new URLSearchParams({ redirectTo }),
  });
  expect(res.status).toBe(302);
  const location = res.headers.get("location")!;
  expect(location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
  return location;
}

/**
 * Plays the person at the provider: signs in as `login` and gives consent, until the provider
 * sends the browser back to the app. Returns the callback address (with code and state).
 */
async function signInAtProvider(browser: Browser, authUrl: string, login: string): Promise<string> {
  let url = authUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(appUrl)) return url;
    const res = await browser.fetch(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location")!, url).href;
      continue;
    }
    expect(res.status, `the provider's page at ${url}`).toBe(200);
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
    expect(action, "a form on the provider's page").toBeTruthy();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const fields: Record<string, string> =
      prompt === "login" ? { prompt, login, password: "hva-som-helst" } : { prompt: prompt ?? "consent" };
    const posted = await browser.fetch(new URL(action!, url).href, {
      method: "POST",
      body: new URLSearchParams(fields),
    });
    expect(posted.status).toBeGreaterThanOrEqual(300);
    url = new URL(posted.headers.get("location")!, url).href;
  }
  throw new Error("the provider never sent the browser back to the app");
}

async function sessionOpensAdmin(browser: Browser): Promise<boolean> {
  const res = await browser.fetch(`${appUrl}/admin`);
  return res.status === 200 && (await res.text()).includes("Arbeidsflate for ansatte");
}

async function invite(email: string, role: "ORGANISER" | "MODERATOR" = "ORGANISER") {
  const result = await inviteStaff(SYSTEM_ACTOR, { email, name: email.split("@")[0]!, role });
  if (!result.ok) throw new Error(`could not invite ${email}`);
  return result.id;
}

describe("staff sign-in with OpenID Connect", () => {
  it("signs in an invited staff member, links the account and lands where they were going", async () => {
    const id = await invite("kari.invitert@kristiansand.test");
    const browser = new Browser();
    const authUrl = await startAtApp(browser, "/admin/staff?side=2");
    const params = new URL(authUrl).searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();
    expect(params.get("redirect_uri")).toBe(`${appUrl}/admin/oidc/callback`);
    expect(params.get("scope")).toBe("openid email profile");
    expect(browser.cookie(appUrl, "staff_oidc")).toBeTruthy();

    const callback = await signInAtProvider(browser, authUrl, "entra-kari-1");
    expect(await sessionOpensAdmin(browser)).toBe(false);
    const res = await browser.fetch(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/staff?side=2");
    expect(browser.cookie(appUrl, "staff_session")).toBeTruthy();
    expect(browser.cookie(appUrl, "staff_oidc")).toBeUndefined();
    expect(await sessionOpensAdmin(browser)).toBe(true);

    const user = await db().staffUser.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: "entra-kari-1", inviteTokenHash: null });
    expect(user.lastSignInAt).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "staff.oidc-link", targetId: id } })).toBe(1);
  });

  it("signs a linked staff member in again by subject, without linking twice", async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, await startAtApp(browser), "entra-kari-1");
    const res = await browser.fetch(callback);
    expect(res.headers.get("location")).toBe("/admin");
    expect(await sessionOpensAdmin(browser)).toBe(true);
    const user = await db().staffUser.findUniqueOrThrow({ where: { email: "kari.invitert@kristiansand.test" } });
    expect(await db().auditLog.count({ where: { action: "staff.oidc-link", targetId: user.id } })).toBe(1);
  });

  it("links by e-mail regardless of case when the provider sends no email_verified claim", async () => {
    const id = await invite("lise.stor@eksempelby.test", "MODERATOR");
    const browser = new Browser();
    const res = await browser.fetch(await signInAtProvider(browser, await startAtApp(browser), "entra-lise-5"));
    expect(res.headers.get("location")).toBe("/admin");
    expect(await sessionOpensAdmin(browser)).toBe(true);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id } })).oidcSubject).toBe("entra-lise-5");
  });

  it("refuses a person who is not staff, with a message on the login page and no session", async () => {
    const before = await db().staffSession.count();
    const browser = new Browser();
    const res = await browser.fetch(await signInAtProvider(browser, await startAtApp(browser), "entra-ola-2"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/login?error=oidc-unknown");
    expect(browser.cookie(appUrl, "staff_session")).toBeUndefined();
    expect(await db().staffSession.count()).toBe(before);
    expect(await db().staffUser.count({ where: { email: "ola.ukjent@kristiansand.test" } })).toBe(0);
    const page = await browser.fetch(`${appUrl}/admin/login?error=oidc-unknown`);
    expect(await page.text()).toContain("Kontoen din hos kommunen er ikke gitt tilgang her");
  });

  it("does not link an invited account by an e-mail the provider marks as unverified", async () => {
    const id = await invite("per.uverifisert@kristiansand.test");
    const browser = new Browser();
    const res = await browser.fetch(await signInAtProvider(browser, await startAtApp(browser), "entra-per-3"));
    expect(res.headers.get("location")).toBe("/admin/login?error=oidc-unknown");
    expect(await sessionOpensAdmin(browser)).toBe(false);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id } })).oidcSubject).toBeNull();
  });

  it("refuses a callback whose state was tampered with", async () => {
    const id = await invite("siri.tuklet@kristiansand.test");
    const browser = new Browser();
    const callback = new URL(await signInAtProvider(browser, await startAtApp(browser), "entra-siri-4"));
    callback.searchParams.set("state", "x".repeat(43));
    const res = await browser.fetch(callback.href);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/login?error=oidc-failed");
    expect(browser.cookie(appUrl, "staff_session")).toBeUndefined();
    expect(await sessionOpensAdmin(browser)).toBe(false);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id } })).oidcSubject).toBeNull();
    const page = await browser.fetch(`${appUrl}/admin/login?error=oidc-failed`);
    expect(await page.text()).toContain("Innloggingen hos kommunen mislyktes");
  });

  it("refuses a callback without the browser's sign-in cookie (a code sent to someone else)", async () => {
    const attacker = new Browser();
    const callback = await signInAtProvider(attacker, await startAtApp(attacker), "entra-siri-4");
    const victim = new Browser();
    const res = await victim.fetch(callback);
    expect(res.headers.get("location")).toBe("/admin/login?error=oidc-failed");
    expect(await sessionOpensAdmin(victim)).toBe(false);
  });

  it("refuses a forged sign-in cookie", async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, await startAtApp(browser), "entra-siri-4");
    const forged = Buffer.from(
      JSON.stringify({
        state: "s".repeat(43),
        nonce: "n".repeat(43),
        codeVerifier: "v".repeat(43),
        redirectTo: "/admin",
      }),
    ).toString("base64");
    const url = new URL(callback);
    url.searchParams.set("state", "s".repeat(43));
    const res = await fetch(url, { headers: { Cookie: `staff_oidc=${forged}` }, redirect: "manual" });
    expect(res.headers.get("location")).toBe("/admin/login?error=oidc-failed");
    expect(res.headers.getSetCookie().some((c) => c.startsWith("staff_session="))).toBe(false);
  });

  it("never sends the browser to another site after signing in", async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, await startAtApp(browser, "//evil.example/admin"), "entra-kari-1");
    const res = await browser.fetch(callback);
    expect(res.headers.get("location")).toBe("/admin");
  });

  it("reports the provider's refusal (the person cancelled) as a failed sign-in", async () => {
    const browser = new Browser();
    const authUrl = await startAtApp(browser);
    const state = new URL(authUrl).searchParams.get("state")!;
    const res = await browser.fetch(
      `${appUrl}/admin/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(res.headers.get("location")).toBe("/admin/login?error=oidc-failed");
  });
});

describe("plain http to the provider", () => {
  it("is allowed only for a provider on this machine", () => {
    expect(allowsInsecureIssuer(new URL("http://127.0.0.1:2528"))).toBe(true);
    expect(allowsInsecureIssuer(new URL("http://localhost:2528"))).toBe(true);
    expect(allowsInsecureIssuer(new URL("http://login.microsoftonline.com/tenant/v2.0"))).toBe(false);
    expect(allowsInsecureIssuer(new URL("http://localhost.evil.example"))).toBe(false);
    expect(allowsInsecureIssuer(new URL("https://login.microsoftonline.com/tenant/v2.0"))).toBe(false);
  });
});
