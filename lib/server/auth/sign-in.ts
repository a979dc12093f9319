import "server-only";
import { isRole } from "@/lib/auth/roles";
import { recordOutcome, settleAuditWrites } from "../audit";
import { AppError, RateLimitedError } from "../errors";
import { clientIp } from "../http/client-ip";
import { getAuth } from "./better-auth";
import { SESSION_COOKIE } from "./config";
import { authorize, type Ctx, type Principal } from "./principal";
import { principalFromSession } from "./session";
import { admitSignIn, signInSucceeded } from "./sign-in-limit";

/** One message for every failure, so sign-in never tells whether an account exists or is disabled. */
export const SIGN_IN_FAILED = "Email or password is incorrect.";

export interface SignedIn {
  principal: Principal;
  /** Set-Cookie values for the response. */
  cookies: string[];
}

/**
 * Sign in with email and password: rate-limited (429 with Retry-After), checked by better-auth (Argon2id), a new
 * session every time (any session the browser already had is ended first), and audited whatever the outcome.
 */
export async function signIn({ email, password, headers, secure }: { email: string; password: string; headers: Headers; secure: boolean }): Promise<SignedIn> {
  const sourceIp = clientIp(headers);
  const anonymous: Ctx = { principal: null, sourceIp };
  const attempt = { verb: "sign-in", objectType: "session", objectName: email.trim().toLowerCase() };

  const admission = await admitSignIn(email, sourceIp);
  if (!admission.admitted) {
    recordOutcome(anonymous, { ...attempt, outcome: "denied", detail: "too many failed sign-ins" });
    await settleAuditWrites();
    const minutes = Math.ceil(admission.retryAfterSeconds / 60);
    throw new RateLimitedError(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, admission.retryAfterSeconds);
  }

  const auth = getAuth();
  if ((headers.get("cookie") ?? "").includes(`${SESSION_COOKIE}=`)) await auth.api.signOut({ headers }).catch(() => undefined);
  // Only what the session row records (address, user agent) is passed on, never the caller's cookies.
  const forwarded = new Headers();
  for (const name of ["user-agent", "x-forwarded-for", "x-real-ip"]) {
    const value = headers.get(name);
    if (value) forwarded.set(name, value);
  }
  const result = await auth.api
    .signInEmail({ body: { email: email.trim(), password }, headers: forwarded, returnHeaders: true })
    .catch(() => null); // wrong password, unknown account, disabled user, over-long input: all the same to the caller
  const user = result?.response.user as { id: string; name: string; email: string; role?: unknown } | undefined;
  if (!result || !user || !isRole(user.role)) {
    recordOutcome(anonymous, { ...attempt, outcome: "failed", detail: "wrong email or password, or account disabled" });
    await settleAuditWrites();
    throw new AppError("UNAUTHORIZED", SIGN_IN_FAILED);
  }
  await signInSucceeded(admission);
  const principal: Principal = { kind: "user", id: user.id, name: user.name || user.email, role: user.role, userId: user.id };
  recordOutcome({ principal, sourceIp }, { ...attempt, objectId: user.id });
  await settleAuditWrites();
  const cookies = result.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return { principal, cookies: cookies.map((c) => hardenCookie(c, secure)) };
}

/** End the request's session (idempotent) and return the Set-Cookie value that clears the cookie. */
export async function signOut({ headers, secure }: { headers: Headers; secure: boolean }): Promise<string> {
  const principal = await principalFromSession(headers);
  if (principal) {
    await getAuth().api.signOut({ headers });
    recordOutcome({ principal, sourceIp: clientIp(headers) }, { verb: "sign-out", objectType: "session", objectId: principal.id, objectName: principal.name });
    await settleAuditWrites();
  }
  return hardenCookie(`${SESSION_COOKIE}=; Max-Age=0; Path=/`, secure);
}

/** Who the caller is: any signed-in principal may ask. */
export function whoAmI({ ctx }: { ctx: Ctx }): Pick<Principal, "kind" | "id" | "name" | "role"> {
  const { kind, id, name, role } = authorize(ctx, "read", { verb: "read", objectType: "session" });
  return { kind, id, name, role };
}

/** The library's cookie with Stratus's attributes: HttpOnly, SameSite=Lax, Path=/, and Secure on https. */
export function hardenCookie(setCookie: string, secure: boolean): string {
  const [pair, ...attributes] = setCookie.split(";").map((s) => s.trim());
  const lifetime = attributes.filter((a) => /^(max-age|expires)=/i.test(a));
  return [pair, ...lifetime, "Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; ");
}
