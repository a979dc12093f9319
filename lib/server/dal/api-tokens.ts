import "server-only";
import type { ApiToken as ApiTokenRow } from "@/lib/generated/prisma/client";
import { roleNeeded, type Permission, type Role } from "@/lib/auth/roles";
import { CreateApiTokenInput } from "@/lib/schemas/api-token";
import { generateApiToken } from "../auth/api-token";
import { authorize, can, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { assertId, iso } from "./versioned";

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdById: string | null;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: "active" | "expired" | "revoked";
}

export const toApiToken = (t: ApiTokenRow, now: Date = new Date()): ApiToken => ({
  id: t.id,
  name: t.name,
  role: t.role,
  prefix: t.prefix,
  createdById: t.createdById,
  createdByName: t.createdByName,
  createdAt: iso(t.createdAt),
  expiresAt: iso(t.expiresAt),
  revokedAt: t.revokedAt ? iso(t.revokedAt) : null,
  lastUsedAt: t.lastUsedAt ? iso(t.lastUsedAt) : null,
  status: t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active",
});

const permissionFor = (role: Role): Permission => (Object.entries(roleNeeded).find(([, r]) => r === role)![0] as Permission);
const audited = (t: ApiToken) => ({ name: t.name, role: t.role, prefix: t.prefix, expiresAt: t.expiresAt, revokedAt: t.revokedAt });

/** Tokens the caller may see: admins see every token, anyone else their own. */
export async function listApiTokens({ ctx }: { ctx: Ctx }): Promise<ApiToken[]> {
  const principal = authorize(ctx, "read", { verb: "list", objectType: "apiToken" });
  const mine = { createdById: principal.userId ?? "00000000-0000-0000-0000-000000000000" };
  const rows = await db.apiToken.findMany({
    where: can(principal, "admin") ? {} : mine,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
  });
  const now = new Date();
  return rows.map((r) => toApiToken(r, now));
}

/**
 * Create a token with a role no higher than the caller's own (asking for more is refused like any other
 * permission) and an expiry. The secret is returned this once and never stored: only its SHA-256 is.
 */
export async function createApiToken({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ token: ApiToken; secret: string }> {
  authorize(ctx, "read", { verb: "create", objectType: "apiToken" });
  const data = parseInput(CreateApiTokenInput, input);
  const principal = authorize(ctx, permissionFor(data.role), { verb: "create", objectType: "apiToken" });
  const { secret, hash, prefix } = generateApiToken();
  const expiresAt = new Date(Date.now() + data.expiresInDays * 86_400_000);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: data.name, role: data.role, tokenHash: hash, prefix, expiresAt, createdById: principal.userId ?? null, createdByName: principal.name },
    });
    const token = toApiToken(row);
    await writeAudit(tx, ctx, { verb: "create", objectType: "apiToken", objectId: row.id, objectName: row.name, after: audited(token) });
    return { token, secret };
  });
}

/** Revoke a token at once. Its creator may revoke it; so may any admin. Revoking twice changes nothing. */
export async function revokeApiToken({ ctx, id }: { ctx: Ctx; id: string }): Promise<ApiToken> {
  const principal = authorize(ctx, "read", { verb: "revoke", objectType: "apiToken", objectId: id });
  assertId(id, "API token");
  const current = await db.apiToken.findUnique({ where: { id } });
  if (!current) throw notFound("API token");
  const own = principal.userId != null && current.createdById === principal.userId;
  if (!own) authorize(ctx, "admin", { verb: "revoke", objectType: "apiToken", objectId: id });
  if (current.revokedAt) return toApiToken(current);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    const token = toApiToken(row);
    await writeAudit(tx, ctx, { verb: "revoke", objectType: "apiToken", objectId: id, objectName: row.name, before: audited(toApiToken(current)), after: audited(token) });
    return token;
  });
}
