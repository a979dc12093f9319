/** How a failed backend attempt before any response is answered, and whether it may be retried elsewhere. */
export type UpstreamFailure = "connect" | "timeout" | "other";

/**
 * Connect failures: the request never reached the backend, or the backend dropped it unanswered (refused, reset
 * or closed before a response).
 */
const CONNECT_FAILURES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UPSTREAM_CLOSED", "EHOSTUNREACH", "ENETUNREACH"]);
const TIMEOUTS: ReadonlySet<string> = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "ETIMEDOUT"]);

export function classifyUpstreamError(error: unknown): UpstreamFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return "other";
  if (CONNECT_FAILURES.has(code)) return "connect";
  if (TIMEOUTS.has(code)) return "timeout";
  return "other";
}

/** A short, safe description for the problem detail (codes only, never a backend's message). */
export function describeUpstreamError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? `upstream error ${code}` : "upstream error";
}

/** The failure as OpenTelemetry's `error.type` on a span: the error's code, or a generic name. */
export function upstreamErrorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "upstream_error";
}
