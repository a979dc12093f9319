import "server-only";
import { seededRng, type Rng } from "@/lib/domain/random";
import { initialSchedulerState, type SchedulerState } from "@/lib/domain/scheduling";
import { engineCtx } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { loadEngineSnapshot } from "@/lib/server/dal/engine/snapshot";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import { DEFAULT_ENGINE_CONFIG, type EngineConfig, type EngineDeps } from "./deps";
import { noEvents, type EngineEvents } from "./events";
import { acquireLease, fenceFor, FencedError, releaseLease, type Lease } from "./lease";
import * as autoscaler from "./loops/autoscaler";
import * as endpoints from "./loops/endpoints";
import * as kubelet from "./loops/kubelet";
import * as nodeLifecycle from "./loops/node-lifecycle";
import * as replicas from "./loops/replicas";
import * as scheduler from "./loops/scheduler";
import type { PodMetricsWindow } from "./metrics-window";
import type { RuntimeDriver } from "./runtime/driver";

export interface Loop {
  name: string;
  tick(deps: EngineDeps): Promise<void>;
}

/** The control loops, in the order one pass runs them: each sees what the previous ones wrote. */
export const CONTROL_LOOPS: Loop[] = [
  { name: "node-lifecycle", tick: nodeLifecycle.tick },
  { name: "replicas", tick: replicas.tick },
  { name: "scheduler", tick: scheduler.tick },
  { name: "kubelet", tick: kubelet.tick },
  { name: "endpoints", tick: endpoints.tick },
  { name: "autoscaler", tick: autoscaler.tick },
];

export interface EngineOptions {
  holder: string;
  leaseTtlMs?: number;
  config?: Partial<EngineConfig>;
  runtime?: { driver: RuntimeDriver; metrics: PodMetricsWindow };
  /** Extra loops with state of their own (health checks, data plane), run after the control loops. */
  loops?: Loop[];
  rng?: Rng;
  clock?: () => number;
  /** Where loops' events go (the worker's log writer); each is labelled with the loop that emitted it. */
  events?: EngineEvents;
}

export interface PassReport {
  leader: boolean;
  holder: string;
  epoch: number | null;
  loops: Array<{ name: string; durationMs: number; error: string | null }>;
}

/**
 * One engine: each `pass()` takes (or renews) the lease and, if it leads, runs every loop once. Loops are
 * level-triggered: they compare desired and observed state and converge, so a missed pass loses nothing.
 */
export class Engine {
  private readonly scheduler: { state: SchedulerState } = { state: initialSchedulerState() };
  private readonly config: EngineConfig;
  private readonly rng: Rng;
  private readonly clock: () => number;
  private lease: Lease | null = null;

  constructor(private readonly options: EngineOptions) {
    this.config = { ...DEFAULT_ENGINE_CONFIG, ...options.config };
    this.rng = options.rng ?? seededRng(Date.now());
    this.clock = options.clock ?? Date.now;
  }

  get holder(): string {
    return this.options.holder;
  }

  async pass(): Promise<PassReport> {
    this.lease = await acquireLease(this.options.holder, this.options.leaseTtlMs ?? 10_000);
    const report: PassReport = { leader: this.lease !== null, holder: this.options.holder, epoch: this.lease?.epoch ?? null, loops: [] };
    if (!this.lease) return report;
    const write: EngineWriteCtx = { ctx: engineCtx("engine"), fence: fenceFor(this.lease) };
    for (const loop of [...CONTROL_LOOPS, ...(this.options.loops ?? [])]) {
      const started = performance.now();
      let error: string | null = null;
      try {
        await loop.tick({
          snapshot: await loadEngineSnapshot(),
          write: { ...write, ctx: engineCtx(loop.name) },
          now: this.clock(),
          rng: this.rng,
          config: this.config,
          scheduler: this.scheduler,
          runtime: this.options.runtime,
          events: this.eventsFor(loop.name),
        });
      } catch (e) {
        if (e instanceof FencedError) {
          report.leader = false;
          return report; // lost the lease mid-pass: stop writing at once
        }
        error = e instanceof Error ? e.message : String(e);
        console.error(`engine loop ${loop.name} failed`, e);
      }
      const durationMs = Math.round(performance.now() - started);
      report.loops.push({ name: loop.name, durationMs, error });
      await this.recordLoop(write, loop.name, durationMs, error).catch(() => undefined);
    }
    return report;
  }

  private eventsFor(loop: string): EngineEvents {
    const sink = this.options.events;
    return sink ? (event) => sink({ ...event, labels: { loop, ...event.labels } }) : noEvents;
  }

  private async recordLoop(write: EngineWriteCtx, name: string, durationMs: number, error: string | null) {
    const lease = this.lease!;
    await db.$transaction(async (tx) => {
      await write.fence(tx);
      const data = { holder: lease.holder, epoch: lease.epoch, lastTickAt: new Date(), durationMs, error };
      await tx.engineLoop.upsert({ where: { name }, create: { name, ...data }, update: data });
    });
  }

  async release(): Promise<void> {
    if (this.lease) await releaseLease(this.options.holder);
    this.lease = null;
  }
}
