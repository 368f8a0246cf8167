// Prisma CLI configuration. Prisma 6.19 runs migrations through its WebAssembly schema
// engine and a driver adapter (engine: "js"), so nothing is downloaded at run time.
// DATABASE_URL picks the database: file:... (default file:./data/app.db) or postgresql://...
import { defineConfig } from "prisma/config";
import { createMigrationAdapter, databaseFlavour } from "./server/db-adapters.js";

const url = process.env.DATABASE_URL || "file:./data/app.db";
const flavour = databaseFlavour(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: flavour === "postgres" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  async adapter() {
    return createMigrationAdapter(url);
  },
});
