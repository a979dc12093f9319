import { statusMatches } from "./health-check-config";
import type { CheckResult, ExpectedStatus } from "./types";

/** What the prober observed: a response status, or the error code/name of a failed request. */
export type ProbeOutcome = { readonly status: number } | { readonly errorCode: string };

/**
 * Error codes/names meaning "no answer in time": Node socket/undici timeouts, and the DOMException names
 * fetch raises for `AbortSignal.timeout()` ("TimeoutError") or our own abort on timeout ("AbortError").
 */
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "TimeoutError",
  "AbortError",
]);

/** Map a raw probe outcome to a check result with an ELB-style reason. */
export function classifyProbe(probe: ProbeOutcome, expected: ExpectedStatus): CheckResult {
  if ("status" in probe) {
    return statusMatches(probe.status, expected)
      ? { outcome: "passed", status: probe.status }
      : { outcome: "status_mismatch", status: probe.status };
  }
  if (TIMEOUT_CODES.has(probe.errorCode)) return { outcome: "timeout" };
  if (probe.errorCode === "ECONNREFUSED") return { outcome: "connection_refused" };
  return { outcome: "connection_error", code: probe.errorCode };
}
