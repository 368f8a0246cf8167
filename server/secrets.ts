// Secrets the server needs are generated on first start and kept in DATA_DIR/secrets.json
// (mode 0600), so that the server starts with no environment variables at all.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Secrets = { sessionSecret: string };

export function loadOrCreateSecrets(dataDir: string, override?: Partial<Secrets>): Secrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  const secrets: Secrets = { sessionSecret: stored.sessionSecret ?? randomBytes(32).toString("base64url") };
  if (!stored.sessionSecret) writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { ...secrets, ...Object.fromEntries(Object.entries(override ?? {}).filter(([, v]) => v)) };
}
