// The environment of a real server started inside a test: the run's database, a port of its own,
// a throw-away data folder, no demo content and no outbox polling unless a test asks for them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv, type Env } from "~/utils/env.server";

export function testServerEnv(label: string, extra: Record<string, string> = {}): Env {
  return parseEnv({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    DATA_DIR: mkdtempSync(join(tmpdir(), `samhandling-${label}-`)),
    SEED_DEMO: "false",
    OUTBOX_POLL_SECONDS: "3600",
    ...extra,
  });
}
