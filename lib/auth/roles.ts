/**
 * Roles and what each may do. Shared by the server (where authorization is decided, in the data-access layer)
 * and the console (which only hides or disables what a role may not use — never the boundary itself).
 */
export const Roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof Roles)[number];

/** read: see everything · write: create, edit, scale, drain, eject · admin: users, tokens of others, quotas. */
export type Permission = "read" | "write" | "admin";

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
export const roleNeeded: Record<Permission, Role> = { read: "viewer", write: "operator", admin: "admin" };

export const roleAllows = (role: Role, permission: Permission): boolean => rank[role] >= rank[roleNeeded[permission]];

/** A role no higher than `ceiling` (an API token never outranks its creator). */
export const roleAtMost = (role: Role, ceiling: Role): boolean => rank[role] <= rank[ceiling];

/** The lower of two roles. */
export const lowerRole = (a: Role, b: Role): Role => (rank[a] <= rank[b] ? a : b);

export const isRole = (value: unknown): value is Role => typeof value === "string" && (Roles as readonly string[]).includes(value);

const verbs: Record<Permission, string> = { read: "see this", write: "make changes", admin: "manage users, tokens and quotas" };

/** The reason shown (as a tooltip, or in a 403) when a role may not do something. */
export function deniedReason(role: Role | null, permission: Permission): string {
  if (role === null) return "Sign in first.";
  return `Your role (${role}) may not ${verbs[permission]}: that needs the ${roleNeeded[permission]} role.`;
}
