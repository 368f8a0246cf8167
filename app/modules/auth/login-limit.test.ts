// The sign-in form's rate limit counts failed attempts only: staff who sign in many times a day
// (or a test suite) are never locked out, while guessing a password still is.
import type { AppLoadContext } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { action } from "../../routes/admin_.login";
import { hashPassword } from "./password.server";

const PASSWORD = "riktig-passord-12345";

async function staffUser() {
  const email = `login-${randomBytes(4).toString("hex")}@kommune.no`;
  await db().staffUser.create({ data: { email, name: "Liv Logg", role: "ORGANISER", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

const signIn = async (email: string, password: string) => {
  const res = await action({
    request: new Request("https://samhandling.test/admin/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.7" },
      body: new URLSearchParams({ email, password }),
    }),
    params: {},
    context: {} as AppLoadContext,
  });
  return res instanceof Response ? res.status : ((res as { init?: { status?: number } }).init?.status ?? 200);
};

describe("the sign-in rate limit", () => {
  it("never stops successful sign-ins", async () => {
    const email = await staffUser();
    for (let i = 0; i < 15; i++) expect(await signIn(email, PASSWORD)).toBe(302);
  });

  it("stops an address after 10 failed attempts, even with the right password", async () => {
    const email = await staffUser();
    for (let i = 0; i < 10; i++) expect(await signIn(email, "feil-passord-0000")).toBe(401);
    expect(await signIn(email, PASSWORD)).toBe(429);
  });
});
