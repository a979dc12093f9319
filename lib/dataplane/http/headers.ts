import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1 plus the legacy ones proxies still meet): they describe one connection
 * and are never forwarded. `expect` is answered by our own server (100-continue) and undici refuses it.
 */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Headers we set ourselves on the way to the backend, so the client's copies are dropped first. */
const REPLACED_ON_REQUEST: ReadonlySet<string> = new Set(["expect", "traceparent", "x-forwarded-proto"]);

/** Names listed in `Connection` are hop-by-hop for this message too (`Connection: close, X-Session`). */
function connectionTokens(values: readonly string[]): Set<string> {
  const tokens = new Set<string>();
  for (const value of values) {
    for (const token of value.split(",")) {
      const name = token.trim().toLowerCase();
      if (name !== "") tokens.add(name);
    }
  }
  return tokens;
}

export interface ForwardingContext {
  /** The client's socket address, appended to X-Forwarded-For. */
  readonly remoteAddress: string;
  readonly proto: "http" | "https";
  /** The traceparent for the backend hop (see childTraceparent). */
  readonly traceparent: string;
  /** Forward the client's tracestate only when its traceparent was valid. */
  readonly keepTracestate: boolean;
  /** A `Via` entry such as "1.1 stratus", or null for none. */
  readonly via: string | null;
}

/**
 * The backend request's headers from the client's raw header list (names keep their case, duplicates their
 * order): hop-by-hop removed, X-Forwarded-For appended to, X-Forwarded-Proto and traceparent set, Via added.
 * Returned as a flat [name, value, …] list, the form undici sends without re-parsing.
 */
export function forwardRequestHeaders(rawHeaders: readonly string[], context: ForwardingContext): string[] {
  const connectionValues: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] as string).toLowerCase() === "connection") connectionValues.push(rawHeaders[i + 1] as string);
  }
  const dropped = connectionValues.length === 0 ? null : connectionTokens(connectionValues);
  const out: string[] = [];
  const forwardedFor: string[] = [];
  const via: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const value = rawHeaders[i + 1] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || REPLACED_ON_REQUEST.has(lower) || dropped?.has(lower) === true) continue;
    if (lower === "x-forwarded-for") forwardedFor.push(value);
    else if (lower === "via") via.push(value);
    else if (lower !== "tracestate" || context.keepTracestate) out.push(name, value);
  }
  forwardedFor.push(context.remoteAddress);
  out.push("x-forwarded-for", forwardedFor.join(", "), "x-forwarded-proto", context.proto, "traceparent", context.traceparent);
  if (context.via !== null) via.push(context.via);
  if (via.length > 0) out.push("via", via.join(", "));
  return out;
}

/** The client response's headers from the backend's parsed headers: hop-by-hop removed, the rest as they came. */
export function forwardResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const connection = headers.connection;
  const dropped = connection === undefined ? null : connectionTokens(Array.isArray(connection) ? connection : [connection]);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    if (HOP_BY_HOP.has(name) || dropped?.has(name) === true) continue;
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * The address ip_hash keys on: the socket's, or — only when a trusted proxy in front sets it — the first
 * entry of a configured header such as X-Forwarded-For.
 */
export function clientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedHeader: string | null): string | undefined {
  if (trustedHeader !== null) {
    const value = headers[trustedHeader];
    const first = (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();
    if (first !== undefined && first !== "") return first;
  }
  return socketAddress;
}

/** A request whose body is absent, so it can be replayed on another backend after a connect failure. */
export function hasNoBody(headers: IncomingHttpHeaders): boolean {
  return headers["transfer-encoding"] === undefined && (headers["content-length"] === undefined || headers["content-length"] === "0");
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** RFC 9110 §9.2.2 idempotent methods whose request carries no body: safe to send again. */
export function isReplayable(method: string, headers: IncomingHttpHeaders): boolean {
  return IDEMPOTENT_METHODS.has(method) && hasNoBody(headers);
}
