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

/** All values of one header in a raw [name, value, …] list (`lowerName` in lower case), in order. */
export function headerValues(rawHeaders: readonly string[], lowerName: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) values.push(rawHeaders[i + 1] as string);
  }
  return values;
}

/** One header's value, as node:http would present it: undefined when absent, the list when repeated. */
export function headerValue(rawHeaders: readonly string[], lowerName: string): string | string[] | undefined {
  const values = headerValues(rawHeaders, lowerName);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/** The client response's headers from the backend's raw list: hop-by-hop removed, the rest as they came. */
export function forwardResponseHeaders(rawHeaders: readonly string[]): { readonly headers: string[]; readonly hasLength: boolean; readonly unsupportedCoding: boolean } {
  const connection = headerValues(rawHeaders, "connection");
  const dropped = connection.length === 0 ? null : connectionTokens(connection);
  const headers: string[] = [];
  let hasLength = false;
  let unsupportedCoding = false;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const lower = name.toLowerCase();
    // Only chunked is undone and re-framed: a body in another transfer coding cannot be passed on correctly.
    if (lower === "transfer-encoding" && (rawHeaders[i + 1] as string).trim().toLowerCase() !== "chunked") unsupportedCoding = true;
    if (HOP_BY_HOP.has(lower) || dropped?.has(lower) === true) continue;
    if (lower === "content-length") hasLength = true;
    headers.push(name, rawHeaders[i + 1] as string);
  }
  return { headers, hasLength, unsupportedCoding };
}

/**
 * The address ip_hash keys on: the socket's, or — only when a trusted proxy in front sets it — the first
 * entry of a configured header such as X-Forwarded-For.
 */
export function clientAddress(rawHeaders: readonly string[], socketAddress: string | undefined, trustedHeader: string | null): string | undefined {
  if (trustedHeader !== null) {
    const first = headerValues(rawHeaders, trustedHeader)[0]?.split(",")[0]?.trim();
    if (first !== undefined && first !== "") return first;
  }
  return socketAddress;
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** RFC 9110 §9.2.2 idempotent methods whose request carries no body: safe to send again. */
export function isReplayable(method: string, hasBody: boolean): boolean {
  return IDEMPOTENT_METHODS.has(method) && !hasBody;
}

/**
 * The request head for the backend: HTTP/1.1 whatever the client spoke, `Host` added when the client sent
 * none (HTTP/1.0), and a chunked body forwarded chunked (Transfer-Encoding is hop-by-hop, so it is re-added).
 */
export function requestHead(method: string, target: string, headers: readonly string[], defaultHost: string, chunked: boolean): string {
  let head = `${method} ${target} HTTP/1.1\r\n`;
  let hasHost = false;
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i] as string;
    if (name.length === 4 && name.toLowerCase() === "host") hasHost = true;
    head += `${name}: ${headers[i + 1] as string}\r\n`;
  }
  if (!hasHost) head += `host: ${defaultHost}\r\n`;
  if (chunked) head += "transfer-encoding: chunked\r\n";
  return `${head}\r\n`;
}
