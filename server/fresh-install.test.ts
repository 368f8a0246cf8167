// A fresh install without the demo seed names no municipality: a real server on a database of its
// own, with an event created the way staff would, its pages, the calendar feed and a confirmation mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbFlavour, setDb } from "~/utils/db.server";
import { createTestDatabase, type TestDatabase } from "../test/databases";
import { testServerEnv } from "../test/test-server";
import { startServer, type RunningServer } from "./app";

const FORBIDDEN = /Kristiansand|Demokratienheten/i;

let own: TestDatabase;
let server: RunningServer;
let slug: string;

beforeAll(async () => {
  own = await createTestDatabase(dbFlavour(), "fresh");
  server = await startServer(testServerEnv("fresh", { DATABASE_URL: own.url }), { info() {}, warn() {}, error() {} });
  const now = Date.now();
  slug = `moete-${now.toString(36)}`;
  await server.db.event.create({
    data: {
      slug,
      kind: "DIALOGUE_MEETING",
      title: "Dialogmøte i Sentrum",
      summary: "Et møte med innbyggerne.",
      description: "Velkommen.",
      status: "PUBLISHED",
      startsAt: new Date(now + 7 * 86400_000),
      endsAt: new Date(now + 7 * 86400_000 + 2 * 3600_000),
      venueName: "Rådhuset",
      venueAddress: "Torget 1",
      venuePostcode: "0001",
      venueCity: "Eksempelby",
      privacyNotice: "Opplysningene brukes bare til dette møtet.",
    },
  });
});

afterAll(async () => {
  await server?.close();
  await own?.drop();
});

describe("a fresh install", () => {
  it.each(["/", "/tilgjengelighet", "/foresporsel", "/calendar.ics", "EVENT", "EVENT/register", "/admin/login"])(
    "%s names no municipality",
    async (path) => {
      const url = path.startsWith("EVENT") ? path.replace("EVENT", `/events/${slug}`) : path;
      const res = await fetch(`${server.url}${url}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body.match(FORBIDDEN)?.[0] ?? null).toBeNull();
    },
  );

  it("says neutral words where the settings would name the organisation", async () => {
    const body = await (await fetch(`${server.url}/foresporsel`)).text();
    expect(body).toContain("Arrangøren");
  });

  it("signs mail and names the sender without a municipality", async () => {
    // The real server's mail path: a registration queues a confirmation in the outbox.
    const form = new URLSearchParams({ name: "Kari Nordmann", email: "kari@eksempel.test", privacyConsent: "on" });
    await fetch(`${server.url}/events/${slug}/register`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: form,
      redirect: "manual",
    });
    const mail = await server.db.outboxMessage.findFirst({ where: { toAddress: "kari@eksempel.test" } });
    expect(mail, "a confirmation was queued").not.toBeNull();
    expect(`${mail!.subject}\n${mail!.text}\n${mail!.html}\n${mail!.attachments}`.match(FORBIDDEN)?.[0] ?? null).toBeNull();
  });
});

// The server registered its own database client; give the rest of this process the run's again.
afterAll(async () => {
  const { connectDatabase } = await import("./db");
  if (process.env.TEST_DATABASE_URL) setDb(await connectDatabase(process.env.TEST_DATABASE_URL), dbFlavour());
});
