// Property-based fuzzing of every form action in the build, public and staff (signed in as an
// administrator): arbitrary field names and values (NUL, lone surrogates, bidi controls, huge
// strings), in urlencoded, multipart, JSON and nonsense bodies, to the page and to its ".data"
// twin. The property: never a 5xx, and the process still healthy afterwards. (decision 008)
import { join, resolve } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { registerAttendee } from "~/modules/registration/registration.server";
import { db } from "~/utils/db.server";
import { attendee, createEvent } from "../test/factories";
import { startServer, type RunningServer } from "./app";
import { testServerEnv } from "../test/test-server";

const RUNS_PER_ROUTE = 25;

let server: RunningServer;
let adminCookie: string;
let routes: Array<{ id: string; path: string }>;

async function actionRoutes(values: Record<string, string>) {
  const build = (await import(resolve("build/server/index.js"))) as ServerBuild;
  const fullPath = (id: string): string => {
    const r = build.routes[id]!;
    const parent = r.parentId && r.parentId !== "root" ? fullPath(r.parentId) : "";
    return `${parent}/${r.path ?? ""}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
  };
  return Object.values(build.routes)
    .filter((r) => r && typeof r.module.action === "function")
    .map((r) => ({
      id: r!.id,
      path: fullPath(r!.id)
        .replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? "ikke-en-id")
        .replace(/\[\.\]/g, "."),
    }));
}

beforeAll(async () => {
  server = await startServer(
    testServerEnv("fuzz", {
      // Each fuzzed request comes from its own address, so the form limit does not hide the actions.
      TRUST_PROXY: "true",
    }),
    { info: () => {}, warn: () => {}, error: () => {} },
  );
  const event = await createEvent({ capacity: 100 });
  const [room] = await ensureRoomsForEvent(event.id);
  const registration = await registerAttendee(event.id, attendee("fuzz"), "nb");
  const admin = await db().staffUser.create({ data: { email: `fuzz-admin-${Date.now()}@kommune.no`, name: "Fuzz", role: "ADMIN" } });
  adminCookie = (await createStaffSession(admin.id, "vitest")).split(";")[0]!;
  routes = await actionRoutes({
    slug: event.slug,
    eventId: event.id,
    code: room!.code,
    token: "token" in registration ? registration.token : "ikke-en-id",
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const FIELD_NAMES = [
  "intent", "name", "email", "phone", "organisation", "diet", "accessibility", "privacyConsent", "website",
  "message", "text", "theme", "title", "description", "subject", "body", "code", "password", "redirectTo",
  "id", "eventId", "itemId", "registrationId", "inputId", "userId", "roomId", "questionId", "status", "role",
  "kind", "startsAt", "endsAt", "capacity", "confirm", "direction", "segment", "q",
];
const INTENTS = [
  "accept", "add-item", "answer", "cancel", "code", "confirm", "decline", "erase", "hide", "invite", "lookup",
  "minutes", "move", "new-item", "preview", "publish", "review", "role", "run", "save", "undo", "update", "delete",
];
const NASTY = ["\u0000", "\uD800", "\uDFFF", "\u202E", "\u200B", "\uFEFF", "%", "%00", "<script>", "' OR 1=1 --", "../../etc/passwd", "-1", "1e309", "NaN", "on", "true", ""];

const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY, ...INTENTS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.string({ maxLength: 10 })).map(([a, b]) => a + b + a) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom(200_000, 900_000).map((n) => "ø".repeat(n / 2)) },
);
const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) });
const fields = fc.array(fc.tuple(fieldName, value), { maxLength: 12 });
const encoding = fc.constantFrom("urlencoded", "urlencoded", "urlencoded", "multipart", "json", "nonsense");
const submission = fc.record({ fields, encoding, data: fc.boolean(), staff: fc.boolean(), index: fc.boolean() });

let address = 0;
type Submission = { fields: Array<[string, string]>; encoding: string; data: boolean; staff: boolean; index: boolean };

async function post(path: string, s: Submission) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}` };
  if (s.staff) headers.cookie = adminCookie;
  let body: BodyInit;
  if (s.encoding === "multipart") {
    const fd = new FormData();
    for (const [k, v] of s.fields) fd.append(k, v);
    body = fd;
  } else if (s.encoding === "json") {
    headers["content-type"] = "application/json";
    body = JSON.stringify(Object.fromEntries(s.fields));
  } else if (s.encoding === "nonsense") {
    headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-16";
    body = Buffer.from(s.fields.map(([k, v]) => `${k}=${v}`).join("&"), "latin1");
  } else {
    headers["content-type"] = "application/x-www-form-urlencoded";
    const params = new URLSearchParams();
    for (const [k, v] of s.fields) params.append(k, v);
    body = params;
  }
  const target = `${server.url}${s.data ? `${path === "/" ? "/_root" : path}.data` : path}${s.index ? "?index" : ""}`;
  const res = await fetch(target, { method: "POST", headers, body, redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

describe("every form action, fuzzed", () => {
  it("finds the actions in the build", () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it("never answers 5xx to arbitrary form posts, and stays healthy", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(submission, async (s) => {
          const status = await post(route.path, s);
          if (status >= 500) failures.push(`${route.id} ${status} ${JSON.stringify(s).slice(0, 300)}`);
          return status < 500;
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      ).catch(() => {});
    }
    expect(failures).toEqual([]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  }, 120_000);
});
