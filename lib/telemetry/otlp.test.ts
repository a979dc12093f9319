import { expect, test } from "vitest";
import { samplesFromOtlpJson } from "./otlp";

const attr = (key: string, value: string) => ({ key, value: { stringValue: value } });
const request = (metrics: unknown[]) => ({ resourceMetrics: [{ resource: { attributes: [attr("service.name", "api")] }, scopeMetrics: [{ metrics }] }] });

test("gauges, monotonic sums, histograms and summaries become samples with resource labels", () => {
  const body = request([
    { name: "cpu.usage", gauge: { dataPoints: [{ attributes: [attr("pod", "a")], timeUnixNano: "1700000000000000000", asDouble: 0.5 }] } },
    { name: "http_requests", sum: { isMonotonic: true, dataPoints: [{ timeUnixNano: "1700000000000000000", asInt: "42" }] } },
    { name: "queue", sum: { isMonotonic: false, dataPoints: [{ asInt: 3 }] } },
    { name: "latency", histogram: { dataPoints: [{ timeUnixNano: "1700000000000000000", count: "6", sum: 2.5, explicitBounds: [0.1, 1], bucketCounts: ["1", "2", "3"] }] } },
    { name: "rt", summary: { dataPoints: [{ quantileValues: [{ quantile: 0.5, value: 7 }, { quantile: 0.99, value: 9 }] }] } },
  ]);
  const { samples, skipped } = samplesFromOtlpJson(body, 5);
  expect(skipped).toBe(0);
  expect(samples).toEqual([
    { name: "cpu_usage", kind: "gauge", labels: { "service.name": "api", pod: "a" }, at: 1_700_000_000_000, value: 0.5 },
    { name: "http_requests", kind: "counter", labels: { "service.name": "api" }, at: 1_700_000_000_000, value: 42 },
    { name: "queue", kind: "gauge", labels: { "service.name": "api" }, at: 5, value: 3 },
    { name: "latency", kind: "histogram", labels: { "service.name": "api" }, at: 1_700_000_000_000, value: 2.5, count: 6, bounds: [0.1, 1], buckets: [1, 3, 6] },
    { name: "rt", kind: "summary", labels: { "service.name": "api", quantile: "0.5" }, at: 5, value: 7 },
    { name: "rt", kind: "summary", labels: { "service.name": "api", quantile: "0.99" }, at: 5, value: 9 },
  ]);
});

test.each([
  { what: "not an object", body: "nope", samples: 0, skipped: 0 },
  { what: "exponential histogram", body: request([{ name: "x", exponentialHistogram: { dataPoints: [{}] } }]), samples: 0, skipped: 1 },
  { what: "bucket counts not matching bounds", body: request([{ name: "x", histogram: { dataPoints: [{ explicitBounds: [1], bucketCounts: ["1"] }] } }]), samples: 0, skipped: 1 },
  { what: "a point without a value", body: request([{ name: "x", gauge: { dataPoints: [{}] } }]), samples: 0, skipped: 1 },
  { what: "a metric without a name", body: request([{ gauge: { dataPoints: [{ asDouble: 1 }] } }]), samples: 0, skipped: 1 },
])("tolerates $what", ({ body, samples, skipped }) => {
  const out = samplesFromOtlpJson(body, 0);
  expect([out.samples.length, out.skipped]).toEqual([samples, skipped]);
});
