/** The worker's side of the metrics store: its own samples, one-minute rollups, and retention pruning. */
import { beforeEach, expect, test } from "vitest";
import { metricsLoop } from "@/lib/engine/loops/metrics";
import type { EngineDeps } from "@/lib/engine/deps";
import { engineCtx } from "../auth/principal";
import { db } from "../db";
import { clearSeriesCache, recordSamples } from "./metrics";
import { queryMetrics } from "./metrics-query";
import { rollUpAndPruneMetrics } from "./metrics-maintenance";
import { resetDatabase } from "@/lib/testing/database";

const ctx = engineCtx("metrics");
const NOW = Date.UTC(2026, 10, 25, 12, 0, 30);

beforeEach(async () => {
  await resetDatabase();
  clearSeriesCache();
});

test("rolls complete minutes up (min/max/sum/count/last), and prunes raw samples past retention", async () => {
  const at = (msAgo: number) => NOW - msAgo;
  await recordSamples({
    ctx,
    samples: [
      { name: "g", kind: "gauge", labels: {}, value: 1, at: at(90_000) }, // 12:59:00 minute
      { name: "g", kind: "gauge", labels: {}, value: 5, at: at(70_000) },
      { name: "g", kind: "gauge", labels: {}, value: 3, at: at(10_000) }, // current minute: not rolled yet
      { name: "g", kind: "gauge", labels: {}, value: 9, at: at(25 * 3_600_000) }, // past 24 h
    ],
  });
  const result = await rollUpAndPruneMetrics({ ctx, now: NOW });
  expect(result).toEqual({ rolledUp: 1, prunedRaw: 1, prunedRollups: 0 });
  const [rollup] = await db.metricRollup.findMany();
  expect(rollup).toMatchObject({ bucket: new Date(Date.UTC(2026, 10, 25, 11, 59)), min: 1, max: 5, sum: 6, count: 2, last: 5 });
  expect(await db.metricSample.count()).toBe(3);
  // Rerunning recomputes the same rows rather than adding to them.
  await rollUpAndPruneMetrics({ ctx, now: NOW });
  expect(await db.metricRollup.count()).toBe(1);
});

test("the metrics loop records pod usage and backend health from the snapshot", async () => {
  const deps = {
    now: NOW,
    write: { ctx, fence: async () => undefined },
    snapshot: {
      nodes: [],
      workloads: [],
      pods: [{ name: "web-1", nodeName: "n1", phase: "running", usage: { cpuMillicores: 40, memoryMiB: 30, at: "" } }],
      pools: [{ id: "00000000-0000-7000-8000-000000000000", name: "web", backends: [{ address: "127.0.0.1", port: 9, health: "unhealthy" }] }],
    },
  } as unknown as EngineDeps;
  await metricsLoop().tick(deps);
  const cpu = await queryMetrics({ ctx, query: { name: "stratus_pod_cpu_millicores", from: NOW - 60_000, to: NOW + 60_000, step: 60 } });
  expect(cpu.series).toEqual([{ labels: { node: "n1", pod: "web-1" }, kind: "gauge", points: [[NOW, 40]] }]);
  const health = await queryMetrics({ ctx, query: { name: "stratus_backend_healthy", labels: "pool=web", from: NOW - 60_000, to: NOW + 60_000, step: 60 } });
  expect(health.series[0]!.points).toEqual([[NOW, 0]]);
});

test("queries read rolled-up minutes from rollups and the recent edge from raw, with the same answers", async () => {
  const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
  const samples = Array.from({ length: 20 }, (_, i) => ({ name: "r", kind: "counter" as const, labels: { a: "1" }, value: i * 10, at: T0 + i * 15_000 }));
  const hist = (m: number, c: number) => ({ name: "h", kind: "histogram" as const, labels: {}, value: 0, at: T0 + m * 60_000 + 59_000, bounds: [10], buckets: [c, c] });
  await recordSamples({ ctx, samples: [...samples, hist(0, 10), hist(1, 20), hist(2, 20), hist(3, 40)] });
  const ask = async (name: string, agg: string, step = 60) =>
    (await queryMetrics({ ctx, query: { name, agg, step, from: T0, to: T0 + 5 * 60_000 } })).series.map((s) => s.points);
  const before = {
    avg: await ask("r", "avg"),
    max2: await ask("r", "max", 120),
    rate: await ask("r", "rate"),
    last: await ask("r", "last"),
    p50: await ask("h", "p50"),
  };
  await rollUpAndPruneMetrics({ ctx, now: T0 + 3 * 60_000 + 5_000 });
  await db.metricSample.deleteMany({ where: { at: { lt: new Date(T0 + 3 * 60_000) } } }); // only rollups can answer these now
  const after = {
    avg: await ask("r", "avg"),
    max2: await ask("r", "max", 120),
    rate: await ask("r", "rate"),
    last: await ask("r", "last"),
    p50: await ask("h", "p50"),
  };
  expect(after).toEqual(before);
  expect(before.avg).toEqual([[[T0, 15], [T0 + 60_000, 55], [T0 + 120_000, 95], [T0 + 180_000, 135], [T0 + 240_000, 175]]]);
  expect(before.p50).toEqual([[[T0, 5], [T0 + 60_000, 5], [T0 + 180_000, 5]]]);
});
