// Process-wide settings the app needs at run time (set once by the server or a test),
// kept on globalThis for the same reason as the database client (decision 002).
export type AppConfig = {
  baseUrl: string;
  mailFrom: string;
  /** Called after a transaction that queued mail has committed, to wake the outbox worker. */
  onMailQueued: () => void;
  /** Staff sign-in with OpenID Connect (the municipality's Entra ID), when configured. */
  oidc?: { issuer: string; clientId: string; clientSecret: string; scopes: string };
  /** Signs short-lived cookies (the OpenID Connect round trip); a per-process secret when unset. */
  cookieSecret?: string;
  /** How long before a repeated registration may mail the personal link again (decision 008). */
  linkResendMinutes?: number;
};

const KEY = Symbol.for("samhandling.config");
type Holder = { [KEY]?: AppConfig };

export function setConfig(config: AppConfig) {
  (globalThis as Holder)[KEY] = config;
}

export function config(): AppConfig {
  return (
    (globalThis as Holder)[KEY] ?? {
      baseUrl: "http://localhost:3000",
      mailFrom: "Samhandling <arrangement@samhandling.invalid>",
      onMailQueued: () => {},
    }
  );
}

export function absoluteUrl(path: string): string {
  return `${config().baseUrl}${path}`;
}
