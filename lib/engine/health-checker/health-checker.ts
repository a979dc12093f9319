import type { Rng } from "../../domain/random";
import { applyCheckResult, classifyProbe, INITIAL_CHECK_STATE, nextCheckAt, type CheckState } from "../../domain/health";
import { describeResult } from "./describe-result";
import { DueQueue } from "./due-queue";
import { HttpProber } from "./http-prober";
import type { HealthCheckTarget, HealthTransitionEvent, ProbeResultEvent, Prober, TargetHealth } from "./types";

export interface HealthCheckerOptions {
  /** Every health change (unknown → healthy, healthy → unhealthy, …). Must not throw. */
  readonly onTransition?: (event: HealthTransitionEvent) => void;
  /** Every probe, for metrics. Must not throw. */
  readonly onResult?: (event: ProbeResultEvent) => void;
  /** Default: HTTP GET over keep-alive undici Clients behind the default SSRF guard. */
  readonly prober?: Prober;
  /** Probes in flight at most; due probes beyond it wait their turn. Default 512. */
  readonly maxInFlight?: number;
  /** Interval spread, ±fraction (HAProxy spread-checks); default 0.1. */
  readonly jitterFraction?: number;
  readonly clock?: () => number;
  readonly rng?: Rng;
  /** Where a throwing callback is reported; default console.error. */
  readonly onCallbackError?: (error: unknown) => void;
}

interface TargetRecord {
  target: HealthCheckTarget;
  state: CheckState;
  dueAt: number;
  probing: boolean;
  removed: boolean;
}

/**
 * Active health checks for many backends on one event loop. A single min-heap of due times drives one timer
 * (re-armed for the earliest due probe), at most `maxInFlight` probes run at once, and each result goes
 * through the pure domain functions (classifyProbe → applyCheckResult → nextCheckAt):
 *
 *   const checker = new HealthChecker({ onTransition, onResult });
 *   checker.setTargets(targets);   // idempotent: state is kept per backendId, config changes apply on the next probe
 *   checker.start();               // real timers; tests may instead call `await checker.tick(now)`
 *   await checker.stop();
 */
export class HealthChecker {
  private readonly records = new Map<string, TargetRecord>();
  private readonly queue = new DueQueue<TargetRecord>();
  private readonly prober: Prober;
  private readonly maxInFlight: number;
  private readonly jitterFraction: number;
  private readonly clock: () => number;
  private readonly rng: Rng;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private armedFor = Number.POSITIVE_INFINITY;
  private running = false;

  constructor(private readonly options: HealthCheckerOptions = {}) {
    this.prober = options.prober ?? new HttpProber();
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 512);
    this.jitterFraction = options.jitterFraction ?? 0.1;
    this.clock = options.clock ?? Date.now;
    this.rng = options.rng ?? Math.random;
  }

  /**
   * Replace the target set. Known backends keep their state and schedule (a new config is used from their
   * next probe on); new ones get their first probe at a random point within one interval, so a thousand
   * targets added together do not fire together; removed ones stop being probed.
   */
  setTargets(targets: readonly HealthCheckTarget[]): void {
    const now = this.clock();
    const seen = new Set<string>();
    for (const target of targets) {
      seen.add(target.backendId);
      const record = this.records.get(target.backendId);
      if (record === undefined) {
        const state = target.initialHealth === undefined ? INITIAL_CHECK_STATE : { ...INITIAL_CHECK_STATE, status: target.initialHealth };
        const created: TargetRecord = { target, state, dueAt: now + Math.floor(this.rng() * target.config.intervalMs), probing: false, removed: false };
        this.records.set(target.backendId, created);
        this.queue.push(created.dueAt, created);
        continue;
      }
      if (record.target.address !== target.address || record.target.port !== target.port) this.prober.forget(target.backendId);
      record.target = target;
    }
    for (const [backendId, record] of this.records) {
      if (seen.has(backendId)) continue;
      record.removed = true;
      this.records.delete(backendId);
      this.prober.forget(backendId);
    }
    this.arm();
  }

  /** The current view of one backend, or undefined if it is not a target. */
  health(backendId: string): TargetHealth | undefined {
    const record = this.records.get(backendId);
    return record && { target: record.target, state: record.state, nextCheckAt: record.dueAt };
  }

  get size(): number {
    return this.records.size;
  }

  get probesInFlight(): number {
    return this.inFlight.size;
  }

  /** Run on real timers until stop(). */
  start(): void {
    this.running = true;
    this.arm();
  }

  /** Stop scheduling, wait for probes in flight, close the prober's connections. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    await Promise.all([...this.inFlight]);
    await this.prober.close();
  }

  /** Start every probe due at `now` (within maxInFlight) and wait for them: stepping by hand in tests. */
  async tick(now: number): Promise<void> {
    await Promise.all(this.startDue(now));
  }

  private startDue(now: number): Promise<void>[] {
    const started: Promise<void>[] = [];
    while (this.inFlight.size < this.maxInFlight && this.queue.peekDue() <= now) {
      const { due, item: record } = this.queue.pop()!;
      // Stale heap entries (removed targets, or a record rescheduled since) are skipped, not deleted eagerly.
      if (record.removed || record.probing || record.dueAt !== due) continue;
      started.push(this.probe(record, now));
    }
    return started;
  }

  private probe(record: TargetRecord, startedAt: number): Promise<void> {
    record.probing = true;
    const { target } = record;
    const { config } = target;
    const dueAt = record.dueAt;
    const run = this.prober
      .probe({ key: target.backendId, address: target.address, port: target.port, path: config.path, timeoutMs: config.timeoutMs })
      .catch((error: unknown) => ({ outcome: { errorCode: String((error as { code?: string }).code ?? "Error") }, detail: undefined }))
      .then((response) => {
        record.probing = false;
        if (record.removed) return;
        const finishedAt = this.clock();
        const current = record.target.config;
        const result = classifyProbe(response.outcome, current.expectedStatus);
        const detail = describeResult(result, current.expectedStatus, current.timeoutMs, response.detail);
        const { state, transition } = applyCheckResult(record.state, result, current, finishedAt);
        record.state = state;
        record.dueAt = nextCheckAt(startedAt, current.intervalMs, this.rng, this.jitterFraction);
        this.queue.push(record.dueAt, record);
        const ids = { backendId: target.backendId, poolId: record.target.poolId };
        this.notify(() => this.options.onResult?.({ ...ids, result, detail, health: state.status, dueAt, startedAt, finishedAt }));
        if (transition !== null) {
          this.notify(() => this.options.onTransition?.({ ...ids, from: transition.from, to: transition.to, reason: result.outcome, detail, at: finishedAt }));
        }
      })
      .finally(() => {
        this.inFlight.delete(run);
        if (this.running) {
          this.startDue(this.clock());
          this.arm();
        }
      });
    this.inFlight.add(run);
    return run;
  }

  private notify(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      (this.options.onCallbackError ?? console.error)(error);
    }
  }

  /** One timer for the whole heap, set for the earliest due probe; re-armed only when that moves earlier. */
  private arm(): void {
    // While saturated, the next probe to finish starts the next due one: no timer needed (or spinning).
    if (!this.running || this.inFlight.size >= this.maxInFlight) return;
    const earliest = this.queue.peekDue();
    if (earliest >= this.armedFor) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.armedFor = earliest;
    if (earliest === Number.POSITIVE_INFINITY) {
      this.timer = null;
      return;
    }
    this.timer = setTimeout(this.onTimer, Math.max(0, earliest - this.clock()));
  }

  private readonly onTimer = (): void => {
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    this.startDue(this.clock());
    this.arm();
  };
}
