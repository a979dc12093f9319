/** Users, sessions and tokens for integration tests, made through the real code paths (DAL, sign-in route). */
import type { Role } from "@/lib/auth/roles";
import { systemPrincipal } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createApiToken, revokeApiToken } from "@/lib/server/dal/api-tokens";
import { createUser, type User } from "@/lib/server/dal/users";
import * as session from "@/app/api/v1/session/route";
import { call } from "./api";

export const TEST_PASSWORD = "correct horse battery staple";
const system = { principal: systemPrincipal };

let n = 0;
export async function createTestUser(role: Role, password = TEST_PASSWORD): Promise<User> {
  n += 1;
  return createUser({ ctx: system, input: { name: `${role} ${n}`, email: `${role}-${n}-${process.pid}@example.com`, role, password } });
}

/** Sign in through POST /api/v1/session and return the `Cookie` header value the browser would send. */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await call(session.POST, "POST", "/api/v1/session", { token: null, body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
}

/** A stored API token for `user` with `role` (≤ theirs), optionally already expired or revoked. */
export async function createTestToken(user: User, role: Role, state: "active" | "expired" | "revoked" = "active"): Promise<string> {
  const ctx = { principal: { kind: "user" as const, id: user.id, name: user.name, role: user.role, userId: user.id } };
  const { token, secret } = await createApiToken({ ctx, input: { name: `${role} token ${++n}`, role, expiresInDays: 1 } });
  if (state === "expired") await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  if (state === "revoked") await revokeApiToken({ ctx, id: token.id });
  return secret;
}
