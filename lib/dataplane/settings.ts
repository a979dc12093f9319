import type { BalancerOptions } from "../domain/balancing";
import { DEFAULT_OUTLIER_DETECTION, type OutlierDetectionConfig } from "../domain/health";
import { SsrfGuard } from "../engine/net";
import { RandomIdSource } from "./http/random-ids";
import type { IdSource } from "./http/traceparent";
import { ratioSampled } from "../telemetry/traces/sampler";
import type { DataPlaneEvent, DataPlaneOptions, DataPlaneTracing } from "./types";

/** DataPlaneOptions with every default filled in, shared by all pools of one data plane. */
export interface ProxySettings {
  readonly host: string;
  readonly upstreamTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly socketsPerBackend: number;
  readonly clientIpHeader: string | null;
  readonly via: string | null;
  readonly outlierDetection: OutlierDetectionConfig;
  readonly outlierSweepMs: number;
  readonly clientHeadersTimeoutMs: number;
  readonly clientIdleTimeoutMs: number;
  readonly drainTimeoutMs: number;
  readonly balancer: BalancerOptions;
  readonly guard: SsrfGuard;
  readonly ids: IdSource;
  readonly emit: (event: DataPlaneEvent) => void;
  readonly tracing: { readonly sampleNewTrace: (traceId: string) => boolean; readonly sink: DataPlaneTracing["sink"] } | null;
}

export function resolveSettings(options: DataPlaneOptions): ProxySettings {
  return {
    host: options.host ?? "127.0.0.1",
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? 30_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    socketsPerBackend: options.socketsPerBackend ?? 256,
    clientIpHeader: options.clientIpHeader?.toLowerCase() ?? null,
    via: options.via === undefined ? "1.1 stratus" : options.via,
    outlierDetection: options.outlierDetection ?? DEFAULT_OUTLIER_DETECTION,
    outlierSweepMs: options.outlierSweepMs ?? 1_000,
    clientHeadersTimeoutMs: options.clientHeadersTimeoutMs ?? 60_000,
    clientIdleTimeoutMs: options.clientIdleTimeoutMs ?? 65_000,
    drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
    balancer: options.balancer ?? {},
    guard: options.guard ?? new SsrfGuard(),
    ids: new RandomIdSource(),
    emit: options.onEvent ?? (() => {}),
    tracing: tracingSettings(options.tracing),
  };
}

function tracingSettings(tracing: DataPlaneTracing | undefined): ProxySettings["tracing"] {
  if (tracing === undefined) return null;
  const { sampleRate, sink } = tracing;
  return { sampleNewTrace: (traceId) => ratioSampled(traceId, sampleRate), sink };
}
