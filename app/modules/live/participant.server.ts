// Audience members have no account: a random participant id in a signed cookie is all we
// know about them. The same browser (every tab) is the same participant for a year.
import { randomBytes } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { config } from "~/utils/config.server";

const MAX_AGE = 365 * 24 * 3600;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

// Remix's server build and the server process are separate bundles (decision 002): the
// fallback secret lives on globalThis so both sign and verify with the same one.
const FALLBACK = Symbol.for("samhandling.participantSecret");
type Holder = { [FALLBACK]?: string };

function secret(): string {
  const configured = config().cookieSecret;
  if (configured) return configured;
  const holder = globalThis as Holder;
  return (holder[FALLBACK] ??= randomBytes(32).toString("base64url"));
}

function participantCookie(): Cookie {
  return createCookie("participant", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config().baseUrl.startsWith("https:"),
    maxAge: MAX_AGE,
    secrets: [secret()],
  });
}

export function newParticipantId(): string {
  return randomBytes(16).toString("base64url");
}

/** The participant id in a Cookie header, or null when it is missing or its signature is wrong. */
export async function participantFromCookieHeader(cookieHeader: string | undefined | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await participantCookie().parse(cookieHeader);
  return typeof value === "string" && ID_PATTERN.test(value) ? value : null;
}

/** For page loaders: the participant of this browser, with a Set-Cookie value when it is new. */
export async function getOrCreateParticipant(request: Request): Promise<{ participantId: string; setCookie: string | null }> {
  const existing = await participantFromCookieHeader(request.headers.get("Cookie"));
  if (existing) return { participantId: existing, setCookie: null };
  const participantId = newParticipantId();
  return { participantId, setCookie: await participantCookie().serialize(participantId) };
}

/** A Set-Cookie value for a given id (the page adopts an id the socket handed out). */
export async function participantSetCookie(participantId: string): Promise<string> {
  return participantCookie().serialize(participantId);
}
