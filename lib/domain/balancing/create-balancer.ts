import type { HealthStatus } from "../health/types";
import { BackendTable, normalizeWeight } from "./backend-table";
import { inPanic, isServable } from "./eligibility";
import { IpHash } from "./ip-hash";
import { LeastConnections } from "./least-connections";
import { LeastResponseTime } from "./least-response-time";
import { RoundRobin } from "./round-robin";
import type { SelectionStrategy } from "./selection-strategy";
import { SmoothWeightedRoundRobin } from "./smooth-weighted-round-robin";
import type {
  Algorithm,
  BackendView,
  Balancer,
  BalancerOptions,
  BalancerSnapshot,
  NoPickReason,
  PickContext,
  PickResult,
  RequestOutcome,
} from "./types";

function createStrategy(algorithm: Algorithm, table: BackendTable, options: BalancerOptions): SelectionStrategy {
  switch (algorithm) {
    case "round_robin":
      return new RoundRobin(table);
    case "least_connections":
      return new LeastConnections(table);
    case "weighted_round_robin":
      return new SmoothWeightedRoundRobin(table, options.maxFails);
    case "ip_hash":
      return new IpHash(table, options.ringPointsPerWeight, options.maxRingPoints);
    case "least_response_time":
      return new LeastResponseTime(table, options.ewmaDecayMs, options.defaultRttMs);
  }
}

/**
 * The balancer for one pool. It keeps the backend table, the in-flight counts (onStart/onFinish: the proxy
 * is the only one who knows them, so `BackendView.activeConnections` only seeds a new backend) and the
 * eligible set, which it maintains incrementally: a health flip, an ejection, or a backend reaching or
 * leaving maxConnections updates one slot, so pick cost never depends on scanning the pool.
 */
class PoolBalancer implements Balancer {
  private readonly table = new BackendTable();
  private readonly strategy: SelectionStrategy;
  private readonly panicThresholdPercent: number;
  private healthy = new Uint8Array(0);
  private servable = new Uint8Array(0);
  private eligible = new Uint8Array(0);
  private healthyCount = 0;
  private servableCount = 0;
  private eligibleCount = 0;
  private panic = false;

  constructor(
    readonly algorithm: Algorithm,
    options: BalancerOptions,
  ) {
    this.panicThresholdPercent = options.panicThresholdPercent ?? 0;
    this.table.onGrow((capacity) => {
      const grow = (from: Uint8Array) => {
        const to = new Uint8Array(capacity);
        to.set(from);
        return to;
      };
      this.healthy = grow(this.healthy);
      this.servable = grow(this.servable);
      this.eligible = grow(this.eligible);
    });
    this.strategy = createStrategy(algorithm, this.table, options);
  }

  setBackends(backends: readonly BackendView[], now: number): void {
    const ids = new Set<string>();
    for (const view of backends) {
      if (ids.has(view.id)) throw new Error(`duplicate backend id: ${view.id}`);
      ids.add(view.id);
    }
    for (let slot = 0; slot < this.table.slotLimit; slot++) {
      const view = this.table.views[slot];
      if (view !== undefined && !ids.has(view.id)) this.remove(slot);
    }
    for (const view of backends) {
      const slot = this.table.slotOf(view.id);
      if (slot === undefined) this.add(view, now);
      else this.update(slot, view);
    }
    this.strategy.commit();
    this.panic = inPanic(this.healthyCount, this.table.size, this.panicThresholdPercent);
    this.refreshAll();
  }

  setHealth(id: string, health: HealthStatus): boolean {
    return this.patch(id, (view) => (view.health === health ? view : { ...view, health }));
  }

  setEjected(id: string, ejected: boolean): boolean {
    return this.patch(id, (view) => ((view.ejected === true) === ejected ? view : { ...view, ejected }));
  }

  pick(ctx: PickContext): PickResult {
    const slot = this.eligibleCount === 0 ? -1 : this.strategy.pick(ctx);
    if (slot < 0) return { backend: null, reason: this.noPickReason() };
    return { backend: this.table.view(slot), panic: this.panic };
  }

  onStart(id: string): void {
    const slot = this.table.slotOf(id);
    if (slot === undefined) return;
    const { active } = this.table;
    active[slot] = (active[slot] as number) + 1;
    if (this.eligible[slot] === 1) this.loadChanged(slot);
  }

  onFinish(id: string, outcome: RequestOutcome): void {
    const slot = this.table.slotOf(id);
    if (slot === undefined) return;
    const { active } = this.table;
    active[slot] = Math.max(0, (active[slot] as number) - 1);
    this.strategy.record(slot, outcome);
    if (this.eligible[slot] === 1) this.loadChanged(slot);
    else this.refresh(slot);
  }

  snapshot(now: number): BalancerSnapshot {
    const backends = [];
    for (let slot = 0; slot < this.table.slotLimit; slot++) {
      const view = this.table.views[slot];
      if (view === undefined) continue;
      backends.push({
        id: view.id,
        activeConnections: this.table.active[slot] as number,
        eligible: this.eligible[slot] === 1,
        ...this.strategy.describe(slot, now),
      });
    }
    return { algorithm: this.algorithm, panic: this.panic, backends };
  }

  private noPickReason(): NoPickReason {
    if (this.table.size === 0) return "no backends";
    if (this.servableCount === 0) return "no healthy backend";
    return "all backends at maxConnections";
  }

  private add(view: BackendView, now: number): void {
    const slot = this.table.add(view);
    this.strategy.attach(slot, now);
    this.setHealthyFlag(slot);
  }

  private update(slot: number, view: BackendView): void {
    const weight = normalizeWeight(view.weight);
    const reweighed = weight !== this.table.weight[slot];
    // Weight-aware strategies re-key a backend only while it is out of the eligible set; the others
    // (round robin, P2C) keep its place so a weight edit does not cost it its turn.
    if (reweighed && this.strategy.usesWeight) this.markIneligible(slot);
    this.table.views[slot] = view;
    this.table.maxConnections[slot] = view.maxConnections;
    if (reweighed) {
      this.table.weight[slot] = weight;
      this.strategy.reweigh(slot);
    }
    this.setHealthyFlag(slot);
  }

  private remove(slot: number): void {
    this.markIneligible(slot);
    if (this.servable[slot] === 1) this.servableCount--;
    this.servable[slot] = 0;
    if (this.healthy[slot] === 1) this.healthyCount--;
    this.healthy[slot] = 0;
    this.strategy.detach(slot);
    this.table.remove(slot);
  }

  private patch(id: string, change: (view: BackendView) => BackendView): boolean {
    const slot = this.table.slotOf(id);
    if (slot === undefined) return false;
    const before = this.table.view(slot);
    const after = change(before);
    if (after === before) return true;
    this.table.views[slot] = after;
    this.setHealthyFlag(slot);
    const panic = inPanic(this.healthyCount, this.table.size, this.panicThresholdPercent);
    if (panic !== this.panic) {
      this.panic = panic;
      this.refreshAll(); // O(n), only when crossing the panic threshold
    } else {
      this.refresh(slot);
    }
    return true;
  }

  private setHealthyFlag(slot: number): void {
    const view = this.table.view(slot);
    const healthy = view.health === "healthy" && view.ejected !== true && view.disabled !== true ? 1 : 0;
    this.healthyCount += healthy - (this.healthy[slot] as number);
    this.healthy[slot] = healthy;
  }

  private loadChanged(slot: number): void {
    if ((this.table.active[slot] as number) < (this.table.maxConnections[slot] as number)) this.strategy.loadChanged(slot);
    else this.markIneligible(slot);
  }

  private markIneligible(slot: number): void {
    if (this.eligible[slot] === 0) return;
    this.eligible[slot] = 0;
    this.eligibleCount--;
    this.strategy.leave(slot);
  }

  private refreshAll(): void {
    for (let slot = 0; slot < this.table.slotLimit; slot++) {
      if (this.table.views[slot] !== undefined) this.refresh(slot);
    }
  }

  /** Re-derive one backend's eligibility and tell the strategy if it changed. */
  private refresh(slot: number): void {
    const { table } = this;
    const servable = table.view(slot).disabled !== true && isServable(this.healthy[slot] === 1, table.weight[slot] as number, this.panic);
    this.servableCount += (servable ? 1 : 0) - (this.servable[slot] as number);
    this.servable[slot] = servable ? 1 : 0;
    const eligible = servable && (table.active[slot] as number) < (table.maxConnections[slot] as number);
    if (eligible === (this.eligible[slot] === 1)) return;
    if (!eligible) {
      this.markIneligible(slot);
      return;
    }
    this.eligible[slot] = 1;
    this.eligibleCount++;
    this.strategy.enter(slot);
  }
}

/** A balancer for one pool using `algorithm`; call setBackends before the first pick. */
export function createBalancer(algorithm: Algorithm, options: BalancerOptions = {}): Balancer {
  return new PoolBalancer(algorithm, options);
}
