import "server-only";
import { principalFromAuthorization } from "../auth/api-token";
import type { Ctx, Principal } from "../auth/principal";
import { principalFromSession } from "../auth/session";
import { settleAuditWrites } from "../audit";
import { AppError } from "../errors";
import { clientIp } from "./client-ip";
import { problemResponse } from "./problem";

export interface RouteContext {
  params: Promise<Record<string, string>>;
}

export type Handler = (req: Request, ctx: Ctx, params: Record<string, string>) => Promise<Response>;

/**
 * Wrap a REST handler: authenticate, run, and map every failure to problem+json. Authentication only says who is
 * asking; whether they may is decided by the data-access function the handler calls.
 */
export function apiRoute(handler: Handler) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    try {
      const ctx: Ctx = { principal: await requestPrincipal(req), sourceIp: clientIp(req.headers) };
      return await handler(req, ctx, await route.params);
    } catch (error) {
      await settleAuditWrites(); // a refusal's audit row is written before the client hears about it
      return problemResponse(error, new URL(req.url).pathname);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A bearer token if one is sent (an invalid one is not retried as a cookie), else the console's session cookie.
 * A cookie rides along with cross-site requests too, so for a change it counts only when the request is
 * same-origin (Origin, or Sec-Fetch-Site, matches): otherwise the caller is anonymous and is refused like one.
 */
async function requestPrincipal(req: Request): Promise<Principal | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) return principalFromAuthorization(authorization);
  if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req)) return null;
  return principalFromSession(req.headers);
}

export function isSameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Read a JSON object body; malformed JSON is a 400, a non-object a 422. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  let body: unknown;
  try {
    body = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("INVALID", "The request body must be a JSON object.", [{ path: "(body)", message: "Expected an object" }]);
  }
  return body as Record<string, unknown>;
}

/** The version a write is based on: the `If-Match` header (`"3"`, `W/"3"` or `3`) or the body's `version`. */
export function versionFrom(req: Request, body?: Record<string, unknown>): number | undefined {
  const header = req.headers.get("if-match");
  if (header) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
    if (!match) throw new AppError("BAD_REQUEST", 'If-Match must carry the object\'s version, e.g. If-Match: "3".');
    return Number(match[1]);
  }
  const v = body?.version;
  return typeof v === "number" ? v : undefined;
}

export function queryObject(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

export const withEtag = (obj: { version: number }, status = 200) => json(obj, status, { etag: `"${obj.version}"` });
