// The sign-in limit (decision 008, "Sign-in"): failed attempts count per address and account
// (strict), per address across accounts, and per account only as a brake that a stranger cannot
// turn into a lock-out. The address is the load context's (Express's req.ip), never a header.
import type { AppLoadContext } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { action } from "../../routes/admin_.login";
import { createLoginLimit } from "./login-limit.server";
import { hashPassword } from "./password.server";

const PASSWORD = "riktig-passord-12345";

async function staffUser() {
  const email = `login-${randomBytes(4).toString("hex")}@kommune.no`;
  await db().staffUser.create({ data: { email, name: "Liv Logg", role: "ORGANISER", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

const randomAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomBytes(3).toString("hex")}`;

const signIn = async (email: string, password: string, clientAddress: string, headers: Record<string, string> = {}) => {
  const res = await action({
    request: new Request("https://samhandling.test/admin/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ email, password }),
    }),
    params: {},
    context: { cspNonce: "", clientAddress, registrationRateLimited: false } as AppLoadContext,
  });
  return res instanceof Response ? res.status : ((res as { init?: { status?: number } }).init?.status ?? 200);
};

describe("the sign-in rate limit", () => {
  it("never stops successful sign-ins", async () => {
    const email = await staffUser();
    const address = randomAddress();
    for (let i = 0; i < 15; i++) expect(await signIn(email, PASSWORD, address)).toBe(302);
  });

  it("stops an address after 10 failed attempts on an account, even with the right password", async () => {
    const email = await staffUser();
    const address = randomAddress();
    for (let i = 0; i < 10; i++) expect(await signIn(email, "feil-passord-0000", address)).toBe(401);
    expect(await signIn(email, PASSWORD, address)).toBe(429);
  });

  it("ignores X-Forwarded-For: a rotating header does not buy more guesses", async () => {
    const email = await staffUser();
    const address = randomAddress();
    for (let i = 0; i < 10; i++) {
      expect(await signIn(email, "feil-passord-0000", address, { "X-Forwarded-For": `203.0.113.${i}` })).toBe(401);
    }
    expect(await signIn(email, "feil-passord-0000", address, { "X-Forwarded-For": "203.0.113.99" })).toBe(429);
  });

  it("a stranger's failed attempts do not lock the real person out", async () => {
    const email = await staffUser();
    const stranger = randomAddress();
    for (let i = 0; i < 12; i++) await signIn(email, "feil-passord-0000", stranger);
    expect(await signIn(email, "feil-passord-0000", stranger)).toBe(429);
    expect(await signIn(email, PASSWORD, randomAddress())).toBe(302);
  });
});

describe("the sign-in limit's rules", () => {
  const small = { perAddressAndAccount: 3, perAddress: 5, accountBrakeAfter: 4, accountDelayStepMs: 100, accountDelayMaxMs: 300, windowSeconds: 60 };

  it("limits one address across accounts", async () => {
    const limit = createLoginLimit(small);
    for (let i = 0; i < 5; i++) expect((await limit.attempt("a", `person${i}@kommune.no`)).allowed).toBe(true);
    expect((await limit.attempt("a", "person9@kommune.no")).allowed).toBe(false);
    expect((await limit.attempt("b", "person9@kommune.no")).allowed).toBe(true);
  });

  it("brakes an account attacked from many addresses with a growing, capped pause, never a refusal", async () => {
    const limit = createLoginLimit(small);
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const verdict = await limit.attempt(`addr-${i}`, "Leder@Kommune.no");
      expect(verdict.allowed).toBe(true);
      delays.push(verdict.allowed ? verdict.delayMs : -1);
    }
    expect(delays).toEqual([0, 0, 0, 0, 100, 200, 300, 300, 300, 300]);
  });

  it("a success clears the address's count on that account", async () => {
    const limit = createLoginLimit(small);
    for (let i = 0; i < 3; i++) await limit.attempt("a", "x@kommune.no");
    await limit.succeeded("a", "x@kommune.no");
    expect((await limit.attempt("a", "x@kommune.no")).allowed).toBe(true);
  });
});
