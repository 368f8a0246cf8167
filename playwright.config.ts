// Browser tests against the production build (`npm run build` first), served by the real
// server (server/index.ts) with a fresh database, delivering mail over SMTP to a local sink
// (e2e/support/mail-sink.ts) that the tests read.
import { existsSync, rmSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
const mailboxPort = Number(process.env.E2E_MAILBOX_PORT ?? 2527);
/** The OpenID Connect test provider (e2e/support/oidc-provider.ts), standing in for Entra ID. */
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 2528);
const baseURL = `http://localhost:${port}`;
const dataDir = `./data/e2e-${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:${dataDir}/app.db`;
/** The staff account the server creates on first start (ADMIN_EMAIL / ADMIN_PASSWORD). */
const E2E_ADMIN = { email: "admin@samhandling.test", password: "e2e-admin-passord-123" }; // also in e2e/support/staff.ts

// A fresh SQLite database for every run. Only in the main process: the config is loaded again
// in every worker, while the server is already running. With E2E_DATABASE_URL the caller
// provides a fresh database (and may keep it anywhere), so nothing is deleted then.
if (!process.env.TEST_WORKER_INDEX && !process.env.E2E_DATABASE_URL) {
  rmSync(dataDir, { recursive: true, force: true });
}

// Debian's Chromium where there is one; otherwise the browser Playwright manages.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    baseURL,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/support/mail-sink.ts",
      url: `http://127.0.0.1:${mailboxPort}/health`,
      env: { E2E_SMTP_PORT: String(smtpPort), E2E_MAILBOX_PORT: String(mailboxPort) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "npx tsx e2e/support/oidc-provider.ts",
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      env: { E2E_OIDC_PORT: String(oidcPort), E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "npx tsx server/index.ts",
      url: `${baseURL}/healthz`,
      env: {
        NODE_ENV: "production",
        PORT: String(port),
        BASE_URL: baseURL,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        OUTBOX_POLL_SECONDS: "0.5",
        REGISTRATION_RATE_LIMIT: "10000",
        SEED_DEMO: "true",
        ADMIN_EMAIL: E2E_ADMIN.email,
        ADMIN_PASSWORD: E2E_ADMIN.password,
        REMINDER_POLL_SECONDS: "1",
        OIDC_ISSUER: `http://localhost:${oidcPort}`,
        OIDC_CLIENT_ID: "samhandling-test", // as in test/oidc-provider.ts
        OIDC_CLIENT_SECRET: "test-client-secret-not-for-production-use",
      },
      reuseExistingServer: false,
      // Migrations and the demo seed run before the server listens.
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
