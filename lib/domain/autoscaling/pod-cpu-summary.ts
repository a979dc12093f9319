import type { PodCpuSample, PodCpuSummary } from "./types";

/**
 * Summarizes raw CPU samples into one entry per pod over the window (now − windowMs, now].
 *
 * - Status (phase, ready, deleting, request) comes from the pod's latest sample at or before `now`,
 *   even if that sample is older than the window: the latest status is the best we know.
 * - Usage is the mean of the readings inside the window; a pod with none is reported with
 *   `cpuMillis: undefined`, which HPA treats as a missing metric.
 * - Samples after `now` (clock skew) and readings that are negative or not finite are ignored,
 *   so a bad reading never turns into "0% CPU".
 * Output is sorted by podId so equal inputs give equal outputs whatever the sample order.
 */
export function summarizePodCpu(samples: readonly PodCpuSample[], windowMs: number, now: number): PodCpuSummary[] {
  const windowStart = now - windowMs;
  const byPod = new Map<string, { latest: PodCpuSample; sum: number; count: number }>();

  for (const sample of samples) {
    if (sample.at > now) continue;
    const entry = byPod.get(sample.podId) ?? { latest: sample, sum: 0, count: 0 };
    if (isLaterThan(sample, entry.latest)) entry.latest = sample;
    if (sample.at > windowStart && isUsableReading(sample.cpuMillis)) {
      entry.sum += sample.cpuMillis;
      entry.count += 1;
    }
    byPod.set(sample.podId, entry);
  }

  return [...byPod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1)) // ids are unique map keys: never equal
    .map(([podId, { latest, sum, count }]) => {
      const cpuMillis = count > 0 ? sum / count : undefined;
      return {
        podId,
        phase: latest.phase,
        ready: latest.ready,
        deleting: latest.deleting === true,
        requestMillis: latest.requestMillis,
        cpuMillis,
        utilizationPercent:
          cpuMillis !== undefined && latest.requestMillis > 0 ? (cpuMillis * 100) / latest.requestMillis : undefined,
        samplesInWindow: count,
        lastSeenAt: latest.at,
      };
    });
}

function isUsableReading(cpuMillis: number | null): cpuMillis is number {
  return cpuMillis !== null && Number.isFinite(cpuMillis) && cpuMillis >= 0;
}

/** Later timestamp wins; exact ties are broken by content so the result never depends on input order. */
function isLaterThan(candidate: PodCpuSample, current: PodCpuSample): boolean {
  if (candidate.at !== current.at) return candidate.at > current.at;
  return JSON.stringify(candidate) > JSON.stringify(current);
}
