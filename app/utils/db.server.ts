// The app's way to the database. The custom server (or a test) connects once per process
// and registers the client here; route modules and domain modules call db().
// Keeping the client on globalThis means the Remix server build (bundled by Vite) and the
// server process (run by tsx) share one instance. See docs/decisions/002-one-runtime-per-process.md.
import type { PrismaClient } from "../../prisma/generated/sqlite/client.js";

export type Db = PrismaClient;
/** What a $transaction callback receives. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const KEY = Symbol.for("samhandling.db");
type Holder = { [KEY]?: { db: Db; flavour: "sqlite" | "postgres" } };

export function setDb(db: Db, flavour: "sqlite" | "postgres") {
  (globalThis as Holder)[KEY] = { db, flavour };
}

export function db(): Db {
  const entry = (globalThis as Holder)[KEY];
  if (!entry) throw new Error("The database has not been connected (setDb was never called).");
  return entry.db;
}

export function dbFlavour(): "sqlite" | "postgres" {
  return (globalThis as Holder)[KEY]?.flavour ?? "sqlite";
}

/** True when err is a unique-constraint violation (P2002) from Prisma. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}
