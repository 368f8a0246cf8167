// Driver adapters for the two databases we support. Used by prisma.config.ts (migrations)
// and by server/db.ts (queries at run time).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export type DatabaseFlavour = "sqlite" | "postgres";

export function databaseFlavour(url: string): DatabaseFlavour {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${url.slice(0, 20)}…"`,
  );
}

/** Absolute path of the SQLite file named by a file: URL (relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return resolve(process.cwd(), path);
}

/**
 * Workaround for prisma/orm issue 27403: the pg driver adapter cannot map the catalog
 * column types `name` (oid 19) and `"char"` (oid 18) that the schema engine reads during
 * migrations. We report them as `text` (oid 25). Only used for the migration adapter.
 */
const CATALOG_TYPE_OIDS = new Set([18, 19]);
function rewriteCatalogTypes(result: unknown) {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as Array<{ fields?: Array<{ dataTypeID: number }> }>) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = 25;
    }
  }
  return result;
}
class CatalogFriendlyClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : rewriteCatalogTypes(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    if (args[0] && typeof args[0].submit === "function") {
      // A Submittable (cursor/stream): pass through untouched.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return ((super.query as any)(...args) as Promise<unknown>).then(rewriteCatalogTypes);
  }
}

export function createMigrationAdapter(url: string) {
  if (databaseFlavour(url) === "postgres") {
    return new PrismaPg(new pg.Pool({ connectionString: url, Client: CatalogFriendlyClient }));
  }
  mkdirSync(dirname(sqliteFilePath(url)), { recursive: true });
  return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
}

export function createQueryAdapter(url: string) {
  if (databaseFlavour(url) === "postgres") {
    return new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  }
  mkdirSync(dirname(sqliteFilePath(url)), { recursive: true });
  return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
}
