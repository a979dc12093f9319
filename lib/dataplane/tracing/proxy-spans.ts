import type { Attributes, SpanRecord } from "../../telemetry/traces/span";

/** One try of a backend: the CLIENT span whose id the backend saw in its traceparent. */
export interface AttemptTrace {
  spanId: string;
  backendId: string;
  address: string;
  port: number;
  podName: string | null;
  startUs: number;
  endUs: number;
  /** The backend's status, or null when it never answered. */
  status: number | null;
  failed: boolean;
  /** Why it failed, as OpenTelemetry's `error.type`: an error code (ECONNREFUSED, timeout) or the 5xx status. */
  errorType: string | null;
}

/** One request through a pool's proxy, as the exchange saw it. */
export interface ProxiedRequest {
  traceId: string;
  /** The caller's span (from its traceparent), or null when the proxy started the trace. */
  parentSpanId: string | null;
  serverSpanId: string;
  poolId: string;
  poolName: string;
  method: string;
  /** The request target as received (path and query). */
  target: string;
  clientAddress: string | undefined;
  startUs: number;
  endUs: number;
  /** The status the client got (the backend's, or the proxy's own 502/503/504), null when the client left first. */
  status: number | null;
  failed: boolean;
  errorType: string | null;
  /** The proxy's own problem detail, when it answered instead of a backend. */
  statusMessage: string | null;
  attempts: readonly AttemptTrace[];
}

const MAX_PATH = 256;

/**
 * The data plane's spans for one request: a SERVER span for the proxy hop and a CLIENT span per backend attempt,
 * children of it, so a retried request shows both tries. A backend that continues the trace nests its own spans
 * under the attempt that reached it. The service is the pool's name; pool and pod link the spans to the console.
 */
export function proxySpans(request: ProxiedRequest): SpanRecord[] {
  const path = pathOf(request.target);
  const last = request.attempts.at(-1);
  const resource: Attributes = { "service.name": request.poolName, "service.namespace": "stratus", "telemetry.sdk.name": "stratus-dataplane" };
  const serverAttributes: Attributes = {
    "http.request.method": request.method,
    "url.path": path,
    "stratus.pool.id": request.poolId,
    "stratus.pool.name": request.poolName,
    "stratus.retry.count": Math.max(0, request.attempts.length - 1),
  };
  if (request.status !== null) serverAttributes["http.response.status_code"] = request.status;
  else serverAttributes["stratus.client.aborted"] = true;
  if (request.clientAddress !== undefined) serverAttributes["client.address"] = request.clientAddress;
  if (last) {
    serverAttributes["stratus.backend.address"] = `${last.address}:${last.port}`;
    if (last.podName !== null) serverAttributes["stratus.pod.name"] = last.podName;
  }
  if (request.errorType !== null) serverAttributes["error.type"] = request.errorType;

  const spans: SpanRecord[] = [
    {
      traceId: request.traceId,
      spanId: request.serverSpanId,
      parentSpanId: request.parentSpanId,
      name: `${request.method} ${path}`,
      service: request.poolName,
      kind: "server",
      startUs: request.startUs,
      durationUs: Math.max(0, request.endUs - request.startUs),
      status: request.failed ? "error" : "unset",
      statusMessage: request.failed ? request.statusMessage : null,
      attributes: serverAttributes,
      events: [],
      resource,
      poolId: request.poolId,
      podName: last?.podName ?? null,
    },
  ];
  request.attempts.forEach((attempt, i) => {
    const attributes: Attributes = {
      "http.request.method": request.method,
      "url.path": path,
      "server.address": attempt.address,
      "server.port": attempt.port,
      "stratus.backend.id": attempt.backendId,
      "stratus.pool.id": request.poolId,
    };
    if (i > 0) attributes["http.request.resend_count"] = i;
    if (attempt.status !== null) attributes["http.response.status_code"] = attempt.status;
    if (attempt.podName !== null) attributes["stratus.pod.name"] = attempt.podName;
    if (attempt.errorType !== null) attributes["error.type"] = attempt.errorType;
    spans.push({
      traceId: request.traceId,
      spanId: attempt.spanId,
      parentSpanId: request.serverSpanId,
      name: `${request.method} ${attempt.podName ?? `${attempt.address}:${attempt.port}`}`,
      service: request.poolName,
      kind: "client",
      startUs: attempt.startUs,
      durationUs: Math.max(0, attempt.endUs - attempt.startUs),
      status: attempt.failed ? "error" : "unset",
      statusMessage: null,
      attributes,
      events: [],
      resource,
      poolId: request.poolId,
      podName: attempt.podName,
    });
  });
  return spans;
}

/** The path without its query (which may carry secrets), bounded in length. */
function pathOf(target: string): string {
  const q = target.indexOf("?");
  const path = q === -1 ? target : target.slice(0, q);
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}
