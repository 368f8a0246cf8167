// Staff accounts: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, password sign-in,
// invitations (admins invite, the invitee sets a password or signs in with OpenID Connect),
// roles and removal. Every change is audited.
import { randomBytes } from "node:crypto";
import { audit, SYSTEM_ACTOR, type Actor } from "~/modules/audit/audit.server";
import { mailQueued, queueMail } from "~/modules/mail/outbox.server";
import { renderMail } from "~/modules/mail/render.server";
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n";
import { absoluteUrl } from "~/utils/config.server";
import { db } from "~/utils/db.server";
import { revokeLiveStaff } from "~/modules/live/live-revocation.server";
import { hashPassword, verifyPassword } from "./password.server";
import { hasRole, type Role } from "./roles";
import { sha256 } from "./session.server";

export const INVITE_DAYS = 7;

/** Creates the first admin when there is no staff account at all. Returns true if it did. */
export async function ensureBootstrapAdmin(email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password) return false;
  if ((await db().staffUser.count()) > 0) return false;
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const admin = await tx.staffUser.create({
      data: { email: email.trim().toLowerCase(), name: "Administrator", role: "ADMIN", passwordHash },
    });
    await audit(tx, SYSTEM_ACTOR, {
      action: "staff.bootstrap",
      targetType: "StaffUser",
      targetId: admin.id,
      summary: `Første administrator opprettet fra ADMIN_EMAIL (${admin.email})`,
    });
  });
  return true;
}

export async function signInWithPassword(email: string, password: string) {
  const user = await db().staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || !user.active) return null;
  return user;
}

export async function listStaff() {
  return db().staffUser.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      lastSignInAt: true,
      inviteExpiresAt: true,
      passwordHash: true,
      oidcSubject: true,
    },
  });
}

export type InviteResult = { ok: true; id: string } | { ok: false; error: "exists" };

/** The invitation mail goes in `locale`: the inviter's language (staff accounts store none of their own). */
export async function inviteStaff(
  actor: Actor,
  input: { email: string; name: string; role: Role },
  locale: Locale = "nb",
): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  const token = randomBytes(32).toString("base64url");
  const existing = await db().staffUser.findUnique({ where: { email } });
  if (existing?.active) return { ok: false, error: "exists" };
  const id = await db().$transaction(async (tx) => {
    const data = {
      email,
      name: input.name,
      role: input.role,
      active: true,
      inviteTokenHash: sha256(token),
      inviteExpiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600_000),
    };
    const user = existing
      ? await tx.staffUser.update({ where: { id: existing.id }, data })
      : await tx.staffUser.create({ data });
    const t = translator(locale);
    const rendered = renderMail({
      locale,
      subject: t("staff-tools:invitation.mail.subject"),
      greetingName: input.name,
      paragraphs: [t("staff-tools:invitation.mail.access", { inviter: actor.email }), t("staff-tools:invitation.mail.days", { count: INVITE_DAYS })],
      link: {
        intro: t("staff-tools:invitation.mail.linkIntro"),
        label: t("staff-tools:invitation.mail.linkLabel"),
        url: absoluteUrl(`/admin/invitation/${token}`),
      },
    });
    await queueMail(tx, { kind: "STAFF_INVITATION", to: email, ...rendered });
    await audit(tx, actor, {
      action: "staff.invite",
      targetType: "StaffUser",
      targetId: user.id,
      summary: `Inviterte ${email} som ${input.role}`,
      details: { role: input.role },
    });
    return user.id;
  });
  mailQueued();
  return { ok: true, id };
}

export async function findInvitation(token: string) {
  if (!/^[A-Za-z0-9_-]{30,100}$/.test(token)) return null;
  const user = await db().staffUser.findUnique({
    where: { inviteTokenHash: sha256(token) },
    select: { id: true, email: true, name: true, inviteExpiresAt: true, active: true },
  });
  if (!user || !user.active || !user.inviteExpiresAt || user.inviteExpiresAt < new Date()) return null;
  return user;
}

export type AcceptInvitationResult =
  | { ok: true; user: NonNullable<Awaited<ReturnType<typeof findInvitation>>> }
  | { ok: false; error: "gone" | "used" };

/**
 * Sets the password and uses up the invitation. The token is claimed by a conditional update
 * (only while it is still set, active and unexpired) in the transaction that sets the password,
 * so of many simultaneous accepts exactly one wins; the others get "used" and change nothing.
 */
export async function acceptInvitation(token: string, password: string): Promise<AcceptInvitationResult> {
  const user = await findInvitation(token);
  if (!user) return { ok: false, error: "gone" };
  const passwordHash = await hashPassword(password);
  const claimed = await db().$transaction(async (tx) => {
    const { count } = await tx.staffUser.updateMany({
      where: { id: user.id, inviteTokenHash: sha256(token), active: true, inviteExpiresAt: { gt: new Date() } },
      data: { passwordHash, inviteTokenHash: null, inviteExpiresAt: null },
    });
    if (count !== 1) return false;
    await audit(tx, { id: user.id, email: user.email }, {
      action: "staff.accept-invitation",
      targetType: "StaffUser",
      targetId: user.id,
      summary: `${user.email} tok imot invitasjonen og valgte passord`,
    });
    return true;
  });
  return claimed ? { ok: true, user } : { ok: false, error: "used" };
}

export type StaffChangeError = "last-admin" | "self" | "not-found";

async function wouldLeaveNoAdmin(userId: string): Promise<boolean> {
  const admins = await db().staffUser.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  return admins === 0;
}

export async function setStaffRole(actor: Actor, userId: string, role: Role): Promise<StaffChangeError | null> {
  const user = await db().staffUser.findUnique({ where: { id: userId } });
  if (!user) return "not-found";
  if (user.role === "ADMIN" && role !== "ADMIN" && (await wouldLeaveNoAdmin(userId))) return "last-admin";
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: userId }, data: { role } });
    await audit(tx, actor, {
      action: "staff.role",
      targetType: "StaffUser",
      targetId: userId,
      summary: `Endret rollen til ${user.email} fra ${user.role} til ${role}`,
      details: { before: user.role, after: role },
    });
  });
  // Open live sockets keep what they were given at join: end them when the new role may not moderate.
  if (!hasRole(role, "MODERATOR")) await revokeLiveStaff(userId);
  return null;
}

/** Removes a staff member's access: the account is deactivated and every session ends. */
export async function removeStaff(actor: Actor, userId: string): Promise<StaffChangeError | null> {
  if (actor.id === userId) return "self";
  const user = await db().staffUser.findUnique({ where: { id: userId } });
  if (!user) return "not-found";
  if (user.role === "ADMIN" && (await wouldLeaveNoAdmin(userId))) return "last-admin";
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: userId },
      data: { active: false, inviteTokenHash: null, inviteExpiresAt: null },
    });
    await tx.staffSession.deleteMany({ where: { staffId: userId } });
    await audit(tx, actor, {
      action: "staff.remove",
      targetType: "StaffUser",
      targetId: userId,
      summary: `Fjernet tilgangen til ${user.email}`,
    });
  });
  await revokeLiveStaff(userId);
  return null;
}

/** OpenID Connect: the verified e-mail must belong to an invited, active staff member. */
export async function staffForOidc(issuer: string, subject: string, email: string | undefined) {
  const linked = await db().staffUser.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } } });
  if (linked) return linked.active ? linked : null;
  if (!email) return null;
  const byEmail = await db().staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!byEmail || !byEmail.active || byEmail.oidcSubject) return null;
  return db().$transaction(async (tx) => {
    const user = await tx.staffUser.update({
      where: { id: byEmail.id },
      data: { oidcIssuer: issuer, oidcSubject: subject, inviteTokenHash: null, inviteExpiresAt: null },
    });
    await audit(tx, { id: user.id, email: user.email }, {
      action: "staff.oidc-link",
      targetType: "StaffUser",
      targetId: user.id,
      summary: `${user.email} logget inn med OpenID Connect første gang (${issuer})`,
    });
    return user;
  });
}
