import { countScaleDecisions, loadPoolStatsForMetrics, rollUpAndPruneMetrics } from "@/lib/server/dal/metrics-maintenance";
import { recordSamples } from "@/lib/server/dal/metrics";
import { engineSamples, scaleDecisionSamples } from "@/lib/telemetry/engine-samples";
import type { Sample } from "@/lib/telemetry/sample";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";

/** How often the engine records its own metrics (a scrape interval), and how often it rolls up and prunes. */
const RECORD_INTERVAL_MS = 10_000;
const MAINTENANCE_INTERVAL_MS = 60_000;

/**
 * The engine's own metrics: pod CPU/memory, pool requests and latency, backend health, scale decisions (and what
 * `extraSamples` adds, e.g. the log pipeline's counters), written into the metrics
 * store like any pushed sample; then one-minute rollups and retention pruning. Metrics are observations, not
 * decisions, so they are not fenced: two leaders overlapping for a moment write duplicates that the store drops.
 */
export function metricsLoop(options: { extraSamples?: (now: number) => Sample[] } = {}): Loop {
  let lastRecord = Number.NEGATIVE_INFINITY;
  let lastMaintenance = Number.NEGATIVE_INFINITY;
  return {
    name: "metrics",
    async tick({ snapshot, write, now }: EngineDeps) {
      if (now - lastRecord >= RECORD_INTERVAL_MS) {
        lastRecord = now;
        const [stats, decisions] = await Promise.all([loadPoolStatsForMetrics({ ctx: write.ctx }), countScaleDecisions({ ctx: write.ctx })]);
        const samples = [...engineSamples(snapshot.pods, snapshot.pools, stats, now), ...scaleDecisionSamples(decisions, now), ...(options.extraSamples?.(now) ?? [])];
        await recordSamples({ ctx: write.ctx, samples });
      }
      if (now - lastMaintenance >= MAINTENANCE_INTERVAL_MS) {
        lastMaintenance = now;
        await rollUpAndPruneMetrics({ ctx: write.ctx, now });
      }
    },
  };
}
