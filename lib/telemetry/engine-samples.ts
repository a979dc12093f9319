import type { Sample } from "./sample";

/** The slices of the engine's snapshot this mapping reads (structural, so tests build them by hand). */
export interface PodReading {
  name: string;
  nodeName: string | null;
  phase: string;
  usage: { cpuMillicores: number | null; memoryMiB: number | null } | null;
}
export interface PoolReading {
  id: string;
  name: string;
  backends: ReadonlyArray<{ address: string; port: number; health: "healthy" | "unhealthy" | "unknown" }>;
}
export interface PoolStatsReading {
  totalRequests: number;
  failedRequests: number;
  activeConnections: number;
  backends: ReadonlyArray<BackendStatsReading>;
}
/** One backend's counters as the data plane reports them; `histogram` holds per-bucket (not cumulative) counts. */
export interface BackendStatsReading {
  address: string;
  port: number;
  totalRequests: number;
  failedRequests: number;
  histogram: ReadonlyArray<{ le: string; count: number }>;
}

/** Scale decisions so far, per autoscaler and action ("scale_up", "none", …), as counter samples. */
export function scaleDecisionSamples(counts: ReadonlyArray<{ autoscaler: string; action: string; count: number }>, at: number): Sample[] {
  return counts.map((c) => ({ name: "stratus_autoscaler_decisions_total", kind: "counter", labels: { autoscaler: c.autoscaler, action: c.action }, at, value: c.count }));
}

/**
 * What Stratus records about its own estate each metrics pass: pod CPU/memory gauges, pool request counters and a
 * pool latency histogram (the backends' buckets summed, made cumulative), the same per backend (labelled
 * `backend="address:port"` as the health gauge is, so one backend's latency and errors can be read on their own),
 * and backend health (1 healthy, 0 not; unknown is left out rather than guessed).
 */
export function engineSamples(pods: readonly PodReading[], pools: readonly PoolReading[], stats: ReadonlyMap<string, PoolStatsReading>, at: number): Sample[] {
  const out: Sample[] = [];
  for (const pod of pods) {
    if (pod.phase !== "running" || !pod.usage) continue;
    const labels = { pod: pod.name, node: pod.nodeName ?? "" };
    if (pod.usage.cpuMillicores != null) out.push({ name: "stratus_pod_cpu_millicores", kind: "gauge", labels, at, value: pod.usage.cpuMillicores });
    if (pod.usage.memoryMiB != null) out.push({ name: "stratus_pod_memory_mib", kind: "gauge", labels, at, value: pod.usage.memoryMiB });
  }
  for (const pool of pools) {
    for (const b of pool.backends) {
      if (b.health === "unknown") continue;
      out.push({ name: "stratus_backend_healthy", kind: "gauge", labels: { pool: pool.name, backend: `${b.address}:${b.port}` }, at, value: b.health === "healthy" ? 1 : 0 });
    }
    const s = stats.get(pool.id);
    if (!s) continue;
    const labels = { pool: pool.name };
    out.push({ name: "stratus_pool_requests_total", kind: "counter", labels, at, value: s.totalRequests });
    out.push({ name: "stratus_pool_request_failures_total", kind: "counter", labels, at, value: s.failedRequests });
    out.push({ name: "stratus_pool_active_connections", kind: "gauge", labels, at, value: s.activeConnections });
    const histogram = poolHistogram(s);
    if (histogram) out.push({ name: "stratus_pool_request_duration_ms", kind: "histogram", labels, at, value: 0, ...histogram });
    for (const b of s.backends) {
      const backend = { pool: pool.name, backend: `${b.address}:${b.port}` };
      out.push({ name: "stratus_backend_requests_total", kind: "counter", labels: backend, at, value: b.totalRequests });
      out.push({ name: "stratus_backend_request_failures_total", kind: "counter", labels: backend, at, value: b.failedRequests });
      const own = cumulativeHistogram([b.histogram]);
      if (own) out.push({ name: "stratus_backend_request_duration_ms", kind: "histogram", labels: backend, at, value: 0, ...own });
    }
  }
  return out;
}

/** Sum the backends' per-bucket counts (same bounds: the data plane's fixed buckets) into one cumulative histogram. */
export function poolHistogram(stats: PoolStatsReading): { bounds: number[]; buckets: number[]; count: number } | null {
  return cumulativeHistogram(stats.backends.map((b) => b.histogram));
}

/** Per-bucket counts of one or more histograms with the same bounds, summed and made cumulative. */
function cumulativeHistogram(histograms: ReadonlyArray<ReadonlyArray<{ le: string; count: number }>>): { bounds: number[]; buckets: number[]; count: number } | null {
  const first = histograms.find((h) => h.length > 0);
  if (!first) return null;
  const bounds = first.filter((b) => b.le !== "+Inf").map((b) => Number(b.le));
  const counts = new Array<number>(first.length).fill(0);
  for (const h of histograms) {
    if (h.length !== first.length) continue;
    h.forEach((bucket, i) => (counts[i]! += bucket.count));
  }
  let running = 0;
  const buckets = counts.map((c) => (running += c));
  return { bounds, buckets, count: running };
}
