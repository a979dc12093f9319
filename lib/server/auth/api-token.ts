import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Principal } from "./principal";

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** Compare in constant time (over fixed-length digests) so the token cannot be guessed byte by byte. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** Resolve an `Authorization: Bearer …` header to a principal, or null. */
export function principalFromAuthorization(header: string | null): Principal | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const token = match[1]!;
  const adminToken = process.env.STRATUS_ADMIN_TOKEN;
  if (adminToken && adminToken.length >= 16 && sameSecret(token, adminToken)) {
    return { kind: "token", id: "env:STRATUS_ADMIN_TOKEN", name: "STRATUS_ADMIN_TOKEN", role: "admin" };
  }
  return null;
}
