import "server-only";
import { principalFromAuthorization } from "../auth/api-token";
import type { Ctx } from "../auth/principal";
import { AppError } from "../errors";
import { problemResponse } from "./problem";

export interface RouteContext {
  params: Promise<Record<string, string>>;
}

type Handler = (req: Request, ctx: Ctx, params: Record<string, string>) => Promise<Response>;

/** Wrap a REST handler: authenticate, run, and map every failure to problem+json. */
export function apiRoute(handler: Handler) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    try {
      const ctx: Ctx = { principal: principalFromAuthorization(req.headers.get("authorization")), sourceIp: clientIp(req) };
      return await handler(req, ctx, await route.params);
    } catch (error) {
      return problemResponse(error, new URL(req.url).pathname);
    }
  };
}

function clientIp(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
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
