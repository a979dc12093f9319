import type { BalancerOptions } from "../domain/balancing";
import { DEFAULT_OUTLIER_DETECTION, type OutlierDetectionConfig } from "../domain/health";
import { SsrfGuard } from "../engine/net";
import { RandomIdSource } from "./http/random-ids";
import type { IdSource } from "./http/traceparent";
import type { DataPlaneEvent, DataPlaneOptions } from "./types";

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
  readonly drainTimeoutMs: number;
  readonly balancer: BalancerOptions;
  readonly guard: SsrfGuard;
  readonly ids: IdSource;
  readonly emit: (event: DataPlaneEvent) => void;
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
    drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
    balancer: options.balancer ?? {},
    guard: options.guard ?? new SsrfGuard(),
    ids: new RandomIdSource(),
    emit: options.onEvent ?? (() => {}),
  };
}
