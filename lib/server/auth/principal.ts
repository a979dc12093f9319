import "server-only";
import { AppError } from "@/lib/server/errors";

export const Roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof Roles)[number];

/** Who is acting: a person, an API token, the engine, or the system itself (seeding, migrations). */
export interface Principal {
  kind: "user" | "token" | "engine" | "system";
  id: string;
  name: string;
  role: Role;
}

/** Passed to every data-access function: authorization is decided there, not in pages or the proxy. */
export interface Ctx {
  principal: Principal | null;
  sourceIp?: string | null;
  /** Why the engine or an alert acted, recorded in the audit trail. */
  cause?: string | null;
}

export type Permission = "read" | "write" | "admin";

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
const needed: Record<Permission, Role> = { read: "viewer", write: "operator", admin: "admin" };

export function can(principal: Principal | null, permission: Permission): boolean {
  return principal !== null && rank[principal.role] >= rank[needed[permission]];
}

/** Throw UNAUTHORIZED without a principal and FORBIDDEN without the role; return the principal otherwise. */
export function authorize(ctx: Ctx, permission: Permission): Principal {
  const { principal } = ctx;
  if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send an API token.");
  if (!can(principal, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${principal.role}) may not ${permission === "read" ? "read this" : "make this change"}.`);
  }
  return principal;
}

export const systemPrincipal: Principal = { kind: "system", id: "system", name: "system", role: "admin" };
export const engineCtx = (cause: string): Ctx => ({ principal: { kind: "engine", id: "engine", name: "engine", role: "operator" }, cause });
