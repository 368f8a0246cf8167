// Another process holds SQLite's write lock (a script, a migration, a second server on the same
// file) while a registration runs: the registration waits and succeeds once the lock is free.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { registerAttendee } from "~/modules/registration/registration.server";
import { db, dbFlavour } from "~/utils/db.server";
import { attendee, createEvent } from "../test/factories";
import { useOwnDatabase } from "../test/own-database";
import { sqliteFilePath } from "./db-adapters";

const sqlite = dbFlavour() === "sqlite";
if (sqlite) useOwnDatabase("sqlite-lock");

/** A child process that takes the write lock, says so, holds it for `ms` and commits. */
function holdWriteLock(file: string, ms: number) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.prepare("BEGIN IMMEDIATE").run();
    db.prepare("UPDATE Event SET title = title").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.prepare("COMMIT").run(); db.close(); process.stdout.write("released\\n"); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ["-e", script, file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  const lines: string[] = [];
  const seen = (line: string) =>
    new Promise<number>((resolve, reject) => {
      const check = () => (lines.includes(line) ? resolve(Date.now()) : undefined);
      child.stdout.on("data", (chunk: Buffer) => {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        check();
      });
      child.on("exit", (code) => (lines.includes(line) ? resolve(Date.now()) : reject(new Error(`lock holder exited ${code}`))));
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { locked: seen("locked"), released: seen("released"), exited };
}

describe.skipIf(!sqlite)("SQLite write lock held by another process", () => {
  it("a registration waits for it instead of failing, and the server keeps serving meanwhile", async () => {
    const event = await createEvent({ capacity: 5 });
    const file = sqliteFilePath(await currentFile());
    const holder = holdWriteLock(file, 2000);
    await holder.locked;

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const [outcome] = await Promise.all([registerAttendee(event.id, attendee("låst"), "nb"), holder.released]);
    clearInterval(ticker);

    expect(outcome.outcome).toBe("confirmed");
    expect(await db().registration.count({ where: { eventId: event.id } })).toBe(1);
    // The wait is asynchronous: timers ran while the lock was held (a synchronous busy wait
    // would have frozen the process for the whole two seconds).
    expect(ticks).toBeGreaterThan(5);
    expect(await holder.exited).toBe(0);

    // Afterwards transactions work as before, also several at once.
    const more = await Promise.all([1, 2, 3].map((n) => registerAttendee(event.id, attendee(`etter-${n}`), "nb")));
    expect(more.map((o) => o.outcome)).toEqual(["confirmed", "confirmed", "confirmed"]);
  }, 30_000);
});

async function currentFile(): Promise<string> {
  const rows = await db().$queryRawUnsafe<Array<{ file: string }>>("SELECT file FROM pragma_database_list WHERE name = 'main'");
  return `file:${rows[0].file}`;
}
