import type { HealthCheckConfig, HealthStatus } from "../../domain/health";
import type { HealthCheckTarget } from "./types";

/** The shape of `Pool` (lib/server/dal/pools.ts) with its `Backend`s: what the worker reads. */
export interface PoolWithBackends {
  readonly id: string;
  readonly healthCheck: HealthCheckConfig;
  readonly backends: ReadonlyArray<{ readonly id: string; readonly address: string; readonly port: number; readonly health: HealthStatus }>;
}

/** One target per backend of every pool (served or not: the console shows health either way). */
export function targetsFromPools(pools: readonly PoolWithBackends[]): HealthCheckTarget[] {
  return pools.flatMap((pool) =>
    pool.backends.map((backend) => ({
      backendId: backend.id,
      poolId: pool.id,
      address: backend.address,
      port: backend.port,
      config: pool.healthCheck,
      initialHealth: backend.health,
    })),
  );
}
