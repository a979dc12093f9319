import type { HealthStatus } from "../domain/health";
import { admitBackends } from "./backend-admission";
import { PoolProxy } from "./pool-proxy";
import { resolveSettings, type ProxySettings } from "./settings";
import type { PoolStats } from "./stats/stats-report";
import type { DataPlaneOptions, PoolConfig } from "./types";

/**
 * All pool proxies of this process. The worker calls `reconcile` with the full desired set whenever pools or
 * backends change (or periodically), and forwards the health checker's verdicts:
 *
 *   const dataPlane = new DataPlane({ onEvent: log });
 *   await dataPlane.reconcile(pools);                      // PoolConfig[]: pools with their backends
 *   checker.onTransition = (t) => dataPlane.setBackendHealth(t.poolId, t.backendId, t.to);
 *   checker.onResult = (r) => r.result.outcome === "passed" && dataPlane.recordCheckPassed(r.poolId, r.backendId);
 *   dataPlane.stats(poolId);                               // GET /api/v1/pools/{id}/stats
 *   await dataPlane.close();
 */
export class DataPlane {
  private readonly settings: ProxySettings;
  private readonly pools = new Map<string, PoolProxy>();
  /** The health checker's latest verdict per backend: it outranks the recorded health in the config. */
  private readonly reportedHealth = new Map<string, HealthStatus>();
  private readonly sweepTimer: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  /** Removed pools still draining in-flight requests; close() waits for them. */
  private readonly draining = new Set<Promise<void>>();
  private closed = false;

  constructor(options: DataPlaneOptions = {}) {
    this.settings = resolveSettings(options);
    this.sweepTimer = setInterval(() => {
      const now = Date.now();
      for (const pool of this.pools.values()) pool.sweepOutliers(now);
    }, this.settings.outlierSweepMs);
    this.sweepTimer.unref();
  }

  /**
   * Converge on `pools`: serve those with a listenPort, stop the others, apply changes in place. Calls are
   * serialised; each resolves once its config is live (backend addresses vetted, listeners bound).
   */
  reconcile(pools: readonly PoolConfig[]): Promise<void> {
    const run = this.queue.then(() => this.converge(pools));
    this.queue = run.catch(() => {});
    return run;
  }

  setBackendHealth(poolId: string, backendId: string, health: HealthStatus): void {
    this.reportedHealth.set(backendId, health);
    this.pools.get(poolId)?.setHealth(backendId, health);
  }

  /** A passing active check returns a backend ejected by outlier detection to service. */
  recordCheckPassed(poolId: string, backendId: string): void {
    this.pools.get(poolId)?.checkPassed(backendId, Date.now());
  }

  /** The stats of a served pool, or null when the pool is not served here. */
  stats(poolId: string): PoolStats | null {
    return this.pools.get(poolId)?.stats() ?? null;
  }

  /** The bound port of a served pool (useful with listenPort 0), or null. */
  portOf(poolId: string): number | null {
    return this.pools.get(poolId)?.port ?? null;
  }

  /** Stop every listener, wait for in-flight requests (up to drainTimeoutMs), close upstream connections. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    await this.queue;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all([...pools.map((pool) => pool.close()), ...this.draining]);
  }

  private async converge(pools: readonly PoolConfig[]): Promise<void> {
    if (this.closed) throw new Error("the data plane is closed");
    const served = new Map(pools.filter((p) => p.listenPort !== null).map((p) => [p.id, p]));
    for (const [id, pool] of this.pools) {
      if (served.has(id)) continue;
      this.pools.delete(id);
      const drained = pool.close();
      this.draining.add(drained);
      void drained.finally(() => this.draining.delete(drained));
    }
    const known = new Set(pools.flatMap((p) => p.backends.map((b) => b.id)));
    for (const id of this.reportedHealth.keys()) if (!known.has(id)) this.reportedHealth.delete(id);
    await Promise.all(
      [...served.values()].map(async (config) => {
        const existing = this.pools.get(config.id);
        const admissions = await admitBackends(this.settings.guard, config.backends, (b) => existing?.targetOf(b.id) ?? null);
        const pool = this.pools.get(config.id) ?? new PoolProxy(config.id, this.settings, config);
        this.pools.set(config.id, pool);
        pool.apply(config, admissions, (backendId) => this.reportedHealth.get(backendId));
        await pool.listenOn(config.listenPort);
      }),
    );
  }
}
