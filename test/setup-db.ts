// Per test file: connect to the run's database and register it, as the server does.
import { afterAll } from "vitest";
import { setConfig } from "~/utils/config.server";
import { setDb } from "~/utils/db.server";
import { connectDatabase } from "../server/db";
import { databaseFlavour } from "../server/db-adapters";

const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests through vitest (test/global-setup.ts).");

const client = await connectDatabase(url);
setDb(client, databaseFlavour(url));
setConfig({
  baseUrl: "https://samhandling.test",
  mailFrom: "Eksempelby kommune <arrangement@samhandling.test>",
  onMailQueued: () => {},
});

afterAll(async () => {
  await client.$disconnect();
});
