// Creates the one Prisma client of this process for the database DATABASE_URL names,
// and applies pending migrations. Never imported by the Remix bundle: the app reaches the
// client through app/utils/db.server.ts (see docs/decisions/002-one-runtime-per-process.md).
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { PrismaClient as SqliteClient } from "../prisma/generated/sqlite/client.js";
import { createQueryAdapter, databaseFlavour } from "./db-adapters.js";
import type { Db } from "../app/utils/db.server.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Interactive transactions wait up to 10 s for a connection (Prisma's default is 2 s): a burst of
 * registrations larger than the pool queues instead of failing with "Unable to start a transaction".
 */
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

export async function connectDatabase(url: string): Promise<Db> {
  const adapter = createQueryAdapter(url);
  if (databaseFlavour(url) === "postgres") {
    const { PrismaClient: PgClient } = await import("../prisma/generated/postgres/client.js");
    // Both clients are generated from the same model, so their APIs are the same; the app is
    // typed against the SQLite one.
    return new PgClient({ adapter, transactionOptions }) as unknown as Db;
  }
  const client = new SqliteClient({ adapter, transactionOptions });
  // WAL lets readers continue while a registration commits; busy_timeout waits for a writer
  // in another process (a migration, a script) instead of failing at once.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return client;
}

/** Names of the migrations in the repository that the database has not applied yet. */
export async function pendingMigrations(client: Db, url: string): Promise<string[]> {
  const dir = databaseFlavour(url) === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations";
  const known = readdirSync(resolve(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  let applied: string[] = [];
  try {
    const rows = await client.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = rows.map((r) => r.migration_name);
  } catch {
    return known; // no migrations table yet: a new database
  }
  return known.filter((name) => !applied.includes(name));
}

/** Applies pending migrations with the Prisma CLI (WebAssembly schema engine, no downloads). */
export async function migrateDatabase(url: string): Promise<void> {
  const prismaBin = resolve(root, "node_modules", "prisma", "build", "index.js");
  await promisify(execFile)(process.execPath, [prismaBin, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  });
}
