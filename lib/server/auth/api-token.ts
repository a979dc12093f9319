import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { lowerRole } from "@/lib/auth/roles";
import { db } from "../db";
import type { Principal } from "./principal";

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** Compare in constant time (over fixed-length digests) so the token cannot be guessed byte by byte. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

export const ENV_TOKEN_ID = "env:STRATUS_ADMIN_TOKEN";
const TOKEN_PREFIX = "stratus_";
const TOUCH_MS = 60_000;

/**
 * A new API token: 256 random bits. Only its SHA-256 is stored — a fast hash is the standard for secrets with
 * this much entropy (no dictionary to guess from), and it lets a lookup find the row by index.
 */
export function generateApiToken(): { secret: string; hash: string; prefix: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashApiToken(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) };
}

export const hashApiToken = (secret: string) => sha256(secret).toString("hex");

/**
 * Resolve an `Authorization: Bearer …` header to a principal, or null: STRATUS_ADMIN_TOKEN (automation) or a
 * stored token that is neither revoked nor expired and whose creator is still enabled. A token acts with the
 * lower of its own role and its creator's current one, so demoting a user demotes their tokens too.
 */
export async function principalFromAuthorization(header: string | null, now: Date = new Date()): Promise<Principal | null> {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const token = match[1]!;
  const adminToken = process.env.STRATUS_ADMIN_TOKEN;
  if (adminToken && adminToken.length >= 16 && sameSecret(token, adminToken)) {
    return { kind: "token", id: ENV_TOKEN_ID, name: "STRATUS_ADMIN_TOKEN", role: "admin", userId: null };
  }
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { createdBy: { select: { role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (row.createdById && (!row.createdBy || row.createdBy.disabled)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const role = row.createdBy ? lowerRole(row.role, row.createdBy.role) : row.role;
  return { kind: "token", id: row.id, name: row.name, role, userId: row.createdById };
}
