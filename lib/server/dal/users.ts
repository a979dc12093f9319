import "server-only";
import { randomBytes } from "node:crypto";
import type { User as UserRow } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";
import { CreateUserInput, UpdateUserInput } from "@/lib/schemas/user";
import { authorize, systemPrincipal, type Ctx } from "../auth/principal";
import { hashPassword } from "../auth/password";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { mapPrismaError } from "../prisma-errors";
import { parseInput } from "../validation";
import { assertId, iso } from "./versioned";

/** A user as the API and console see it: never a password hash. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Open sessions (list views only). */
  activeSessions?: number;
}

export const toUser = (u: UserRow): User => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  disabled: u.disabled,
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt),
});

const audited = (u: User) => ({ name: u.name, email: u.email, role: u.role, disabled: u.disabled });

/** Every user, admins first then by name; with how many sessions each has open. Admins only. */
export async function listUsers({ ctx }: { ctx: Ctx }): Promise<User[]> {
  authorize(ctx, "admin", { verb: "list", objectType: "user" });
  const rows = await db.user.findMany({
    orderBy: [{ role: "desc" }, { name: "asc" }, { id: "asc" }],
    include: { _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } } },
  });
  return rows.map((r) => ({ ...toUser(r), activeSessions: r._count.sessions }));
}

export async function getUser({ ctx, id }: { ctx: Ctx; id: string }): Promise<User> {
  authorize(ctx, "admin", { verb: "read", objectType: "user", objectId: id });
  const row = await db.user.findUnique({ where: { id: assertId(id, "User") } });
  if (!row) throw notFound("User");
  return toUser(row);
}

async function insertUser(tx: Tx, ctx: Ctx, input: CreateUserInput): Promise<User> {
  const row = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, emailVerified: true } });
  // better-auth's credential account: the Argon2id hash lives here, beside the user, never in its output.
  await tx.account.create({ data: { userId: row.id, accountId: row.id, providerId: "credential", password: await hashPassword(input.password) } });
  const user = toUser(row);
  await writeAudit(tx, ctx, { verb: "create", objectType: "user", objectId: row.id, objectName: row.email, after: audited(user) });
  return user;
}

/** An admin creates a user with a role and an initial password (shared with them out of band). */
export async function createUser({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<User> {
  authorize(ctx, "admin", { verb: "create", objectType: "user" });
  const data = parseInput(CreateUserInput, input);
  try {
    return await db.$transaction((tx) => insertUser(tx, ctx, data));
  } catch (error) {
    return mapPrismaError(error, "user");
  }
}

/**
 * Change a user's name, role, password or disabled flag. Disabling (or a new password) ends all their sessions in
 * the same transaction; their API tokens stop working while they are disabled, and act with no more than their
 * current role. The last enabled admin cannot be demoted or disabled, and nobody disables themselves.
 */
export async function updateUser({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }): Promise<User> {
  const actor = authorize(ctx, "admin", { verb: "update", objectType: "user", objectId: id });
  assertId(id, "User");
  const data = parseInput(UpdateUserInput, input);
  return db.$transaction(async (tx) => {
    // Serialise admin changes so two admins cannot each demote the other, leaving none.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('stratus:user-admin'))`;
    const current = await tx.user.findUnique({ where: { id } });
    if (!current) throw notFound("User");
    const losesAdmin = current.role === "admin" && !current.disabled && ((data.role && data.role !== "admin") || data.disabled === true);
    if (data.disabled === true && actor.userId === id) throw new AppError("CONFLICT", "You cannot disable your own account.");
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", disabled: false } })) <= 1) {
      throw new AppError("CONFLICT", "Stratus needs at least one enabled admin: make someone else an admin first.");
    }
    const row = await tx.user.update({ where: { id }, data: { name: data.name, role: data.role, disabled: data.disabled } });
    if (data.password) {
      await tx.account.updateMany({ where: { userId: id, providerId: "credential" }, data: { password: await hashPassword(data.password) } });
    }
    const endsSessions = data.disabled === true || data.password !== undefined;
    if (endsSessions) await tx.session.deleteMany({ where: { userId: id } });
    const before = toUser(current);
    const after = toUser(row);
    await writeAudit(tx, ctx, {
      verb: data.disabled === true && !current.disabled ? "disable" : data.disabled === false && current.disabled ? "enable" : "update",
      objectType: "user",
      objectId: id,
      objectName: row.email,
      before: { ...audited(before), ...(data.password ? { password: "(unchanged)" } : {}) },
      after: { ...audited(after), ...(data.password ? { password: "(changed)" } : {}) },
    });
    return after;
  });
}

/**
 * First run: create the first admin if there is no user yet. Returns the password when it was generated here
 * (to print once), or null when STRATUS_ADMIN_PASSWORD was given or users already exist.
 */
export async function ensureFirstAdmin({ email, password, name = "Administrator" }: { email: string; password?: string; name?: string }): Promise<
  { created: false } | { created: true; email: string; generatedPassword: string | null }
> {
  const generated = password ? null : randomBytes(15).toString("base64url"); // 120 bits, 20 characters
  const input = parseInput(CreateUserInput, { name, email, role: "admin", password: password ?? generated });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('stratus:user-admin'))`;
    if ((await tx.user.count()) > 0) return { created: false } as const;
    await insertUser(tx, { principal: systemPrincipal, cause: "first run" }, input);
    return { created: true, email: input.email, generatedPassword: generated } as const;
  });
}
