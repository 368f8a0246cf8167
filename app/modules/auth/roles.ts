// Staff roles. Each role includes the ones below it: an admin can do what an organiser can,
// an organiser what a moderator can. Moderators see live Q&A only, never personal data.
export const ROLES = ["MODERATOR", "ORGANISER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: "Administrator",
  ORGANISER: "Arrangør",
  MODERATOR: "Moderator",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasRole(actual: string, required: Role): boolean {
  return isRole(actual) && ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** Route modules under /admin export `handle = staffHandle("ORGANISER")`; a test checks they all do. */
export function staffHandle(role: Role) {
  return { staffRole: role } as const;
}
