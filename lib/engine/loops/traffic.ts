import { DataPlane } from "@/lib/dataplane";
import { recordHealthTransition, savePoolStats } from "@/lib/server/dal/engine/backends";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import { HealthChecker, TransitionWriter, targetsFromPools, type HealthStore } from "../health-checker";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";

/**
 * The traffic side of the worker: the data plane (a proxy per pool with a listen port) and the active health
 * checks that steer it. Each pass hands both the current pools; transitions are stored through the fenced,
 * audited engine write of the pass that is running.
 */
export function trafficLoop(): Loop & { close(): Promise<void> } {
  const dataPlane = new DataPlane({ onEvent: (e) => console.log(`data plane: ${JSON.stringify(e)}`) });
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
    },
    onResult: (r) => {
      if (r.result.outcome === "passed") dataPlane.recordCheckPassed(r.poolId, r.backendId);
    },
  });
  let started = false;

  return {
    name: "traffic",
    async tick({ snapshot, write: passWrite, now }: EngineDeps) {
      write = { ...passWrite };
      await dataPlane.reconcile(snapshot.pools);
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
