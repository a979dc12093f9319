/** The metrics store's bulk paths on a real Postgres: COPY ingest with its INSERT fallback, and the step query. */
import { beforeEach, expect, test } from "vitest";
import type { Sample } from "@/lib/telemetry/sample";
import { resetDatabase } from "@/lib/testing/database";
import { systemPrincipal } from "../auth/principal";
import { db } from "../db";
import { clearSeriesCache, recordSamples } from "./metrics";
import { queryMetrics } from "./metrics-query";

const ctx = { principal: systemPrincipal };
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

beforeEach(async () => {
  await resetDatabase();
  clearSeriesCache();
});

const gauge = (labels: Record<string, string>, at: number, value: number): Sample => ({ name: "g", kind: "gauge", labels, at, value });

test("batches go in by COPY; one holding a duplicate goes through INSERT and drops only the duplicate", async () => {
  expect(await recordSamples({ ctx, samples: [gauge({ i: "0" }, T0, 7)] })).toEqual({ accepted: 1 });
  // 25,000 samples: four parallel batches; one of them repeats the stored sample with another value.
  const samples = Array.from({ length: 25_000 }, (_, n) => gauge({ i: String(n % 100) }, T0 + Math.floor(n / 100) * 1000 + 1, n));
  samples[12_345] = gauge({ i: "0" }, T0, -1);
  expect(await recordSamples({ ctx, samples })).toEqual({ accepted: 24_999 });
  expect(await db.metricSample.count()).toBe(25_000);
  const kept = await db.metricSample.findFirst({ where: { at: new Date(T0) } });
  expect(kept!.value).toBe(7);
  const last = await db.metricSample.findFirst({ orderBy: { at: "desc" }, where: { value: 24_999 } });
  expect(last!.at).toEqual(new Date(T0 + 249 * 1000 + 1)); // millisecond times survive the binary COPY
});

test("steps are anchored at `from` to the millisecond; a sample on a boundary opens the next step", async () => {
  const from = T0 + 123;
  await recordSamples({ ctx, samples: [gauge({}, from, 1), gauge({}, from + 59_999, 3), gauge({}, from + 60_000, 10)] });
  const { series } = await queryMetrics({ ctx, query: { name: "g", from, to: from + 120_000, step: 60 } });
  expect(series).toEqual([{ labels: {}, kind: "gauge", points: [[from, 2], [from + 60_000, 10]] }]);
});

test("non-finite values come back as numbers", async () => {
  await recordSamples({ ctx, samples: [gauge({}, T0, 1), gauge({}, T0 + 1000, Number.POSITIVE_INFINITY), gauge({}, T0 + 60_000, Number.NaN)] });
  const { series } = await queryMetrics({ ctx, query: { name: "g", from: T0, to: T0 + 120_000, step: 60, agg: "max" } });
  expect(series[0]!.points).toEqual([[T0, Number.POSITIVE_INFINITY], [T0 + 60_000, Number.NaN]]);
});
