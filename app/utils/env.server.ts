// Every environment variable the server reads, validated once at start-up.
// The server starts with none set: each has a default that works on a laptop.
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    BASE_URL: z
      .string()
      .url("BASE_URL must be an absolute URL such as https://arrangement.kristiansand.kommune.no")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with "file:" or "postgresql://"')
      .default("file:./data/app.db"),
    DATA_DIR: z.string().min(1).default("./data"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must look like "smtp://host:port" or "smtps://user:pass@host:465"')
      .optional(),
    MAIL_FROM: z.string().min(3).default("Samhandling <arrangement@samhandling.invalid>"),
    SEED_DEMO: booleanish.default("true"),
    REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    REGISTRATION_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    /** A repeated registration mails the personal link again at most once per this many minutes. */
    REGISTRATION_LINK_RESEND_MINUTES: z.coerce.number().min(0).default(15),
    OUTBOX_POLL_SECONDS: z.coerce.number().min(0.05).default(5),
    TRUST_PROXY: booleanish.default("false"),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
    ADMIN_EMAIL: z.string().email("ADMIN_EMAIL must be an e-mail address").optional(),
    ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD must be at least 12 characters").optional(),
    OIDC_ISSUER: z.string().url("OIDC_ISSUER must be the issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().default("openid email profile"),
    REMINDER_POLL_SECONDS: z.coerce.number().min(1).default(300),
    /** How often the privacy retention job runs (it also runs once at start). */
    RETENTION_POLL_SECONDS: z.coerce.number().min(1).default(3600),
    /** Live channel budgets (server/live-limits.ts, decision 008). */
    LIVE_CONNECTION_EVENTS_PER_SECOND: z.coerce.number().positive().default(5),
    LIVE_ADDRESS_EVENTS_PER_SECOND: z.coerce.number().positive().default(200),
    LIVE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    LIVE_JOIN_CODE_MISSES_PER_MINUTE: z.coerce.number().positive().default(6),
    LIVE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(8),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must look like "redis://host:6379"').optional(),
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    message: "set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither",
    path: ["ADMIN_EMAIL"],
  })
  .refine((e) => [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length % 3 === 0, {
    message: "set all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none",
    path: ["OIDC_ISSUER"],
  })
  .transform((env) => ({
    ...env,
    BASE_URL: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  }));

export type Env = z.infer<typeof envSchema>;

/** Parses process.env; throws an Error whose message lists every problem in plain words. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "not set" (a common result of `FOO= npm start`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration in environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}
