// Staff sign-in with the municipality's Entra ID (or any OpenID Connect provider): the
// authorization code flow with PKCE, state and nonce. The flow's secrets live in a short-lived
// signed cookie between the two legs; openid-client checks state, PKCE, the ID token's
// signature, issuer, audience, expiry and nonce. The person must already be staff here:
// `staffForOidc` links an invited account by its verified e-mail on the first sign-in.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import * as client from "openid-client";
import { z } from "zod";
import { absoluteUrl, config } from "~/utils/config.server";
import { safeRedirect } from "~/utils/redirect.server";
import { staffForOidc } from "./staff.server";

export const CALLBACK_PATH = "/admin/oidc/callback";
const FLOW_MINUTES = 10;

type OidcSettings = NonNullable<ReturnType<typeof config>["oidc"]>;

/**
 * openid-client refuses plain http, as it should. The only exception is a provider on this
 * machine (the test provider the test suites start), where nothing travels over a network
 * anybody could listen to. A real issuer is always https.
 */
export function allowsInsecureIssuer(issuer: URL): boolean {
  return issuer.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
}

// One discovered Configuration per process and provider setting; a failed discovery is
// forgotten so that the next sign-in tries again.
let discovered: { key: string; configuration: Promise<client.Configuration> } | undefined;

function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  if (discovered?.key !== key) {
    const issuer = new URL(settings.issuer);
    const configuration = client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        execute: allowsInsecureIssuer(issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        if (discovered?.key === key) discovered = undefined;
        throw error;
      });
    discovered = { key, configuration };
  }
  return discovered.configuration;
}

// Without a configured secret (tests, or a server that does not pass one) a per-process
// secret still makes the cookie unforgeable; a flow then cannot span a restart.
const processSecret = randomBytes(32).toString("base64url");

function flowCookie() {
  return createCookie("staff_oidc", {
    httpOnly: true,
    sameSite: "lax",
    // Only the callback needs it.
    path: CALLBACK_PATH,
    secure: config().baseUrl.startsWith("https:"),
    maxAge: FLOW_MINUTES * 60,
    secrets: [config().cookieSecret ?? processSecret],
  });
}

const flowSchema = z.object({
  state: z.string().min(20),
  nonce: z.string().min(20),
  codeVerifier: z.string().min(43),
  redirectTo: z.string(),
});

/** The address of the provider's sign-in page, and the cookie that remembers this attempt. */
export async function startOidcSignIn(redirectTo: string): Promise<{ url: string; cookie: string }> {
  const settings = config().oidc;
  if (!settings) throw new Error("OpenID Connect is not configured");
  const configuration = await oidcConfiguration(settings);
  const flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectTo: safeRedirect(redirectTo, "/admin"),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: absoluteUrl(CALLBACK_PATH),
    scope: settings.scopes,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, cookie: await flowCookie().serialize(flow) };
}

export type OidcOutcome =
  | { status: "signed-in"; staffId: string; redirectTo: string }
  | { status: "unknown" }
  | { status: "failed" };

type Identity = { sub: string; email?: unknown; email_verified?: unknown };

/**
 * The second leg: exchanges the code and finds the staff member. Never throws; failures are
 * logged without tokens and reported as "failed".
 */
export async function finishOidcSignIn(request: Request): Promise<{ outcome: OidcOutcome; clearCookie: string }> {
  const clearCookie = await flowCookie().serialize("", { maxAge: 0 });
  try {
    const settings = config().oidc;
    if (!settings) throw new Error("OpenID Connect is not configured");
    const flow = flowSchema.safeParse(await flowCookie().parse(request.headers.get("Cookie")));
    if (!flow.success) throw new Error("no valid sign-in attempt in the cookie (expired, missing or tampered with)");
    const configuration = await oidcConfiguration(settings);
    // The address the provider sent the browser to, built from BASE_URL: behind a proxy the
    // request's own host may be an internal one.
    const callbackUrl = new URL(absoluteUrl(CALLBACK_PATH));
    callbackUrl.search = new URL(request.url).search;
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.data.codeVerifier,
      expectedState: flow.data.state,
      expectedNonce: flow.data.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("the token response had no ID token");
    let identity: Identity = claims;
    // Entra ID puts the e-mail in the ID token; providers that follow the OIDC default
    // (claims only at the userinfo endpoint for the code flow) need one more request.
    if (typeof claims.email !== "string") {
      identity = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    }
    // An address the provider says is unverified is not used for linking (a linked account
    // still signs in by its subject).
    const email = typeof identity.email === "string" && identity.email_verified !== false ? identity.email : undefined;
    const staff = await staffForOidc(claims.iss, claims.sub, email);
    if (!staff) {
      console.warn(
        `OpenID Connect sign-in refused: no active staff account for subject ${claims.sub} (${claims.iss}).`,
      );
      return { outcome: { status: "unknown" }, clearCookie };
    }
    return { outcome: { status: "signed-in", staffId: staff.id, redirectTo: safeRedirect(flow.data.redirectTo, "/admin") }, clearCookie };
  } catch (error) {
    console.error(`OpenID Connect sign-in failed: ${describe(error)}`);
    return { outcome: { status: "failed" }, clearCookie };
  }
}

/** The error's name, message and OAuth error code: never the request or response bodies. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: unknown; error?: unknown; error_description?: unknown };
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  const extra = [e.code, e.error, e.error_description, cause].filter((v) => typeof v === "string");
  return [`${e.name}: ${e.message}`, ...extra].join(" | ");
}
