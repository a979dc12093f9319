import { DataPlane, type DataPlaneTracing, type PoolConfig } from "@/lib/dataplane";
import { recordHealthTransition, savePoolStats } from "@/lib/server/dal/engine/backends";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import { HealthChecker, TransitionWriter, targetsFromPools, type HealthStore } from "../health-checker";
import type { EngineSnapshot } from "@/lib/server/dal/engine/snapshot";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";
import { noEvents, type EngineEvents } from "../events";
import { DataPlaneEvents, healthTransitionEvent, TrafficNames } from "../traffic-events";

/**
 * The traffic side of the worker: the data plane (a proxy per pool with a listen port) and the active health
 * checks that steer it. Each pass hands both the current pools; transitions are stored through the fenced,
 * audited engine write of the pass that is running. With `tracing`, the proxies record spans of what they serve.
 */
export function trafficLoop(options: { tracing?: DataPlaneTracing } = {}): Loop & { close(): Promise<void> } {
  // Health changes and data-plane notifications become log records (via the pass's events), named by the last snapshot.
  const names = new TrafficNames();
  const planeEvents = new DataPlaneEvents(names);
  let events: EngineEvents = noEvents;
  const dataPlane = new DataPlane({
    onEvent: (e) => {
      if (e.type !== "upstream_retry" && e.type !== "upstream_error") console.log(`data plane: ${JSON.stringify(e)}`);
      const event = planeEvents.toEvent(e, Date.now());
      if (event) events(event);
    },
    tracing: options.tracing,
  });
  let write: EngineWriteCtx | null = null;
  const store: HealthStore = {
    async recordTransition(t) {
      if (!write) return;
      await recordHealthTransition(write, { ...t, detail: t.detail ?? null, at: new Date(t.at) });
    },
  };
  const writer = new TransitionWriter(store);
  const checker = new HealthChecker({
    onTransition: (t) => {
      dataPlane.setBackendHealth(t.poolId, t.backendId, t.to);
      writer.push(t);
      events(healthTransitionEvent(t, names));
    },
    onResult: (r) => {
      if (r.result.outcome === "passed") dataPlane.recordCheckPassed(r.poolId, r.backendId);
    },
  });
  let started = false;

  return {
    name: "traffic",
    async tick({ snapshot, write: passWrite, now, events: passEvents }: EngineDeps) {
      write = { ...passWrite };
      events = passEvents;
      names.update(snapshot);
      await dataPlane.reconcile(withPodNames(snapshot));
      checker.setTargets(targetsFromPools(snapshot.pools));
      if (!started) {
        checker.start();
        started = true;
      }
      const stats = snapshot.pools.flatMap((p) => {
        const s = dataPlane.stats(p.id);
        return s ? [{ poolId: p.id, stats: s as unknown as object }] : [];
      });
      await savePoolStats(passWrite, stats, new Date(now));
    },
    async close() {
      await checker.stop();
      await dataPlane.close();
    },
  };
}

/** The pools with each backend's pod named, so spans can link to it. */
function withPodNames({ pools, pods }: EngineSnapshot): PoolConfig[] {
  const names = new Map(pods.map((p) => [p.id, p.name]));
  return pools.map((pool) => ({ ...pool, backends: pool.backends.map((b) => ({ ...b, podName: b.podId ? (names.get(b.podId) ?? null) : null })) }));
}
