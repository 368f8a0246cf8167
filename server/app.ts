// The process: one http server for Remix and Socket.IO, security headers, the limits at the door
// (decision 008), /healthz, the outbox worker and graceful shutdown.
import { randomBytes } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { Server as SocketServer } from "socket.io";
import { ensureBootstrapAdmin } from "../app/modules/auth/staff.server.js";
import { seedDemoContent } from "../app/modules/demo/seed.server.js";
import { createMailTransport } from "../app/modules/mail/transport.server.js";
import { startRetentionScheduler } from "../app/modules/privacy/retention.server.js";
import { startReminderScheduler } from "../app/modules/reminders/reminders.server.js";
import { loadOrgSettings } from "../app/modules/settings/settings.server.js";
import { setConfig } from "../app/utils/config.server.js";
import { setDb, type Db } from "../app/utils/db.server.js";
import type { Env } from "../app/utils/env.server.js";
import { connectDatabase, migrateDatabase, pendingMigrations } from "./db.js";
import { databaseFlavour } from "./db-adapters.js";
import { createFormLimiter } from "./form-limits.js";
import {
  answerErrors,
  applyServerLimits,
  readRequestBodies,
  refuseBadUrls,
  refuseForeignOrigins,
  refuseUnsupportedMethods,
  SERVER_LIMITS,
} from "./http-guards.js";
import { attachLive } from "./live.js";
import { liveLimitsFromEnv } from "./live-limits.js";
import { startOutboxWorker } from "./outbox-worker.js";
import { createRemixHandler } from "./remix-handler.js";
import { loadOrCreateSecrets } from "./secrets.js";

const root = resolve(fileURLToPath(import.meta.url), "..", "..");

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as Express resolves it (req.ip: the socket, or the proxy's header when TRUST_PROXY). */
    clientAddress: string;
    /** True when this client has used up its posts to the public forms for now (server/form-limits.ts). */
    registrationRateLimited: boolean;
  }
}

export type RunningServer = {
  httpServer: Server;
  io: SocketServer;
  db: Db;
  url: string;
  close: () => Promise<void>;
};

export async function startServer(env: Env, log: Pick<Console, "info" | "error" | "warn"> = console): Promise<RunningServer> {
  const dataDir = resolve(root, env.DATA_DIR);
  const secrets = loadOrCreateSecrets(dataDir, { sessionSecret: env.SESSION_SECRET });

  let db = await connectDatabase(env.DATABASE_URL);
  const pending = await pendingMigrations(db, env.DATABASE_URL);
  if (pending.length > 0) {
    // The CLI needs the database to itself on SQLite: let go of our connection meanwhile.
    await db.$disconnect();
    log.info(`Applying ${pending.length} database migration(s): ${pending.join(", ")}`);
    await migrateDatabase(env.DATABASE_URL);
    db = await connectDatabase(env.DATABASE_URL);
  }
  setDb(db, databaseFlavour(env.DATABASE_URL));

  const transport = createMailTransport({ smtpUrl: env.SMTP_URL, mailDir: join(dataDir, "mail") });
  let nudgeOutbox = () => {};
  setConfig({
    baseUrl: env.BASE_URL,
    mailFrom: env.MAIL_FROM,
    onMailQueued: () => nudgeOutbox(),
    cookieSecret: secrets.sessionSecret,
    linkResendMinutes: env.REGISTRATION_LINK_RESEND_MINUTES,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, scopes: env.OIDC_SCOPES }
        : undefined,
  });
  if (await ensureBootstrapAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD)) {
    log.info(`First admin account created for ${env.ADMIN_EMAIL}.`);
  }

  if (env.SEED_DEMO) {
    const { seeded } = await seedDemoContent(db);
    if (seeded) log.info("Demo content seeded (the database was empty).");
  }
  // The organisation's settings are read synchronously by pages and mail: load them before serving.
  await loadOrgSettings();
  const outbox = startOutboxWorker(transport, env.OUTBOX_POLL_SECONDS, log);
  nudgeOutbox = outbox.nudge;
  const reminders = startReminderScheduler(env.REMINDER_POLL_SECONDS, log);
  const retention = startRetentionScheduler(env.RETENTION_POLL_SECONDS, log);

  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", 1);
  // Refusals that need nothing but the request line come first, before any work is done.
  app.use(refuseUnsupportedMethods);
  app.use(refuseBadUrls);
  app.use(compression());

  const isProduction = env.NODE_ENV !== "development";
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": isProduction
            ? ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`]
            : ["'self'", "'unsafe-inline'"],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "connect-src": isProduction ? ["'self'"] : ["'self'", "ws:"],
          // A native form post to /admin/login/oidc is redirected to the OpenID provider; browsers apply
          // form-action to that redirect too.
          "form-action": ["'self'", ...(env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [])],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": env.BASE_URL.startsWith("https:") ? [] : null,
        },
      },
      strictTransportSecurity: env.BASE_URL.startsWith("https:"),
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
    next();
  });

  // Browsers ask for /favicon.ico on their own; the icon is an SVG.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  app.get("/healthz", async (_req, res) => {
    try {
      await db.$queryRawUnsafe("SELECT 1");
      res.status(200).type("text/plain").send("ok");
    } catch {
      res.status(503).type("text/plain").send("database unreachable");
    }
  });

  app.use(refuseForeignOrigins);
  // Every body is read here, capped as it streams and cleaned, before Remix parses anything.
  app.use(readRequestBodies());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let viteDevServer: { middlewares: express.RequestHandler; close(): Promise<void> } | undefined;
  if (env.NODE_ENV === "development") {
    const vite = await import("vite");
    viteDevServer = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(viteDevServer.middlewares);
    const dev = viteDevServer as unknown as { ssrLoadModule(id: string): Promise<ServerBuild> };
    build = () => dev.ssrLoadModule("virtual:remix/server-build");
  } else {
    app.use("/assets", express.static(join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(join(root, "build/client"), { maxAge: "1h" }));
    build = (await import(join(root, "build/server/index.js"))) as ServerBuild;
  }

  const formLimiter = createFormLimiter({
    points: env.REGISTRATION_RATE_LIMIT,
    durationSeconds: env.REGISTRATION_RATE_WINDOW_SECONDS,
  });
  app.all(
    "*",
    createRemixHandler({
      build,
      mode: env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: async (req, res) => {
        const clientAddress = req.ip ?? req.socket.remoteAddress ?? "unknown";
        const currentBuild = typeof build === "function" ? await build() : build;
        const url = new URL(req.originalUrl, "http://localhost");
        return {
          cspNonce: res.locals.cspNonce as string,
          clientAddress,
          registrationRateLimited: await formLimiter.check(currentBuild, req.method, url, clientAddress),
        };
      },
    }),
  );
  app.use(answerErrors);

  const httpServer = createHttpServer({ maxHeaderSize: SERVER_LIMITS.maxHeaderSize }, app);
  applyServerLimits(httpServer);
  const io = new SocketServer(httpServer, { serveClient: false });
  const live = attachLive(io, { log, redisUrl: env.REDIS_URL, limits: liveLimitsFromEnv(env), trustProxy: env.TRUST_PROXY });

  await new Promise<void>((ok, fail) => {
    httpServer.once("error", fail);
    httpServer.listen(env.PORT, env.HOST, () => ok());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Stop taking connections, let requests in flight finish, then release resources.
      await live.close();
      await new Promise<void>((ok) => {
        io.close(() => ok());
        httpServer.closeIdleConnections?.();
      });
      await new Promise<void>((ok) => httpServer.close(() => ok()));
      await reminders.stop();
      await retention.stop();
      await outbox.stop();
      transport.close(); // the pooled SMTP connections
      await viteDevServer?.close();
      await db.$disconnect();
    })());

  return { httpServer, io, db, url, close };
}
