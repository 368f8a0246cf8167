// Server-side staff sessions. The cookie carries 256 random bits; the database stores only
// their SHA-256, so a leaked database cannot be turned into live sessions.
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { config } from "~/utils/config.server";
import { db } from "~/utils/db.server";
import { safeRedirect } from "~/utils/redirect.server";
import type { Actor } from "~/modules/audit/audit.server";
import { revokeLiveSession } from "~/modules/live/live-revocation.server";
import { getLocale, translator } from "~/i18n/i18n.server";
import { hasRole, type Role } from "./roles";

const SESSION_HOURS = 12;

function sessionCookie() {
  return createCookie("staff_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config().baseUrl.startsWith("https:"),
    maxAge: SESSION_HOURS * 3600,
  });
}

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type Staff = { id: string; email: string; name: string; role: string };

export function actorOf(staff: Staff): Actor {
  return { id: staff.id, email: staff.email };
}

/** Creates a session and returns the Set-Cookie header value. */
export async function createStaffSession(staffId: string, userAgent: string | null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db().$transaction([
    db().staffSession.create({
      data: {
        id: sha256(token),
        staffId,
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
    }),
    db().staffUser.update({ where: { id: staffId }, data: { lastSignInAt: now } }),
    // Housekeeping: expired sessions are of no use to anyone.
    db().staffSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return sessionCookie().serialize(token);
}

export async function getStaff(request: Request): Promise<Staff | null> {
  return (await staffSessionFromCookieHeader(request.headers.get("Cookie")))?.staff ?? null;
}

/** The staff member and their session id (the token's SHA-256) for a Cookie header; null when not signed in. */
export async function staffSessionFromCookieHeader(cookieHeader: string | null | undefined): Promise<{ sessionId: string; staff: Staff } | null> {
  if (!cookieHeader) return null;
  const token = await sessionCookie().parse(cookieHeader);
  if (typeof token !== "string" || token.length < 20) return null;
  return staffSessionById(sha256(token));
}

/** A session that is still valid, by its stored id (the live channel re-checks moderators with it). */
export async function staffSessionById(sessionId: string): Promise<{ sessionId: string; staff: Staff } | null> {
  const session = await db().staffSession.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, staff: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!session || session.expiresAt < new Date() || !session.staff.active) return null;
  const { active: _active, ...staff } = session.staff;
  return { sessionId, staff };
}

/**
 * The guard for every staff page and action: anonymous visitors are sent to sign in,
 * signed-in staff without the role get 403.
 */
export async function requireStaff(request: Request, role: Role): Promise<Staff> {
  const staff = await getStaff(request);
  if (!staff) {
    const url = new URL(request.url);
    throw redirect(`/admin/login?redirectTo=${encodeURIComponent(safeRedirect(url.pathname + url.search, "/admin"))}`);
  }
  if (!hasRole(staff.role, role)) {
    throw new Response(translator(await getLocale(request))("staff-tools:error.forbidden"), { status: 403 });
  }
  return staff;
}

export async function destroyStaffSession(request: Request): Promise<string> {
  const token = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token === "string") {
    await db().staffSession.deleteMany({ where: { id: sha256(token) } });
    await revokeLiveSession(sha256(token));
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}
