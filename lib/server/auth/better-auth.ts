import "server-only";
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "../db";
import { sessionPolicy } from "./config";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";

/**
 * better-auth owns credentials and sessions: 190-bit random session tokens in HMAC-signed HttpOnly cookies, a new
 * session per sign-in, Argon2id password hashes (password.ts) and timing-equalised failures. Stratus calls its
 * server API from its own routes (app/api/v1/session) rather than mounting the library's catch-all handler, so
 * sign-up, password reset by e-mail and the other endpoints it would expose simply do not exist.
 */
function createAuth() {
  const secret = process.env.STRATUS_AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("STRATUS_AUTH_SECRET is not set (at least 32 characters): start Stratus with `npm start`, which provides one.");
  }
  return betterAuth({
    appName: "Stratus",
    secret,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true, // admins create users (lib/server/dal/users.ts)
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      // The absolute timeout; the idle timeout is checked on every request against lastSeenAt (session.ts).
      expiresIn: sessionPolicy.absoluteSeconds,
      disableSessionRefresh: true,
      additionalFields: { lastSeenAt: { type: "date", required: false, input: false, defaultValue: () => new Date() } },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false },
        disabled: { type: "boolean", required: false, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user's correct password still creates no session.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user && !user.disabled ? undefined : false;
          },
        },
      },
    },
    advanced: {
      cookiePrefix: "stratus",
      // The Secure attribute is set per request by the session route (on https); one cookie name either way.
      useSecureCookies: false,
      database: { generateId: () => randomUUID() },
    },
    rateLimit: { enabled: false }, // sign-in failures are limited per account and address in sign-in-limit.ts
    telemetry: { enabled: false },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { stratusAuth?: Auth };

/** The instance, created on first use (`next build` imports routes without a database or secret). */
export function getAuth(): Auth {
  return (globalForAuth.stratusAuth ??= createAuth());
}
