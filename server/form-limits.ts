// Form spam: at most N posts per client address per window to the public forms, keyed on the
// route Remix will run (server/route-match.ts), not on how the path is spelled. The route reads
// the verdict from the load context and answers 429 in the visitor's language. See decision 008.
import type { ServerBuild } from "@remix-run/node";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { actionRouteId } from "./route-match.js";

/** The public forms anyone can post without an account, each of which stores or mails something. */
export const LIMITED_FORM_ROUTES = new Set([
  "routes/events.$slug.register",
  "routes/events.$slug.innspill",
  "routes/tilgjengelighet",
  "routes/foresporsel._index",
]);

/**
 * Public actions deliberately left out, with the reason (a test fails when a new public action is
 * neither limited nor listed here).
 */
export const UNLIMITED_FORM_ROUTES: Record<string, string> = {
  "routes/admin_.login": "has its own sign-in limit (app/modules/auth/login-limit.server.ts)",
  "routes/admin_.login.oidc": "only redirects to the OpenID provider",
  "routes/admin_.invitation.$token": "needs an unguessable invitation token",
  "routes/registrations.$token": "needs an unguessable personal link",
  "routes/lang": "only sets the language cookie",
  "routes/live._index":
    "only looks up a join code (GET /live/CODE does the same); a whole hall behind one address types it at once",
};

export function createFormLimiter(options: { points: number; durationSeconds: number }) {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
  return {
    /** Whether this request is a post to a limited form from an address that has used up its posts. */
    async check(build: Pick<ServerBuild, "routes" | "basename">, method: string, url: URL, clientAddress: string): Promise<boolean> {
      if (method === "GET" || method === "HEAD") return false;
      const routeId = actionRouteId(build, url);
      if (!routeId || !LIMITED_FORM_ROUTES.has(routeId)) return false;
      try {
        await limiter.consume(clientAddress);
        return false;
      } catch {
        return true;
      }
    },
  };
}
