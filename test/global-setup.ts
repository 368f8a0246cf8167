// Vitest global setup: one fresh, migrated database for the run (TEST_DB=sqlite|postgres),
// and a production build for the tests that start the real server.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createTestDatabase, type TestDatabase } from "./databases";

let db: TestDatabase | undefined;

export async function setup() {
  const kind = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
  db = await createTestDatabase(kind, "unit");
  process.env.TEST_DATABASE_URL = db.url;
  if (!existsSync(resolve("build/server/index.js"))) {
    execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  }
}

export async function teardown() {
  await db?.drop();
}
