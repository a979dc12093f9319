import { createBalancer, type Balancer, type PickContext } from "../domain/balancing";
import type { Ejection, HealthStatus } from "../domain/health";
import type { ConnectTarget } from "../engine/net";
import { sameTarget, type Admission } from "./backend-admission";
import { newBackendEntry, toBackendView, type BackendEntry } from "./backend-entry";
import type { ClientConnection, ClientRequest, Exchange } from "./http1/client-connection";
import { createUpstreamPool, type UpstreamPool } from "./http1/upstream-pool";
import { Listener } from "./listener";
import { OutlierTracker } from "./outlier/outlier-tracker";
import { ProxyExchange, type PoolRouter, type RoutePick } from "./proxy-exchange";
import type { ProxySettings } from "./settings";
import { RequestCounters } from "./stats/request-counters";
import { poolStats, type PoolStats } from "./stats/stats-report";
import type { DataPlaneEvent, PoolConfig } from "./types";

/** Re-picks allowed when a retry must avoid the backend that just failed. */
const RETRY_PICKS = 16;

/**
 * The proxy of one pool: its listener, balancer, backends (each with keep-alive upstream connections and
 * counters) and passive outlier detection. Config changes are applied in place so in-flight requests carry on.
 */
export class PoolProxy implements PoolRouter {
  readonly counters = new RequestCounters();
  private balancer: Balancer;
  private readonly entries = new Map<string, BackendEntry>();
  /** Backends whose health came from the health checker: config no longer overrides it. */
  private readonly checkerHealth = new Set<string>();
  private readonly outliers: OutlierTracker;
  private server: Listener | null = null;
  private configuredPort: number | null = null;
  private readonly background = new Set<Promise<void>>();
  /** Reused per pick and per finish: the balancer reads them synchronously, so no allocation per request. */
  private readonly pickContext: { -readonly [K in keyof PickContext]: PickContext[K] } = { clientIp: undefined, now: 0, rng: Math.random };
  private readonly outcome = { latencyMs: 0, ok: true, now: 0 };

  /** The pool's name, for its spans (a rename applies to the next request). */
  name: string;

  constructor(
    readonly id: string,
    readonly settings: ProxySettings,
    config: PoolConfig,
  ) {
    this.name = config.name;
    this.balancer = createBalancer(config.algorithm, settings.balancer);
    this.outliers = new OutlierTracker(settings.outlierDetection, {
      ejected: (ejection) => this.onEjected(ejection),
      unejected: (backendId, at, cause) => this.setEjected(backendId, false, () => ({ type: "backend_unejected", poolId: id, backendId, at, cause })),
    });
  }

  /** The port actually bound (differs from the configured one only for port 0), or null when not listening. */
  get port(): number | null {
    return this.server?.port ?? null;
  }

  targetOf(backendId: string): ConnectTarget | null {
    return this.entries.get(backendId)?.target ?? null;
  }

  /** Apply a new config: backends by id (state survives), a new balancer seeded with in-flight counts on an algorithm switch. */
  apply(config: PoolConfig, admissions: ReadonlyMap<string, Admission>, reportedHealth: (backendId: string) => HealthStatus | undefined): void {
    this.name = config.name;
    const seen = new Set<string>();
    for (const backend of config.backends) {
      seen.add(backend.id);
      let entry = this.entries.get(backend.id);
      if (entry === undefined) {
        const reported = reportedHealth(backend.id);
        if (reported !== undefined) this.checkerHealth.add(backend.id);
        entry = newBackendEntry(backend, reported ?? backend.health);
        this.entries.set(backend.id, entry);
      } else {
        entry.config = backend;
        if (!this.checkerHealth.has(backend.id)) entry.health = backend.health;
      }
      this.admit(entry, admissions.get(backend.id) ?? { ok: false, reason: "not vetted" });
    }
    for (const [backendId, entry] of this.entries) {
      if (seen.has(backendId)) continue;
      this.entries.delete(backendId);
      this.checkerHealth.delete(backendId);
      this.outliers.forget(backendId);
      this.retire(entry.upstream);
    }
    if (config.algorithm !== this.balancer.algorithm) this.balancer = createBalancer(config.algorithm, this.settings.balancer);
    const views = [...this.entries.values()].filter((entry) => entry.upstream !== null).map(toBackendView);
    this.balancer.setBackends(views, Date.now());
  }

  /** Bind the configured port; a changed port starts the new listener before the old one drains. */
  async listenOn(port: number | null): Promise<void> {
    if (port === this.configuredPort && (this.server !== null || port === null)) return;
    const previous = this.server;
    if (port !== null) {
      try {
        this.server = await Listener.open(this.exchangeFor, this.settings.host, port, this.settings);
      } catch (error) {
        this.settings.emit({ type: "listen_failed", poolId: this.id, port, error: (error as { code?: string }).code ?? String(error) });
        return;
      }
      this.settings.emit({ type: "listening", poolId: this.id, port: this.port ?? port });
    } else {
      this.server = null;
    }
    this.configuredPort = port;
    if (previous !== null) this.track(previous.close(this.settings.drainTimeoutMs));
  }

  setHealth(backendId: string, health: HealthStatus): void {
    const entry = this.entries.get(backendId);
    if (entry === undefined) return;
    this.checkerHealth.add(backendId);
    entry.health = health;
    this.balancer.setHealth(backendId, health);
  }

  checkPassed(backendId: string, now: number): void {
    this.outliers.checkPassed(backendId, now);
  }

  sweepOutliers(now: number): void {
    this.outliers.sweep(now);
  }

  stats(): PoolStats {
    return poolStats(
      this.counters,
      [...this.entries.values()].map((entry) => ({
        id: entry.config.id,
        address: entry.config.address,
        port: entry.config.port,
        health: entry.health,
        ejected: entry.ejected,
        refusedReason: entry.refusedReason,
        counters: entry.counters,
      })),
    );
  }

  /** Stop listening, let in-flight requests finish (up to the drain timeout), then close upstream connections. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.configuredPort = null;
    if (server !== null) await server.close(this.settings.drainTimeoutMs);
    await Promise.all([...this.background]);
    await Promise.all([...this.entries.values()].map((entry) => entry.upstream?.close(this.settings.drainTimeoutMs)));
  }

  // PoolRouter, called per request

  pick(clientIp: string | undefined, exclude: string | null): RoutePick {
    const ctx = this.pickContext;
    ctx.now = Date.now();
    ctx.clientIp = clientIp;
    let result = this.balancer.pick(ctx);
    // A retry must land elsewhere: re-pick without the client key (ip_hash then draws a random ring point).
    ctx.clientIp = undefined;
    for (let i = 0; exclude !== null && result.backend?.id === exclude && i < RETRY_PICKS; i++) result = this.balancer.pick(ctx);
    if (result.backend === null) return result.reason;
    if (result.backend.id === exclude) return "no other backend is available";
    const entry = this.entries.get(result.backend.id);
    return entry?.upstream == null ? "no backends" : (entry as BackendEntry & { upstream: UpstreamPool });
  }

  attemptStarted(entry: BackendEntry): void {
    entry.counters.started();
    this.balancer.onStart(entry.config.id);
  }

  attemptFinished(entry: BackendEntry, status: number | null, latencyMs: number, failed: boolean): void {
    entry.counters.finished(latencyMs, failed);
    const outcome = this.outcome;
    outcome.latencyMs = latencyMs;
    outcome.ok = !failed;
    outcome.now = Date.now();
    // Always the current balancer: a new one (algorithm switch) was seeded with this request in flight.
    this.balancer.onFinish(entry.config.id, outcome);
    if (status !== null && this.entries.get(entry.config.id) === entry) {
      this.outliers.record(entry.config.id, status, outcome.now, this.entries.size);
    }
  }

  private readonly exchangeFor = (request: ClientRequest, client: ClientConnection): Exchange => new ProxyExchange(request, client, this);

  private admit(entry: BackendEntry, admission: Admission): void {
    if (admission.ok) {
      entry.refusedReason = null;
      if (sameTarget(entry.target, admission.target)) return;
      this.retire(entry.upstream);
      entry.target = admission.target;
      const { socketsPerBackend: maxConnections, connectTimeoutMs, upstreamTimeoutMs: timeoutMs, guard } = this.settings;
      entry.upstream = createUpstreamPool(admission.target, { maxConnections, connectTimeoutMs, timeoutMs, guard });
      return;
    }
    if (entry.refusedReason !== admission.reason) {
      this.settings.emit({ type: "backend_refused", poolId: this.id, backendId: entry.config.id, reason: admission.reason });
    }
    this.retire(entry.upstream);
    entry.target = null;
    entry.upstream = null;
    entry.refusedReason = admission.reason;
  }

  private onEjected(ejection: Ejection): void {
    this.setEjected(ejection.backendId, true, () => ({ type: "backend_ejected", poolId: this.id, ...ejection }));
  }

  private setEjected(backendId: string, ejected: boolean, event: () => DataPlaneEvent): void {
    const entry = this.entries.get(backendId);
    if (entry === undefined) return;
    entry.ejected = ejected;
    this.balancer.setEjected(backendId, ejected);
    this.settings.emit(event());
  }

  private retire(upstream: UpstreamPool | null): void {
    if (upstream !== null) this.track(upstream.close(this.settings.drainTimeoutMs));
  }

  private track(work: Promise<void>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }
}
