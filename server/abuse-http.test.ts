// The real server attacked over raw HTTP (decision 008): each class of abuse is sent as an
// attacker would send it, and must get a readable 4xx, store and mail nothing, and leave the
// process healthy.
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server";
import { ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { createEvent } from "../test/factories";
import { testServerEnv } from "../test/test-server";
import { startServer, type RunningServer } from "./app";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const MB = 1024 * 1024;

function serverEnv(extra: Record<string, string> = {}) {
  return testServerEnv("abuse", extra);
}

// `direct`: no proxy in front, X-Forwarded-For means nothing. `proxied`: TRUST_PROXY, so each test
// can be its own client address (and the form limit is low, to reach it quickly).
let direct: RunningServer;
let proxied: RunningServer;
let slug: string;
let eventId: string;
let roomCode: string;
const port = (s: RunningServer) => Number(new URL(s.url).port);

beforeAll(async () => {
  direct = await startServer(serverEnv({}), quiet);
  proxied = await startServer(serverEnv({ TRUST_PROXY: "true", REGISTRATION_RATE_LIMIT: "3" }), quiet);
  const event = await createEvent({ capacity: 50 });
  slug = event.slug;
  eventId = event.id;
  const [room] = await ensureRoomsForEvent(event.id);
  roomCode = room!.code;
}, 60_000);

afterAll(async () => {
  await proxied?.close();
  await direct?.close();
});

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(
  server: RunningServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; from?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = { host: "127.0.0.1", port: port(server), method, path, headers: options.headers, localAddress: options.from };
    const req = httpRequest(target, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Bytes straight onto a socket; the status line of whatever comes back. */
function raw(server: RunningServer, text: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port(server), "127.0.0.1");
    let got = "";
    socket.on("data", (d) => (got += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0), text: got }));
    socket.end(text);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = (extra: Record<string, string> = {}) => ({ "content-type": "application/x-www-form-urlencoded", ...extra });
const person = (email: string, name = "Kari Nordmann") => ({ name, email, phone: "", privacyConsent: "on", website: "" });

async function healthy(server: RunningServer) {
  const res = await send(server, "GET", "/healthz");
  expect(res.status).toBe(200);
  expect(res.body).toBe("ok");
}

// The database is shared with the other test files running at the same time: count only what
// these requests could have written, found by a marker in the text.
const MARKER = `abuse${Date.now().toString(36)}`;
const storedWith = async (marker = MARKER) =>
  (await db().registration.count({ where: { OR: [{ name: { contains: marker } }, { email: { contains: marker } }] } })) +
  (await db().accessibilityFeedback.count({ where: { message: { contains: marker } } })) +
  (await db().outboxMessage.count({ where: { OR: [{ toAddress: { contains: marker } }, { text: { contains: marker } }] } }));

describe("request limits on the bytes actually read", () => {
  it("cuts off a 300 MB chunked body with 413 before it is sent, with flat memory, and stores nothing", async () => {
    const total = 300 * MB;
    const chunk = Buffer.alloc(64 * 1024, `message=${MARKER}&`);
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const result = await new Promise<{ status: number; sentWhenAnswered: number; text: string }>((resolve) => {
      const socket = connect(port(direct), "127.0.0.1");
      let sent = 0;
      let answeredAt = -1;
      let got = "";
      const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0), sentWhenAnswered: answeredAt, text: got });
      socket.on("data", (d) => {
        if (answeredAt < 0) answeredAt = sent;
        got += d.toString("utf8");
      });
      socket.on("error", () => {});
      socket.on("close", done);
      socket.write(
        "POST /tilgjengelighet HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
          "Transfer-Encoding: chunked\r\n\r\n",
      );
      const pump = () => {
        while (sent < total && !socket.destroyed) {
          sent += chunk.length;
          peak = Math.max(peak, process.memoryUsage().rss);
          if (!socket.write(frame)) return void socket.once("drain", pump);
        }
        if (!socket.destroyed) socket.end("0\r\n\r\n");
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(result.sentWhenAnswered).toBeGreaterThan(0);
    expect(result.sentWhenAnswered).toBeLessThan(total);
    expect(result.text).toContain("Skjemaet er for stort.");
    expect(result.text).not.toContain(MARKER);
    // The body is never held: the process grows by far less than the 300 MB sent.
    if (process.env.ABUSE_FIGURES) console.info(`rss growth ${((peak - rssBefore) / MB).toFixed(1)} MB, answered after ${(result.sentWhenAnswered / MB).toFixed(1)} MB`);
    expect(peak - rssBefore).toBeLessThan(100 * MB);
    expect(await storedWith()).toBe(0);
    await healthy(direct);
  });

  it("refuses a declared Content-Length over 1 MB at once, and never echoes the body", async () => {
    const res = await send(direct, "POST", `/events/${slug}/register`, {
      headers: formHeaders(),
      body: form({ ...person(`stor-${MARKER}@example.no`), name: `<script>${MARKER}</script>${"x".repeat(2 * MB)}` }),
    });
    expect(res.status).toBe(413);
    expect(res.body).not.toContain(MARKER);
    expect(await storedWith()).toBe(0);
    await healthy(direct);
  });

  it("answers an over-long URL with 414 and over-large headers with 431, readably", async () => {
    const longUrl = await send(direct, "GET", `/?q=${"a".repeat(9 * 1024)}`);
    expect(longUrl.status).toBe(414);
    expect(longUrl.body).toContain("Adressen er for lang.");
    const headers = await raw(direct, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20 * 1024)}\r\n\r\n`);
    expect(headers.status).toBe(431);
    expect(headers.text).toContain("for store felt");
    await healthy(direct);
  });
});

describe("clean text at the door", () => {
  it("strips NUL, bidi overrides and zero-width characters from every form value before anything is stored", async () => {
    const email = `ren-${Date.now()}@example.no`;
    const res = await send(proxied, "POST", `/events/${slug}/register`, {
      headers: formHeaders({ "x-forwarded-for": "192.0.2.10" }),
      body: form(person(email, "Ola\u0000 \u202Efdp.exe\u200B")),
    });
    expect(res.status).toBe(302);
    const stored = await db().registration.findFirstOrThrow({ where: { eventId, emailNormalized: email }, select: { name: true } });
    expect(stored.name).toBe("Ola fdp.exe");
    await healthy(proxied);
  });

  it("lets staff sign in through the same rule", async () => {
    const email = `renlogin-${Date.now()}@kommune.no`;
    const password = "et langt passord æøå 12345";
    await db().staffUser.create({ data: { email, name: "Ren Logg", role: "ORGANISER", passwordHash: await hashPassword(password) } });
    const res = await send(direct, "POST", "/admin/login", { headers: formHeaders(), body: form({ email, password }) });
    expect(res.status).toBe(302);
    expect(String(res.headers["set-cookie"])).toContain("staff_session=");
  });
});

describe("form limits keyed on the route Remix runs", () => {
  it("counts every spelling of the registration path against one limit", async () => {
    const before = await db().registration.count({ where: { eventId } });
    const spellings = [
      `/events/${slug}/register`,
      `/Events/${slug}/Register`,
      `/events/${slug}/register/`,
      `/events/${slug}/register.data`,
      `/events/${slug}/regist%65r`,
      `/EVENTS/${slug}/REGISTER/`,
      `//events/${slug}/register`,
    ];
    const statuses: number[] = [];
    for (const [i, path] of spellings.entries()) {
      const res = await send(proxied, "POST", path, {
        headers: formHeaders({ "x-forwarded-for": "192.0.2.20" }),
        body: form(person(`staving-${i}-${Date.now()}@example.no`)),
      });
      statuses.push(res.status);
      expect(res.status).toBeLessThan(500);
    }
    // Three posts allowed from this address, whatever the spelling; none of the others stored.
    expect(await db().registration.count({ where: { eventId } })).toBeLessThanOrEqual(before + 3);
    expect(statuses.slice(3).filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    await healthy(proxied);
  });

  it("counts every spelling of the accessibility form too", async () => {
    const before = await db().accessibilityFeedback.count();
    for (const path of ["/tilgjengelighet", "/Tilgjengelighet", "/TILGJENGELIGHET/", "/tilgjengelighet.data", "/tilgjengelighet?index"]) {
      const res = await send(proxied, "POST", path, {
        headers: formHeaders({ "x-forwarded-for": "192.0.2.21" }),
        body: form({ message: "Knappen for påmelding er vanskelig å finne med skjermleser.", website: "" }),
      });
      expect(res.status).toBeLessThan(500);
    }
    expect(await db().accessibilityFeedback.count()).toBeLessThanOrEqual(before + 3);
  });

  it("mails the personal link at most once for a registration repeated again and again", async () => {
    const email = `bombe-${Date.now()}@example.no`;
    for (let i = 0; i < 6; i++) {
      const res = await send(proxied, "POST", `/events/${slug}/register`, {
        headers: formHeaders({ "x-forwarded-for": `192.0.2.${100 + i}` }),
        body: form(person(email)),
      });
      expect(res.status).toBe(i === 0 ? 302 : 200);
      if (i > 0) expect(res.body).toContain("høyst én gang per kvarter");
    }
    const kinds = await db().outboxMessage.findMany({ where: { toAddress: email }, select: { kind: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["CONFIRMATION", "LINK"]);
  });
});

describe("sign-in limits", () => {
  it("does not trust X-Forwarded-For without a proxy: rotating it buys no extra guesses", async () => {
    const email = `gjett-${Date.now()}@kommune.no`;
    await db().staffUser.create({ data: { email, name: "Gjett", role: "ORGANISER", passwordHash: await hashPassword("riktig-passord-12345") } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await send(direct, "POST", "/admin/login", {
        headers: formHeaders({ "x-forwarded-for": `203.0.113.${i}` }),
        body: form({ email, password: `feil-${i}-passord` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await db().staffSession.count({ where: { staff: { email } } })).toBe(0);
  });

  it("a guesser at one address cannot lock the real person out from another", async () => {
    // Two clients with their own addresses (all of 127/8 is this machine), no proxy in between.
    const email = `laas-${Date.now()}@kommune.no`;
    await db().staffUser.create({ data: { email, name: "Låst", role: "ORGANISER", passwordHash: await hashPassword("riktig-passord-12345") } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await send(direct, "POST", "/admin/login", { from: "127.0.0.2", headers: formHeaders(), body: form({ email, password: `feil-${i}-passord` }) });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    const real = await send(direct, "POST", "/admin/login", { from: "127.0.0.1", headers: formHeaders(), body: form({ email, password: "riktig-passord-12345" }) });
    expect(real.status).toBe(302);
  });
});

describe("refusals are 4xx with a readable page, never 500", () => {
  const cases: Array<[string, () => Promise<{ status: number; text: string }>, number]> = [
    [
      "a cross-origin POST",
      async () => {
        const r = await send(direct, "POST", "/tilgjengelighet", {
          headers: formHeaders({ origin: "https://angriper.example" }),
          body: form({ message: `Fra et annet nettsted, dette skal ikke lagres ${MARKER}.`, website: "" }),
        });
        return { status: r.status, text: r.body };
      },
      403,
    ],
    [
      "a cross-origin POST that forges X-Forwarded-Host",
      async () => {
        const r = await send(direct, "POST", "/tilgjengelighet", {
          headers: formHeaders({ origin: "https://angriper.example", "x-forwarded-host": "angriper.example" }),
          body: form({ message: `Fra et annet nettsted, dette skal ikke lagres ${MARKER}.`, website: "" }),
        });
        return { status: r.status, text: r.body };
      },
      403,
    ],
    [
      "a malformed Origin",
      async () => {
        const r = await send(direct, "POST", "/tilgjengelighet", { headers: formHeaders({ origin: "::::" }), body: `message=${MARKER}` });
        return { status: r.status, text: r.body };
      },
      400,
    ],
    ["TRACE", () => raw(direct, "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n"), 405],
    ["PROPFIND", () => raw(direct, "PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n"), 405],
    ["CONNECT", () => raw(direct, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"), 405],
    ["a broken percent-encoding in the path", () => raw(direct, "GET /events/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400],
    ["a lone percent sign", () => raw(direct, "GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400],
    ["a host header that makes no URL", () => raw(direct, "GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n"), 400],
    ["a garbled request line", () => raw(direct, "GET / HTTP/9\r\n\r\n"), 400],
  ];
  for (const [label, attempt, status] of cases) {
    it(label, async () => {
      const res = await attempt();
      expect(res.status).toBe(status);
      expect(res.text).toContain("Samhandling");
      expect(await storedWith()).toBe(0);
      await healthy(direct);
    });
  }

  it("broken cookies", async () => {
    for (const cookie of ["staff_session=%E0%A4%A", "staff_session=\"unterminated", "lang=%ff%fe; staff_session=a.b.c", "=; ;;=="]) {
      for (const path of ["/", "/admin", `/events/${slug}/register`, `/live/${roomCode}`]) {
        const res = await send(direct, "GET", path, { headers: { cookie } });
        expect(res.status, `${path} with ${cookie}`).toBeLessThan(500);
      }
    }
    await healthy(direct);
  });
});

describe("caching of pages with personal data or tokens", () => {
  it("keeps the live pages' no-store on the document and on its data", async () => {
    for (const path of [`/live/${roomCode}`, `/live/${roomCode}/screen`, `/live/${roomCode}.data`]) {
      const res = await send(direct, "GET", path);
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"], path).toContain("no-store");
    }
  });

  it("keeps no-store on a personal registration page", async () => {
    const email = `cache-${Date.now()}@example.no`;
    const res = await send(proxied, "POST", `/events/${slug}/register`, {
      headers: formHeaders({ "x-forwarded-for": "192.0.2.30" }),
      body: form(person(email)),
    });
    const page = await send(direct, "GET", String(res.headers.location));
    expect(page.status).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
  });
});
