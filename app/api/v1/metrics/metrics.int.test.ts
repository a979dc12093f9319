/**
 * Metrics over the real routes: JSON push and OTLP/HTTP JSON in, the query API out (steps, labels, rate, histogram
 * quantiles); backpressure (413 over the body limit, 429 + Retry-After over the rate) and its counts on /metrics,
 * read back with a Prometheus text parser; who may push to OTLP. (Protobuf and gzip: app/v1/otlp-encodings.int.test.ts.)
 */
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as prom from "@/app/metrics/route";
import * as otlp from "@/app/v1/metrics/route";
import { clearSeriesCache } from "@/lib/server/dal/metrics";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as names from "./names/route";
import * as query from "./query/route";
import * as push from "./route";

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const MIN = 60_000;

beforeEach(async () => {
  await resetDatabase();
  clearSeriesCache();
});
afterEach(() => {
  delete process.env.STRATUS_METRICS_MAX_BODY_BYTES;
  delete process.env.STRATUS_METRICS_INGEST_RATE;
  delete process.env.STRATUS_METRICS_INGEST_BURST;
});

const q = (params: Record<string, string | number>) =>
  call(query.GET, "GET", "/api/v1/metrics/query", { query: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
type Series = Array<{ labels: Record<string, string>; points: Array<[number, number]> }>;

describe("push → query", () => {
  test("stores samples by series and answers one point per step, filtered by labels", async () => {
    const samples = [0, 20, 40, 60, 80, 100].flatMap((s) => [
      { name: "cpu_usage", labels: { pod: "a", node: "n1" }, value: s, at: T0 + s * 1000 },
      { name: "cpu_usage", labels: { node: "n1", pod: "b" }, value: 1, at: new Date(T0 + s * 1000).toISOString() },
    ]);
    const res = await call(push.POST, "POST", "/api/v1/metrics", { body: { samples } });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ accepted: 12, skipped: 0 });

    const all = await q({ name: "cpu_usage", from: T0, to: T0 + 2 * MIN, step: 60 });
    expect(all.status).toBe(200);
    expect((all.json!.series as Series).map((s) => s.labels)).toEqual([{ node: "n1", pod: "a" }, { node: "n1", pod: "b" }]);

    const a = await q({ name: "cpu_usage", labels: "pod=a", from: T0, to: T0 + 2 * MIN, step: 60, agg: "max" });
    expect(a.json!.series).toEqual([{ labels: { node: "n1", pod: "a" }, kind: "gauge", points: [[T0, 40], [T0 + MIN, 100]] }]);
    const avg = await q({ name: "cpu_usage", labels: "pod=a", from: T0, to: T0 + 2 * MIN, step: 60 });
    expect((avg.json!.series as Series)[0]!.points).toEqual([[T0, 20], [T0 + MIN, 80]]);

    const listed = await call(names.GET, "GET", "/api/v1/metrics/names");
    expect(listed.json!.items).toEqual([{ name: "cpu_usage", kind: "gauge", series: 2 }]);
  });

  test("rate is per second over steps, a duplicate timestamp is dropped, and bad input is a 422", async () => {
    const samples = [0, 1, 2, 3].map((m) => ({ name: "reqs_total", kind: "counter", value: m * 120, at: T0 + m * MIN }));
    await call(push.POST, "POST", "/api/v1/metrics", { body: { samples: [...samples, samples[0]] } });
    const rate = await q({ name: "reqs_total", from: T0 + MIN, to: T0 + 4 * MIN, step: 60, agg: "rate" });
    expect((rate.json!.series as Series)[0]!.points).toEqual([[T0 + MIN, 2], [T0 + 2 * MIN, 2], [T0 + 3 * MIN, 2]]);

    expect((await call(push.POST, "POST", "/api/v1/metrics", { body: { samples: [{ name: "bad name", value: 1 }] } })).status).toBe(422);
    expect((await q({ name: "reqs_total", labels: "oops" })).status).toBe(422);
    expect((await q({ name: "reqs_total", from: T0, to: T0 + 100 * 86_400_000, step: 1 })).status).toBe(422);
  });
});

describe("OTLP/HTTP JSON", () => {
  const histogramPoint = (minute: number, counts: number[]) => ({
    name: "http.server.duration",
    histogram: { dataPoints: [{ timeUnixNano: `${BigInt(T0 + minute * MIN + 30_000) * 1_000_000n}`, count: String(counts.reduce((a, b) => a + b)), sum: 1, explicitBounds: [10, 100, 1000], bucketCounts: counts.map(String) }] },
  });
  const body = (metrics: unknown[]) => ({ resourceMetrics: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "shop" } }] }, scopeMetrics: [{ metrics }] }] });

  test("histograms come back as p50/p95/p99 per step, from the increase in each step", async () => {
    // Cumulative exports: minute 0 has 100 observations ≤ 10; minute 1 adds 100 in (10, 100].
    for (const [minute, counts] of [[0, [100, 0, 0, 0]], [1, [100, 100, 0, 0]]] as const) {
      const res = await call(otlp.POST, "POST", "/v1/metrics", { body: body([histogramPoint(minute, [...counts])]) });
      expect(res.status).toBe(200);
    }
    const p50 = await q({ name: "http_server_duration", labels: "service.name=shop", from: T0, to: T0 + 2 * MIN, step: 60, agg: "p50" });
    expect((p50.json!.series as Series)[0]!.points).toEqual([[T0, 5], [T0 + MIN, 55]]);
    const p99 = await q({ name: "http_server_duration", from: T0 + MIN, to: T0 + 2 * MIN, step: 60, agg: "p99" });
    expect((p99.json!.series as Series)[0]!.points[0]![1]).toBeCloseTo(99.1, 5);
  });

  test("needs a writer's credentials; other media types are a 415; what it cannot map is reported as partial", async () => {
    const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
    expect((await call(otlp.POST, "POST", "/v1/metrics", { token: null, body: body([]) })).status).toBe(401);
    expect((await call(otlp.POST, "POST", "/v1/metrics", { token: viewer, body: body([]) })).status).toBe(403);
    const xml = await call(otlp.POST, "POST", "/v1/metrics", { rawBody: "<metrics/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    const partial = await call(otlp.POST, "POST", "/v1/metrics", { body: body([{ name: "x", exponentialHistogram: { dataPoints: [{}] } }]) });
    expect(partial.json).toEqual({ partialSuccess: { rejectedDataPoints: 1, errorMessage: expect.any(String) } });
  });
});

describe("backpressure", () => {
  const refusedCount = async (reason: string) => {
    const res = await prom.GET();
    expect(res.headers.get("content-type")).toContain("text/plain");
    const families = parsePrometheusTextFormat(await res.text());
    const family = families.find((f) => f.name === "stratus_metrics_ingest_refused_requests_total")!;
    expect(family.type).toBe("COUNTER");
    return Number(family.metrics.find((m) => m.labels?.reason === reason && m.labels.protocol === "push")?.value ?? 0);
  };

  test("a body over the limit is a 413 and is counted, before it is read whole", async () => {
    process.env.STRATUS_METRICS_MAX_BODY_BYTES = "1000";
    const before = await refusedCount("size");
    const samples = Array.from({ length: 100 }, (_, i) => ({ name: "big", value: i }));
    const res = await call(push.POST, "POST", "/api/v1/metrics", { body: { samples } });
    expect(res.status).toBe(413);
    expect(res.json!.title).toBe("Content too large");
    expect(await refusedCount("size")).toBe(before + 1);
  });

  test("over the rate is a 429 with Retry-After and is counted; nothing of it is stored", async () => {
    process.env.STRATUS_METRICS_INGEST_RATE = "10";
    process.env.STRATUS_METRICS_INGEST_BURST = "20";
    const before = await refusedCount("rate");
    const batch = (n: number) => ({ samples: Array.from({ length: n }, (_, i) => ({ name: "limited", labels: { i: String(i) }, value: 1 })) });
    expect((await call(push.POST, "POST", "/api/v1/metrics", { body: batch(15) })).status).toBe(202);
    const refused = await call(push.POST, "POST", "/api/v1/metrics", { body: batch(15) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refusedCount("rate")).toBe(before + 1);
    const listed = await call(names.GET, "GET", "/api/v1/metrics/names");
    expect(listed.json!.items).toEqual([{ name: "limited", kind: "gauge", series: 15 }]);
  });

  test("/metrics is Prometheus text with process metrics and no estate data", async () => {
    const families = parsePrometheusTextFormat(await (await prom.GET()).text());
    expect(families.map((f) => f.name)).toEqual(expect.arrayContaining(["stratus_process_cpu_seconds_total", "stratus_metrics_ingest_samples_total"]));
  });
});
