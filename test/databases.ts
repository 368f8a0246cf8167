// Creates a fresh, migrated database for a test run: a new SQLite file, or a new database on
// the PostgreSQL server named by TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrateDatabase } from "../server/db.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function postgresReachable(adminUrl = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_ADMIN_URL) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createTestDatabase(kind: "sqlite" | "postgres", label: string): Promise<TestDatabase> {
  const suffix = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`.replace(/[^a-z0-9_]/gi, "_");
  if (kind === "sqlite") {
    const file = resolve(root, "data", "test", `${suffix}.db`);
    mkdirSync(dirname(file), { recursive: true });
    const url = `file:${file}`;
    await migrateDatabase(url);
    return {
      url,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_ADMIN_URL;
  const name = `samhandling_test_${suffix}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
