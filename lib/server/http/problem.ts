import "server-only";
import { AppError, httpStatusOf, RateLimitedError, type ErrorCode } from "../errors";

const titles: Record<ErrorCode, string> = {
  BAD_REQUEST: "Bad request",
  UNAUTHORIZED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  STALE_VERSION: "Version conflict",
  QUOTA_EXCEEDED: "Quota exceeded",
  INVALID: "Invalid fields",
  RATE_LIMITED: "Too many requests",
  TOO_LARGE: "Content too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
};

const slug = (code: ErrorCode) => code.toLowerCase().replaceAll("_", "-");

/** RFC 9457 problem details. Unexpected errors are logged and answered with a generic 500, never their message. */
export function problemResponse(error: unknown, instance?: string): Response {
  if (!(error instanceof AppError)) {
    console.error("Unexpected error", error);
    return problem({ type: "about:blank", title: "Internal server error", status: 500, detail: "Something went wrong on our side.", errors: [] }, instance);
  }
  const headers: Record<string, string> = {};
  if (error.code === "UNAUTHORIZED") headers["WWW-Authenticate"] = 'Bearer realm="stratus"';
  if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
  return problem(
    {
      type: `https://stratus.dev/problems/${slug(error.code)}`,
      title: titles[error.code],
      status: httpStatusOf[error.code],
      detail: error.message,
      errors: error.fieldErrors,
    },
    instance,
    headers,
  );
}

function problem(body: Record<string, unknown>, instance?: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ ...body, ...(instance ? { instance } : {}) }), {
    status: body.status as number,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
