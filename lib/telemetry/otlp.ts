import type { Labels } from "./labels";
import { cumulate } from "./quantile";
import type { Sample } from "./sample";

/**
 * OTLP/HTTP JSON (ExportMetricsServiceRequest, proto3 JSON mapping) → samples. Gauges and sums map to gauge and
 * counter samples (a non-monotonic sum is a gauge), histograms to cumulative buckets, summaries to one series per
 * quantile (like Prometheus' exposition). Resource and scope attributes join each point's labels. Exponential
 * histograms are skipped (and counted) rather than guessed at.
 */
export function samplesFromOtlpJson(body: unknown, receivedAt: number): { samples: Sample[]; skipped: number } {
  const samples: Sample[] = [];
  let skipped = 0;
  for (const rm of arr(get(body, "resourceMetrics"))) {
    const resourceLabels = attributes(get(get(rm, "resource"), "attributes"));
    for (const sm of arr(get(rm, "scopeMetrics"))) {
      for (const metric of arr(get(sm, "metrics"))) {
        const name = str(get(metric, "name")).replace(/[^a-zA-Z0-9_:]/g, "_");
        if (!name) {
          skipped++;
          continue;
        }
        const base = (dp: unknown) => ({ name, labels: { ...resourceLabels, ...attributes(get(dp, "attributes")) }, at: timeOf(dp, receivedAt) });
        const gauge = get(metric, "gauge");
        const sum = get(metric, "sum");
        const histogram = get(metric, "histogram");
        const summary = get(metric, "summary");
        if (gauge || sum) {
          const kind = sum && get(sum, "isMonotonic") === true ? "counter" : "gauge";
          for (const dp of arr(get(gauge ?? sum, "dataPoints"))) samples.push({ ...base(dp), kind, value: num(get(dp, "asDouble") ?? get(dp, "asInt")) });
        } else if (histogram) {
          for (const dp of arr(get(histogram, "dataPoints"))) {
            const bounds = arr(get(dp, "explicitBounds")).map(num);
            const buckets = cumulate(arr(get(dp, "bucketCounts")).map(num));
            if (buckets.length !== bounds.length + 1) {
              skipped++;
              continue;
            }
            samples.push({ ...base(dp), kind: "histogram", value: num(get(dp, "sum")), count: num(get(dp, "count")), bounds, buckets });
          }
        } else if (summary) {
          for (const dp of arr(get(summary, "dataPoints"))) {
            const b = base(dp);
            for (const qv of arr(get(dp, "quantileValues"))) {
              samples.push({ ...b, kind: "summary", labels: { ...b.labels, quantile: String(num(get(qv, "quantile"))) }, value: num(get(qv, "value")) });
            }
          }
        } else {
          skipped++;
        }
      }
    }
  }
  return { samples: samples.filter((s) => Number.isFinite(s.value) || (skipped++, false)), skipped };
}

const get = (o: unknown, key: string): unknown => (o && typeof o === "object" ? (o as Record<string, unknown>)[key] : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
/** proto3 JSON sends 64-bit integers as strings. */
const num = (v: unknown): number => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN);

function timeOf(dp: unknown, fallback: number): number {
  const nanos = get(dp, "timeUnixNano");
  if (typeof nanos === "string" && /^\d+$/.test(nanos) && nanos !== "0") return Number(BigInt(nanos) / 1_000_000n);
  if (typeof nanos === "number" && nanos > 0) return Math.floor(nanos / 1e6);
  return fallback;
}

function attributes(list: unknown): Labels {
  const out: Labels = {};
  for (const kv of arr(list)) {
    const key = str(get(kv, "key"));
    const v = get(kv, "value");
    const value = get(v, "stringValue") ?? get(v, "intValue") ?? get(v, "doubleValue") ?? get(v, "boolValue");
    if (key && value !== undefined && value !== null) out[key] = String(value);
  }
  return out;
}
