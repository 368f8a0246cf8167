// Every route under /admin refuses anonymous visitors (sent to sign in) and signed-in staff
// whose role is too low (403), for GET and POST. The list of routes comes from the real
// build, so a new staff route is covered the day it is added; it must declare its role with
// `export const handle = staffHandle(role)`.
import { resolve } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "~/modules/auth/roles";
import { createStaffSession } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { startServer, type RunningServer } from "./app";
import { testServerEnv } from "../test/test-server";

// Pages anyone may open: signing in, accepting an invitation, the OpenID Connect round trip.
const PUBLIC_ADMIN_ROUTES = /^routes\/admin_\.(login|invitation|oidc)/;

type StaffRoute = { id: string; path: string; role: Role | undefined; hasLoader: boolean; hasAction: boolean };

async function staffRoutes(): Promise<StaffRoute[]> {
  const build = (await import(resolve("build/server/index.js"))) as ServerBuild;
  const routes = build.routes;
  const fullPath = (id: string): string => {
    const r = routes[id]!;
    const parent = r.parentId && r.parentId !== "root" ? fullPath(r.parentId) : "";
    // An index route may carry its own path (admin.events._index has path "events").
    return `${parent}/${r.path ?? ""}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
  };
  return Object.values(routes)
    .filter((r) => r && /^routes\/admin[._]/.test(r.id) && !PUBLIC_ADMIN_ROUTES.test(r.id))
    .map((r) => ({
      id: r!.id,
      path: fullPath(r!.id)
        .replace(/:[A-Za-z]+/g, "ikke-en-id")
        .replace(/\*$/, ""),
      role: (r!.module.handle as { staffRole?: Role } | undefined)?.staffRole,
      hasLoader: typeof r!.module.loader === "function",
      hasAction: typeof r!.module.action === "function",
    }));
}

let server: RunningServer;
let routes: StaffRoute[];
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  server = await startServer(
    testServerEnv("guard"),
    { info: () => {}, warn: () => {}, error: console.error },
  );
  routes = await staffRoutes();
  for (const role of ROLES) {
    const user = await db().staffUser.create({
      data: { email: `guard-${role.toLowerCase()}-${Date.now()}@samhandling.test`, name: role, role },
    });
    cookies[role] = (await createStaffSession(user.id, "vitest")).split(";")[0];
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
});

function request(path: string, method: "GET" | "POST", cookie?: string) {
  return fetch(`${server.url}${path}`, {
    method,
    redirect: "manual",
    headers: { ...(cookie ? { cookie } : {}), ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: method === "POST" ? "intent=delete&id=x" : undefined,
  });
}

describe("staff routes", () => {
  it("are found in the build and each declares the role it needs", () => {
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const r of routes) expect(r.role, `${r.id} must export handle = staffHandle(role)`).toBeTruthy();
  });

  it("send anonymous visitors to the sign-in page", async () => {
    for (const r of routes) {
      for (const method of ["GET", "POST"] as const) {
        if ((method === "GET" && !r.hasLoader) || (method === "POST" && !r.hasAction)) continue;
        const res = await request(r.path, method);
        expect([302, 303], `${method} ${r.path} (${r.id})`).toContain(res.status);
        expect(res.headers.get("location"), `${method} ${r.path}`).toMatch(/^\/admin\/login\?redirectTo=/);
      }
    }
  });

  it("refuse staff whose role is too low with 403", async () => {
    let checked = 0;
    for (const r of routes) {
      for (const role of ROLES.filter((x) => !hasRole(x, r.role!))) {
        for (const method of ["GET", "POST"] as const) {
          if ((method === "GET" && !r.hasLoader) || (method === "POST" && !r.hasAction)) continue;
          const res = await request(r.path, method, cookies[role]);
          expect(res.status, `${method} ${r.path} as ${role} (${r.id} needs ${r.role})`).toBe(403);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("let a signed-in admin open the overview, and sign-out ends the session", async () => {
    const res = await request("/admin", "GET", cookies.ADMIN);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Arbeidsflate for ansatte");
    const out = await request("/admin/logout", "POST", cookies.ADMIN);
    expect(out.status).toBe(302);
    const after = await request("/admin", "GET", cookies.ADMIN);
    expect(after.status).toBe(302);
  });
});
