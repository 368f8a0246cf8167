// The Location header that the real routes send for a hostile `redirectTo`: the language switch
// (anyone) and the sign-in page (a signed-in staff member). Never off-site, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { startServer, type RunningServer } from "./app";
import { testServerEnv } from "../test/test-server";

let server: RunningServer;
let staffCookie: string;

beforeAll(async () => {
  server = await startServer(
    testServerEnv("redirect"),
    { info: () => {}, warn: () => {}, error: console.error },
  );
  const user = await db().staffUser.create({
    data: { email: `redirect-${Date.now()}@samhandling.test`, name: "Omdirigering", role: "ORGANISER" },
  });
  staffCookie = (await createStaffSession(user.id, "vitest")).split(";")[0];
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const HOSTILE: [string, string][] = [
  ["a tab before a second slash", "/\t/evil.example"],
  ["an encoded tab", "/%09/evil.example"],
  ["backslashes", "\\\\evil.example"],
  ["an absolute URL", "https://evil.example/"],
  ["CRLF header injection", "/admin\r\nSet-Cookie: x=1"],
  ["NUL", "/admin\u0000"],
  ["a line separator", "/\u2028/evil.example"],
  ["a non-Latin-1 character", "/admin/\u4E2D"],
  ["javascript:", "javascript:alert(1)"],
  ["10 kB", `/${"a".repeat(10_000)}`],
];

function expectSafeLocation(response: Response, fallback: string) {
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/(?![/\\])[\x21-\x7E]*$/);
  expect(new URL(location, server.url).origin).toBe(new URL(server.url).origin);
  if (fallback) expect(location).toBe(fallback);
}

describe("redirectTo through the real routes", () => {
  it.each(HOSTILE)("the language switch stays on site for %s", async (_label, redirectTo) => {
    const response = await fetch(`${server.url}/lang`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "nn", redirectTo }).toString(),
    });
    // "/admin/<CJK>" is a same-site path: it is kept, percent-encoded. The door removes a NUL from
    // every form value before the route runs (server/request-body.ts), which leaves "/admin".
    const expected = redirectTo === "/admin/\u4E2D" ? "/admin/%E4%B8%AD" : redirectTo === "/admin\u0000" ? "/admin" : "/";
    expectSafeLocation(response, expected);
  });

  it.each(HOSTILE)("the sign-in page sends signed-in staff on site for %s", async (_label, redirectTo) => {
    const response = await fetch(`${server.url}/admin/login?${new URLSearchParams({ redirectTo })}`, {
      redirect: "manual",
      headers: { cookie: staffCookie },
    });
    // A URL over 8 kB is refused at the door (414) before any route runs: no redirect at all.
    if (redirectTo.length > 8000) {
      expect(response.status).toBe(414);
      expect(response.headers.get("location")).toBeNull();
      return;
    }
    expectSafeLocation(response, redirectTo === "/admin/\u4E2D" ? "/admin/%E4%B8%AD" : "/admin");
  });

  it("keeps an ordinary path", async () => {
    const response = await fetch(`${server.url}/lang`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "en", redirectTo: "/events/samhandling?x=1#programme" }).toString(),
    });
    expectSafeLocation(response, "/events/samhandling?x=1#programme");
  });
});
