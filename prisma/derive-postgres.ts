// Derives prisma/postgres/schema.prisma from prisma/schema.prisma, the single source of truth.
// Run by `npm run db:generate` (and so by `npm install`). A unit test fails if the
// committed copy is stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider = "sqlite"/, 'provider = "postgresql"')
    .replace(/url(\s*)= "file:[^"]*"/, 'url$1= env("DATABASE_URL")')
    .replace(/output(\s*)= "generated\/sqlite"/, 'output$1= "../generated/postgres"');
  return (
    "// GENERATED from prisma/schema.prisma by prisma/derive-postgres.ts. Do not edit by hand.\n" + out
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = readFileSync(join(here, "schema.prisma"), "utf8");
  mkdirSync(join(here, "postgres"), { recursive: true });
  writeFileSync(join(here, "postgres", "schema.prisma"), derivePostgresSchema(source));
  console.log("prisma/postgres/schema.prisma derived from prisma/schema.prisma");
}
