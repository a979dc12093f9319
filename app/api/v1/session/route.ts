import { SignInInput } from "@/lib/schemas/user";
import { recordOutcome } from "@/lib/server/audit";
import { signIn, signOut, whoAmI } from "@/lib/server/auth/sign-in";
import { AppError } from "@/lib/server/errors";
import { isHttps } from "@/lib/server/http/client-ip";
import { apiRoute, isSameOrigin, json, readJsonObject } from "@/lib/server/http/route";
import { parseInput } from "@/lib/server/validation";

/** The console session: GET who am I, POST sign in (email + password), DELETE sign out. */
export const GET = apiRoute(async (_req, ctx) => json(whoAmI({ ctx })));

export const POST = apiRoute(async (req, ctx) => {
  // JSON only, and from this origin when a browser says where it came from: no cross-site login forms.
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("BAD_REQUEST", "Send the credentials as JSON: {\"email\": …, \"password\": …}.");
  }
  if ((req.headers.has("origin") || req.headers.has("sec-fetch-site")) && !isSameOrigin(req)) {
    recordOutcome(ctx, { verb: "sign-in", objectType: "session", outcome: "denied", detail: "cross-site sign-in refused" });
    throw new AppError("FORBIDDEN", "Sign in from the Stratus console itself.");
  }
  const { email, password } = parseInput(SignInInput, await readJsonObject(req));
  const { principal, cookies } = await signIn({ email, password, headers: req.headers, secure: isHttps(req.url, req.headers) });
  const headers = new Headers({ "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  const { kind, id, name, role } = principal;
  return Response.json({ kind, id, name, role }, { headers });
});

export const DELETE = apiRoute(async (req) => {
  const cookie = await signOut({ headers: req.headers, secure: isHttps(req.url, req.headers) });
  return new Response(null, { status: 204, headers: { "set-cookie": cookie, "cache-control": "no-store" } });
});
