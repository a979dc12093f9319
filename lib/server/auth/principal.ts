import "server-only";
import { deniedReason, roleAllows, roleNeeded, type Permission, type Role } from "@/lib/auth/roles";
import { recordDenial } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";

export { Roles, type Permission, type Role } from "@/lib/auth/roles";

/** Who is acting: a person, an API token, the engine, or the system itself (seeding, migrations). */
export interface Principal {
  kind: "user" | "token" | "engine" | "system";
  id: string;
  name: string;
  role: Role;
  /** The person behind it: a user's own id, a token's creator; null for the automation token, engine and system. */
  userId?: string | null;
}

/** Passed to every data-access function: authorization is decided there, not in pages or the proxy. */
export interface Ctx {
  principal: Principal | null;
  sourceIp?: string | null;
  /** Why the engine or an alert acted, recorded in the audit trail. */
  cause?: string | null;
}

/** What a denied call tried to do, for its audit row. */
export interface AuthzTarget {
  verb: string;
  objectType: string;
  objectId?: string | null;
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return principal !== null && roleAllows(principal.role, permission);
}

/**
 * Throw UNAUTHORIZED without a principal and FORBIDDEN without the role; return the principal otherwise.
 * Every refusal is audited here, in its own small transaction (the refused work never opens one), so no caller
 * can forget to.
 */
export function authorize(ctx: Ctx, permission: Permission, target?: AuthzTarget): Principal {
  const { principal } = ctx;
  if (principal && can(principal, permission)) return principal;
  const error = principal
    ? new AppError("FORBIDDEN", deniedReason(principal.role, permission))
    : new AppError("UNAUTHORIZED", "Sign in or send an API token.");
  recordDenial(ctx, {
    verb: target?.verb ?? permission,
    objectType: target?.objectType ?? "unknown",
    objectId: target?.objectId ?? null,
    detail: principal ? `needs the ${roleNeeded[permission]} role; has ${principal.role}` : "no credentials",
  });
  throw error;
}

export const systemPrincipal: Principal = { kind: "system", id: "system", name: "system", role: "admin" };
export const engineCtx = (cause: string): Ctx => ({ principal: { kind: "engine", id: "engine", name: "engine", role: "operator" }, cause });
