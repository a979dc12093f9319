import type { HealthTransitionEvent } from "./types";

/**
 * Where health transitions are persisted. The worker implements it over Prisma: set `Backend.health` to
 * `event.to` and append an event row, in one transaction. Calls for one backend arrive in order.
 */
export interface HealthStore {
  recordTransition(event: HealthTransitionEvent): Promise<void>;
}

/** For tests and for running without a database. */
export class InMemoryHealthStore implements HealthStore {
  readonly events: HealthTransitionEvent[] = [];
  readonly health = new Map<string, HealthTransitionEvent["to"]>();

  async recordTransition(event: HealthTransitionEvent): Promise<void> {
    this.events.push(event);
    this.health.set(event.backendId, event.to);
  }
}

/**
 * Writes transitions to a HealthStore one at a time, in the order they happened, off the checker's hot path.
 * Transitions are rare (threshold-gated), so one sequential queue is enough; if the store falls behind by
 * `maxQueued` events the oldest are dropped and reported, so a dead database cannot grow memory without bound.
 */
export class TransitionWriter {
  private readonly pending: HealthTransitionEvent[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly store: HealthStore,
    private readonly onError: (error: unknown, event: HealthTransitionEvent) => void = (error) => console.error("health store", error),
    private readonly maxQueued = 10_000,
  ) {}

  push(event: HealthTransitionEvent): void {
    this.pending.push(event);
    if (this.pending.length > this.maxQueued) {
      const dropped = this.pending.shift()!;
      this.onError(new Error("health store is falling behind: transition dropped"), dropped);
    }
    this.draining ??= this.drain();
  }

  /** Resolves once every event pushed so far was written (or failed). */
  async flush(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  private async drain(): Promise<void> {
    for (let event = this.pending.shift(); event !== undefined; event = this.pending.shift()) {
      try {
        await this.store.recordTransition(event);
      } catch (error) {
        this.onError(error, event);
      }
    }
    this.draining = null;
  }
}
