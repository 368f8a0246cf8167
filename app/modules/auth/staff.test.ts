import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../../../test/own-database";
import { hashPassword } from "./password.server";
import { hasRole } from "./roles";
import { createStaffSession, getStaff, sha256 } from "./session.server";
import { action as invitationAction } from "~/routes/admin_.invitation.$token";
import { acceptInvitation, findInvitation, inviteStaff, removeStaff, setStaffRole, signInWithPassword } from "./staff.server";

useOwnDatabase("staff");

// Own database: the "last admin" rule looks at every staff account.

const unique = (p: string) => `${p}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@samhandling.test`;

async function makeStaff(role: string, password?: string) {
  return db().staffUser.create({
    data: { email: unique(role.toLowerCase()), name: role, role, passwordHash: password ? await hashPassword(password) : null },
  });
}

function requestWith(cookie: string) {
  return new Request("http://localhost/admin", { headers: { cookie: cookie.split(";")[0] } });
}

describe("roles", () => {
  it("include the ones below", () => {
    expect(hasRole("ADMIN", "ORGANISER")).toBe(true);
    expect(hasRole("ORGANISER", "MODERATOR")).toBe(true);
    expect(hasRole("MODERATOR", "ORGANISER")).toBe(false);
    expect(hasRole("ORGANISER", "ADMIN")).toBe(false);
    expect(hasRole("SOMETHING", "MODERATOR")).toBe(false);
  });
});

describe("password sign-in and sessions", () => {
  it("signs in with the right password only, and stores only a hash of the session token", async () => {
    const user = await makeStaff("ORGANISER", "riktig-passord-123");
    expect(await signInWithPassword(user.email, "feil-passord-123")).toBeNull();
    expect(await signInWithPassword("ukjent@samhandling.test", "riktig-passord-123")).toBeNull();
    expect((await signInWithPassword(user.email.toUpperCase(), "riktig-passord-123"))?.id).toBe(user.id);

    const cookie = await createStaffSession(user.id, "test");
    const cookieValue = decodeURIComponent(/staff_session=([^;]+)/.exec(cookie)![1]);
    const token = JSON.parse(Buffer.from(cookieValue, "base64").toString("utf8")) as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await db().staffSession.findMany({ where: { staffId: user.id } });
    expect(stored.map((s) => s.id)).toEqual([sha256(token)]);
    expect((await getStaff(requestWith(cookie)))?.id).toBe(user.id);
  });

  it("ends every session when access is removed", async () => {
    const admin = await makeStaff("ADMIN");
    const user = await makeStaff("MODERATOR", "passord-passord-1");
    const cookie = await createStaffSession(user.id, null);
    expect(await getStaff(requestWith(cookie))).not.toBeNull();
    expect(await removeStaff({ id: admin.id, email: admin.email }, user.id)).toBeNull();
    expect(await getStaff(requestWith(cookie))).toBeNull();
    expect(await signInWithPassword(user.email, "passord-passord-1")).toBeNull();
    const log = await db().auditLog.findFirst({ where: { targetId: user.id, action: "staff.remove" } });
    expect(log?.actorEmail).toBe(admin.email);
  });

  it("never leaves the system without an admin, and nobody removes themselves", async () => {
    await db().staffUser.updateMany({ where: { role: "ADMIN" }, data: { role: "ORGANISER" } });
    const only = await makeStaff("ADMIN");
    const actor = { id: only.id, email: only.email };
    expect(await setStaffRole(actor, only.id, "ORGANISER")).toBe("last-admin");
    expect(await removeStaff(actor, only.id)).toBe("self");
    const second = await makeStaff("ADMIN");
    expect(await setStaffRole(actor, second.id, "MODERATOR")).toBeNull();
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("MODERATOR");
  });
});

describe("invitations", () => {
  it("mail a one-time link that sets a password, and cannot be used twice", async () => {
    const admin = await makeStaff("ADMIN");
    const email = unique("invited");
    const r = await inviteStaff({ id: admin.id, email: admin.email }, { email, name: "Ny Ansatt", role: "ORGANISER" });
    expect(r.ok).toBe(true);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: email, kind: "STAFF_INVITATION" } });
    const token = /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const user = await db().staffUser.findUniqueOrThrow({ where: { email } });
    expect(user.inviteTokenHash).toBe(sha256(token));
    expect(await findInvitation(token)).not.toBeNull();
    expect((await acceptInvitation(token, "et-godt-passord-12")).ok).toBe(true);
    expect(await acceptInvitation(token, "et-annet-passord-12")).toEqual({ ok: false, error: "gone" });
    expect((await signInWithPassword(email, "et-godt-passord-12"))?.role).toBe("ORGANISER");
    expect(await inviteStaff({ id: admin.id, email: admin.email }, { email, name: "Igjen", role: "ADMIN" })).toEqual({
      ok: false,
      error: "exists",
    });
  });

  it("go in the inviter's language (bokmål, nynorsk or English), naming no municipality", async () => {
    const admin = await makeStaff("ADMIN");
    const expected = {
      nb: ["Du er invitert til Samhandling", "Lenken under gjelder i 7 dager", "Ta imot invitasjonen"],
      nn: ["Du er invitert til Samhandling", "Lenkja under gjeld i 7 dagar", "Ta imot invitasjonen"],
      en: ["You are invited to Samhandling", "The link below is valid for 7 days", "Accept the invitation"],
    } as const;
    for (const locale of ["nb", "nn", "en"] as const) {
      const email = unique(`lang-${locale}`);
      expect((await inviteStaff({ id: admin.id, email: admin.email }, { email, name: "Språk", role: "MODERATOR" }, locale)).ok).toBe(true);
      const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: email, kind: "STAFF_INVITATION" } });
      const [subject, days, label] = expected[locale];
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(days);
      expect(mail.text).toContain(admin.email);
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.html).toContain(label);
      expect(mail.text).not.toMatch(/staff-tools:|\{\{/);
    }
  });

  it("expire", async () => {
    const admin = await makeStaff("ADMIN");
    const email = unique("late");
    await inviteStaff({ id: admin.id, email: admin.email }, { email, name: "Sen", role: "MODERATOR" });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: email } });
    const token = /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await db().staffUser.update({ where: { email }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(token)).toBeNull();
    expect(await acceptInvitation(token, "et-godt-passord-12")).toEqual({ ok: false, error: "gone" });
  });

  it("are accepted exactly once when many accept at the same time", async () => {
    const admin = await makeStaff("ADMIN");
    const email = unique("race");
    await inviteStaff({ id: admin.id, email: admin.email }, { email, name: "Rask", role: "ORGANISER" });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: email } });
    const token = /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const passwords = Array.from({ length: 15 }, (_, i) => `parallelt-passord-${i}`);
    const results = await Promise.all(passwords.map((p) => acceptInvitation(token, p)));
    const winners = results.flatMap((r, i) => (r.ok ? [passwords[i]] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "used")).toBe(true);
    // The winner's password is the one that works; the others changed nothing.
    expect(await signInWithPassword(email, winners[0])).not.toBeNull();
    for (const p of passwords.filter((p) => p !== winners[0])) expect(await signInWithPassword(email, p)).toBeNull();
    const user = await db().staffUser.findUniqueOrThrow({ where: { email } });
    expect(await db().auditLog.count({ where: { targetId: user.id, action: "staff.accept-invitation" } })).toBe(1);
  });

  it("through the page: one parallel accept gets a session, the others 409 with a message", async () => {
    const admin = await makeStaff("ADMIN");
    const email = unique("route-race");
    await inviteStaff({ id: admin.id, email: admin.email }, { email, name: "Rute", role: "MODERATOR" });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: email } });
    const token = /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const post = (i: number) =>
      invitationAction({
        request: new Request(`https://samhandling.test/admin/invitation/${token}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ password: `rute-passord-${i}-abc`, confirm: `rute-passord-${i}-abc` }),
        }),
        params: { token },
        context: {} as never,
      }).catch((e: unknown) => e);
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i)));
    const statuses = responses.map((r) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200)));
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 302).every((s) => s === 409 || s === 404)).toBe(true);
    const refused = responses.find((r) => !(r instanceof Response));
    if (refused) expect(JSON.stringify((refused as { data: unknown }).data)).toContain("staff-tools:invitation.used");
    const user = await db().staffUser.findUniqueOrThrow({ where: { email } });
    expect(await db().staffSession.count({ where: { staffId: user.id } })).toBe(1);
  });
});
