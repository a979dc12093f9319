import type { Algorithm, BalancerOptions } from "../domain/balancing";
import type { HealthStatus, OutlierDetectionConfig } from "../domain/health";
import type { SsrfGuard } from "../engine/net";
import type { SpanRecord } from "../telemetry/traces/span";

/** One backend as configured (`lib/server/dal/backends.ts` Backend is assignable to it). */
export interface BackendConfig {
  readonly id: string;
  readonly address: string;
  readonly port: number;
  readonly weight: number;
  readonly maxConnections: number;
  /** The recorded health; seeds a backend the data plane has not heard about from the health checker yet. */
  readonly health: HealthStatus;
  /** Taken out of rotation by an operator: no new requests, in-flight ones finish. */
  readonly disabled?: boolean;
  /** The pod behind the backend, named on its trace spans. */
  readonly podName?: string | null;
}

/** One pool with its backends (`Pool` from `lib/server/dal/pools.ts` plus `backends` is assignable to it). */
export interface PoolConfig {
  readonly id: string;
  readonly name: string;
  readonly algorithm: Algorithm;
  /** Pools without a port are not served. */
  readonly listenPort: number | null;
  readonly backends: readonly BackendConfig[];
}

export interface DataPlaneOptions {
  /** Interface the proxies bind to; default 127.0.0.1. */
  readonly host?: string;
  /** 504 when a backend sends no response headers within this time (also the body idle timeout); default 30 s. */
  readonly upstreamTimeoutMs?: number;
  /** TCP connect timeout to a backend; default 5 s (a connect timeout answers 504). */
  readonly connectTimeoutMs?: number;
  /** Keep-alive connections per backend (more requests wait for one); default 256. */
  readonly socketsPerBackend?: number;
  /**
   * Header carrying the client address for ip_hash (first entry), e.g. "x-forwarded-for". Only set it when a
   * trusted proxy in front overwrites that header; default null: the socket's address.
   */
  readonly clientIpHeader?: string | null;
  /** `Via` entry added to backend requests; null for none. Default "1.1 stratus". */
  readonly via?: string | null;
  readonly outlierDetection?: OutlierDetectionConfig;
  /** How often expired ejections are returned to service; default 1 s. */
  readonly outlierSweepMs?: number;
  /** A client's request head must arrive within this time, or it is answered 408; default 60 s (node:http's). */
  readonly clientHeadersTimeoutMs?: number;
  /** An idle keep-alive client connection is closed after this time; default 65 s (longer than clients wait). */
  readonly clientIdleTimeoutMs?: number;
  /** How long close() and a listen-port change wait for in-flight requests; default 30 s. */
  readonly drainTimeoutMs?: number;
  readonly balancer?: BalancerOptions;
  /** Vets backend addresses (default: loopback + private ranges, never link-local/metadata). */
  readonly guard?: SsrfGuard;
  /** Notifications for logs and the event stream. Must not throw. */
  readonly onEvent?: (event: DataPlaneEvent) => void;
  /** Record spans of proxied requests; without it none are, and traces the proxy starts are flagged sampled. */
  readonly tracing?: DataPlaneTracing;
}

export interface DataPlaneTracing {
  /** Share of the traces the proxy starts that are recorded; a caller's traceparent decides for its own trace. */
  readonly sampleRate: number;
  /** Takes finished spans on the request path: must not block or throw (a bounded SpanBuffer). */
  readonly sink: { push(span: SpanRecord): unknown };
}

export type DataPlaneEvent =
  | { readonly type: "listening"; readonly poolId: string; readonly port: number }
  | { readonly type: "listen_failed"; readonly poolId: string; readonly port: number; readonly error: string }
  | { readonly type: "backend_refused"; readonly poolId: string; readonly backendId: string; readonly reason: string }
  | {
      readonly type: "backend_ejected";
      readonly poolId: string;
      readonly backendId: string;
      readonly at: number;
      readonly until: number;
      readonly reason: "consecutive_5xx";
    }
  | {
      readonly type: "backend_unejected";
      readonly poolId: string;
      readonly backendId: string;
      readonly at: number;
      readonly cause: "expired" | "check_passed";
    }
  /** A request's attempt failed before any response and is sent once more, to another backend. */
  | { readonly type: "upstream_retry"; readonly poolId: string; readonly backendId: string; readonly error: string; readonly traceId: string }
  /** The proxy answered a request itself with an error (502, 503 no backend, 504); backendId null when none was picked. */
  | { readonly type: "upstream_error"; readonly poolId: string; readonly backendId: string | null; readonly status: number; readonly error: string; readonly traceId: string };
