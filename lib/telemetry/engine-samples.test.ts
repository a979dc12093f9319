import { expect, test } from "vitest";
import { engineSamples, poolHistogram, scaleDecisionSamples, type PoolStatsReading } from "./engine-samples";

const stats: PoolStatsReading = {
  totalRequests: 10,
  failedRequests: 1,
  activeConnections: 2,
  backends: [
    { address: "127.0.0.1", port: 1, totalRequests: 3, failedRequests: 0, histogram: [{ le: "5", count: 1 }, { le: "10", count: 2 }, { le: "+Inf", count: 0 }] },
    { address: "127.0.0.1", port: 2, totalRequests: 7, failedRequests: 1, histogram: [{ le: "5", count: 3 }, { le: "10", count: 0 }, { le: "+Inf", count: 4 }] },
  ],
};

test("pool histograms are the backends' buckets summed and made cumulative", () => {
  expect(poolHistogram(stats)).toEqual({ bounds: [5, 10], buckets: [4, 6, 10], count: 10 });
  expect(poolHistogram({ ...stats, backends: [] })).toBeNull();
});

test("maps running pods, pool counters and known backend health to samples", () => {
  const pods = [
    { name: "web-1", nodeName: "n1", phase: "running", usage: { cpuMillicores: 12, memoryMiB: null } },
    { name: "web-2", nodeName: null, phase: "pending", usage: null },
  ];
  const pools = [
    {
      id: "p1",
      name: "web",
      backends: [
        { address: "127.0.0.1", port: 1, health: "healthy" as const },
        { address: "127.0.0.1", port: 2, health: "unknown" as const },
      ],
    },
  ];
  const samples = engineSamples(pods, pools, new Map([["p1", stats]]), 7);
  expect(samples.map((s) => `${s.name}${JSON.stringify(s.labels)}=${s.value}`)).toEqual([
    'stratus_pod_cpu_millicores{"pod":"web-1","node":"n1"}=12',
    'stratus_backend_healthy{"pool":"web","backend":"127.0.0.1:1"}=1',
    'stratus_pool_requests_total{"pool":"web"}=10',
    'stratus_pool_request_failures_total{"pool":"web"}=1',
    'stratus_pool_active_connections{"pool":"web"}=2',
    'stratus_pool_request_duration_ms{"pool":"web"}=0',
    'stratus_backend_requests_total{"pool":"web","backend":"127.0.0.1:1"}=3',
    'stratus_backend_request_failures_total{"pool":"web","backend":"127.0.0.1:1"}=0',
    'stratus_backend_request_duration_ms{"pool":"web","backend":"127.0.0.1:1"}=0',
    'stratus_backend_requests_total{"pool":"web","backend":"127.0.0.1:2"}=7',
    'stratus_backend_request_failures_total{"pool":"web","backend":"127.0.0.1:2"}=1',
    'stratus_backend_request_duration_ms{"pool":"web","backend":"127.0.0.1:2"}=0',
  ]);
  // Each backend's own histogram, made cumulative like the pool's.
  expect(samples.find((s) => s.name === "stratus_backend_request_duration_ms" && s.labels.backend === "127.0.0.1:2")).toMatchObject({ bounds: [5, 10], buckets: [3, 3, 7], count: 7 });
  expect(samples.every((s) => s.at === 7)).toBe(true);
});

test("scale decision counts become counters per autoscaler and action", () => {
  expect(scaleDecisionSamples([{ autoscaler: "web", action: "scale_up", count: 3 }], 9)).toEqual([
    { name: "stratus_autoscaler_decisions_total", kind: "counter", labels: { autoscaler: "web", action: "scale_up" }, at: 9, value: 3 },
  ]);
});
