/**
 * W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header):
 * `00-<32 lower-hex trace-id>-<16 lower-hex parent-id>-<2 lower-hex flags>`. All-zero ids and version `ff`
 * are invalid. A future version is read by its version-00 prefix when followed by `-`, as the spec asks.
 */
export interface TraceContext {
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: string;
}

const VERSION_00 = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const FUTURE_VERSION = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/** Sampled, for a trace we start: without a sampler of our own we let downstream record it. */
export const SAMPLED_FLAGS = "01";

export function parseTraceparent(header: string | readonly string[] | undefined): TraceContext | null {
  // Several traceparent headers are ambiguous: the spec treats that as invalid.
  if (header === undefined || typeof header !== "string") return null;
  const value = header.trim();
  let match = VERSION_00.exec(value)?.slice(1);
  if (match === undefined) {
    const future = FUTURE_VERSION.exec(value);
    // Version 00 must be exactly 55 characters; ff is forbidden.
    if (future === null || future[1] === "00" || future[1] === "ff") return null;
    match = future.slice(2);
  }
  const [traceId = "", parentId = "", flags = ""] = match;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return null;
  return { traceId, parentId, flags };
}

export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.parentId}-${context.flags}`;
}

export interface IdSource {
  /** 16 random bytes as 32 lower-hex characters, not all zero. */
  traceId(): string;
  /** 8 random bytes as 16 lower-hex characters, not all zero. */
  spanId(): string;
}

/**
 * The traceparent for the backend hop: a valid incoming header keeps its trace-id and flags and gets a new
 * span id (the proxy's span becomes the backend's parent); a missing or invalid one starts a new trace.
 * `continued` tells whether the caller's tracestate may be forwarded (it must be dropped with an invalid parent).
 */
export function childTraceparent(incoming: string | readonly string[] | undefined, ids: IdSource): { header: string; continued: boolean } {
  const parent = parseTraceparent(incoming);
  const context =
    parent === null
      ? { traceId: ids.traceId(), parentId: ids.spanId(), flags: SAMPLED_FLAGS }
      : { traceId: parent.traceId, parentId: ids.spanId(), flags: parent.flags };
  return { header: formatTraceparent(context), continued: parent !== null };
}
