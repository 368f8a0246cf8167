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
  return withImmediateTransactions(new PrismaBetterSQLite3({ url: sqliteFilePath(url) }));
}

/** How long an interactive transaction waits for another process's write lock (below maxWait). */
export const SQLITE_WRITE_LOCK_WAIT_MS = 8_000;

type BetterSqliteClient = {
  prepare: (sql: string) => { run: () => unknown };
  pragma: (source: string, options?: { simple: boolean }) => unknown;
};
type SqliteTransaction = { commit: () => Promise<void>; rollback: () => Promise<void> };
type SqliteAdapter = { client: BetterSqliteClient; startTransaction: (isolationLevel?: string) => Promise<SqliteTransaction> };

/**
 * SQLite interactive transactions that take the write lock at BEGIN and wait for it.
 *
 * The adapter starts every interactive transaction with a plain (deferred) `BEGIN`. Such a
 * transaction reads first (a registration counts seats) and only asks for the write lock at its
 * first write; if another process holds that lock then, SQLite answers SQLITE_BUSY at once,
 * without consulting busy_timeout (waiting could deadlock a reader that wants to write), and the
 * registration failed with a 500. `BEGIN IMMEDIATE` takes the write lock up front, where waiting
 * is safe. We cannot just swap the SQL: when the adapter's own `BEGIN` throws it never releases
 * its internal mutex, and every later transaction would hang. So the lock is taken here, by
 * polling `BEGIN IMMEDIATE` with busy_timeout 0 and short asynchronous sleeps (the event loop keeps
 * serving, unlike SQLite's own busy wait), behind our own gate that admits one transaction at a
 * time; the adapter's `BEGIN` for that transaction then becomes a no-op.
 */
export function withImmediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as unknown as SqliteAdapter;
    const client = adapter.client;
    const prepare = client.prepare.bind(client);
    let lockTaken = false;
    client.prepare = (sql: string) => {
      if (sql === "BEGIN" && lockTaken) {
        lockTaken = false;
        return { run: () => undefined };
      }
      return prepare(sql);
    };
    const start = adapter.startTransaction.bind(adapter);
    let gate: Promise<void> = Promise.resolve();
    adapter.startTransaction = async (isolationLevel?: string) => {
      let open!: () => void;
      const previous = gate;
      gate = new Promise<void>((resolve) => (open = resolve));
      await previous;
      try {
        await takeWriteLock(client, prepare);
        lockTaken = true;
        const tx = await start(isolationLevel);
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = () => commit().finally(open);
        tx.rollback = () => rollback().finally(open);
        return tx;
      } catch (error) {
        if (lockTaken) {
          lockTaken = false;
          try {
            prepare("ROLLBACK").run();
          } catch {
            // no transaction was open
          }
        }
        open();
        throw error;
      }
    };
    return adapter as never;
  };
  return factory;
}

async function takeWriteLock(client: BetterSqliteClient, prepare: BetterSqliteClient["prepare"]) {
  const deadline = Date.now() + SQLITE_WRITE_LOCK_WAIT_MS;
  const busyTimeout = Number(client.pragma("busy_timeout", { simple: true }));
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    client.pragma("busy_timeout = 0");
    try {
      prepare("BEGIN IMMEDIATE").run();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== "string" || !code.startsWith("SQLITE_BUSY") || Date.now() + pause > deadline) throw error;
    } finally {
      client.pragma(`busy_timeout = ${busyTimeout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
