// Staff roles. Each role includes the ones below it: an admin can do what an organiser can,
// an organiser what a moderator can. Moderators see live Q&A only, never personal data.
export const ROLES = ["MODERATOR", "ORGANISER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Bokmål role names, for code that has no translator yet; pages use `roleKey`. */
export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: "Administrator",
  ORGANISER: "Arrangør",
  MODERATOR: "Moderator",
};

/** The catalog key of a role's name (staff-tools namespace). */
export function roleKey(role: Role) {
  return `staff-tools:role.${role}` as const;
}

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
