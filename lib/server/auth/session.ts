import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isRole } from "@/lib/auth/roles";
import { db } from "../db";
import { clientIp } from "../http/client-ip";
import { getAuth } from "./better-auth";
import { SESSION_COOKIE, sessionPolicy } from "./config";
import type { Ctx, Principal } from "./principal";

const hasSessionCookie = (h: Headers) => (h.get("cookie") ?? "").includes(`${SESSION_COOKIE}=`);

/**
 * The user behind a request's session cookie, or null. better-auth checks the cookie's signature, finds the
 * session and enforces the absolute timeout (expiresAt); here the idle timeout is enforced (lastSeenAt, touched
 * at most once a minute) and a disabled user is refused. An expired session is deleted, not just ignored.
 */
export async function principalFromSession(h: Headers, now: Date = new Date()): Promise<Principal | null> {
  if (!hasSessionCookie(h)) return null;
  const found = await getAuth()
    .api.getSession({ headers: h, query: { disableRefresh: true } })
    .catch((error: unknown) => {
      console.error("Session lookup failed", error);
      return null;
    });
  if (!found) return null;
  const { session, user } = found;
  const lastSeenAt = new Date(session.lastSeenAt ?? session.createdAt);
  const idleMs = now.getTime() - lastSeenAt.getTime();
  if (idleMs > sessionPolicy.idleSeconds * 1000 || user.disabled || !isRole(user.role)) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleMs > sessionPolicy.touchSeconds * 1000) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { kind: "user", id: user.id, name: user.name || user.email, role: user.role, userId: user.id };
}

/** The console's principal for this request (memoised per request). */
export const currentPrincipal = cache(async (): Promise<Principal | null> => principalFromSession(await headers()));

/** Where to send someone who must sign in, returning them to the page they asked for. */
export function signInPath(next: string | null | undefined): string {
  return next && isLocalPath(next) && !next.startsWith("/sign-in") ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}

/** Only same-site paths are followed after sign-in (no `//evil.example`, no `/\evil`). */
export const isLocalPath = (path: string) => path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");

/**
 * The context for a page or server action: who acts and from where. A page rendered without a session redirects
 * to sign-in; a server action is not redirected but runs with no principal, so the data layer refuses it (401)
 * and audits the refusal like any other.
 */
export async function consoleCtx(): Promise<Ctx> {
  const h = await headers();
  const principal = await currentPrincipal();
  if (!principal && !h.has("next-action")) redirect(signInPath(h.get("x-stratus-path")));
  return { principal, sourceIp: clientIp(h) };
}
