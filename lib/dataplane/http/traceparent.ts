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

/** Sampled: a trace we start is recorded downstream unless a sampler of ours says otherwise. */
export const SAMPLED_FLAGS = "01";
const NOT_SAMPLED_FLAGS = "00";

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

export interface ChildTrace {
  /** The traceparent header for the backend hop. */
  readonly header: string;
  /** Its context: the trace id, the new span id (the backend's parent) and the flags. */
  readonly context: TraceContext;
  /** The caller's valid context, or null when we started the trace. */
  readonly parent: TraceContext | null;
  /** Whether the caller's tracestate may be forwarded (it must be dropped with an invalid parent). */
  readonly continued: boolean;
}

/**
 * The traceparent for the backend hop: a valid incoming header keeps its trace-id and flags (the caller's sampling
 * decision stands) and gets a new span id (the proxy's span becomes the backend's parent); a missing or invalid
 * one starts a new trace, flagged sampled unless `sampleNewTrace` says no.
 */
export function childTraceparent(
  incoming: string | readonly string[] | undefined,
  ids: IdSource,
  sampleNewTrace: (traceId: string) => boolean = () => true,
): ChildTrace {
  const parent = parseTraceparent(incoming);
  let context: TraceContext;
  if (parent === null) {
    const traceId = ids.traceId();
    context = { traceId, parentId: ids.spanId(), flags: sampleNewTrace(traceId) ? SAMPLED_FLAGS : NOT_SAMPLED_FLAGS };
  } else {
    context = { traceId: parent.traceId, parentId: ids.spanId(), flags: parent.flags };
  }
  return { header: formatTraceparent(context), context, parent, continued: parent !== null };
}

/** The sampled flag (bit 0 of trace-flags). */
export const isSampled = (context: TraceContext): boolean => (Number.parseInt(context.flags, 16) & 1) === 1;
