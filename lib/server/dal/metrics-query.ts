import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { MetricQueryInput } from "@/lib/schemas/metrics";
import { pointsFor, QUANTILE_OF, type Aggregation, type Point, type StepRow } from "@/lib/telemetry/aggregate";
import { parseLabelFilter, type Labels } from "@/lib/telemetry/labels";
import type { MetricKind } from "@/lib/telemetry/sample";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { rolledUpUntil } from "./metrics-maintenance";

const MAX_SERIES_PER_QUERY = 2_000;
const MAX_STEPS = 11_000;
const MINUTE = 60_000;

export interface MetricSeriesView {
  labels: Labels;
  kind: MetricKind;
  points: Point[];
}

const toMs = (v: number | string | undefined, fallback: number) => (v === undefined ? fallback : typeof v === "number" ? v : Date.parse(v));

/**
 * Series of one metric, filtered by labels, each reduced to one point per step (SQL `date_bin`, steps anchored at
 * `from`). Whole minutes the worker has rolled up are read from the one-minute rollups when the step is a whole
 * number of minutes; the rest (the recent edge, or any other step) from raw samples.
 */
export async function queryMetrics({ ctx, query, now = Date.now() }: { ctx: Ctx; query: unknown; now?: number }): Promise<{ series: MetricSeriesView[]; stepMs: number }> {
  authorize(ctx, "read", { verb: "list", objectType: "metric" });
  const q = parseInput(MetricQueryInput, query);
  const matcher = parseLabelFilter(q.labels);
  if ("error" in matcher) throw new AppError("INVALID", matcher.error, [{ path: "labels", message: matcher.error }]);
  const to = toMs(q.to, now);
  const from = toMs(q.from, to - 3_600_000);
  const stepMs = q.step * 1000;
  if (!(from < to)) throw new AppError("INVALID", "from must be before to.", [{ path: "from", message: "Must be before to" }]);
  if ((to - from) / stepMs > MAX_STEPS) throw new AppError("INVALID", `At most ${MAX_STEPS} steps: widen the step.`, [{ path: "step", message: "Too many steps" }]);

  const series = await db.$queryRaw<Array<{ id: bigint; labels: Labels; kind: MetricKind }>>`
    SELECT "id", "labels", "kind"::text AS "kind" FROM "MetricSeries"
    WHERE "name" = ${q.name} AND "labels" @> ${JSON.stringify(matcher)}::jsonb ORDER BY "id" LIMIT ${MAX_SERIES_PER_QUERY}`;
  if (series.length === 0) return { series: [], stepMs };
  const ids = series.map((s) => String(s.id));
  // Rate and quantiles need the step before the first (an increase): start one step early, drop it afterwards.
  const start = QUANTILE_OF[q.agg] !== undefined || q.agg === "rate" ? from - stepMs : from;
  const split = await rollupSplit(start, to, stepMs);
  const rows = [
    ...(split > start ? await steps("rollup", ids, start, split, stepMs, q.agg) : []),
    ...(split < to ? await steps("raw", ids, split, to, stepMs, q.agg, start) : []),
  ];

  const bySeries = new Map<string, StepRow[]>();
  for (const r of rows) {
    const key = String(r.seriesId);
    const list = bySeries.get(key) ?? [];
    list.push(r);
    bySeries.set(key, list);
  }
  return {
    stepMs,
    series: series.map((s) => ({ labels: s.labels, kind: s.kind, points: pointsFor(bySeries.get(String(s.id)) ?? [], q.agg, stepMs).filter(([t]) => t >= from) })),
  };
}

/** Where rollups stop serving this query: a step boundary at or before what the worker has rolled up. */
async function rollupSplit(start: number, to: number, stepMs: number): Promise<number> {
  if (stepMs % MINUTE !== 0 || start % MINUTE !== 0) return start; // steps would cut minutes: raw only
  const until = await rolledUpUntil();
  if (until === null || until <= start) return start;
  return start + Math.floor((Math.min(until, to) - start) / stepMs) * stepMs;
}

type SqlStepRow = StepRow & { seriesId: bigint };
type Source = "raw" | "rollup";

/** Only the aggregate asked for is computed; `last` sorts within each step, so it is paid for only when needed. */
const SQL_AGG: Record<Source, Record<"avg" | "sum" | "min" | "max" | "last", Prisma.Sql>> = {
  raw: {
    avg: Prisma.sql`avg("value")`,
    sum: Prisma.sql`sum("value")`,
    min: Prisma.sql`min("value")`,
    max: Prisma.sql`max("value")`,
    last: Prisma.sql`(array_agg("value" ORDER BY "at" DESC))[1]`,
  },
  rollup: {
    avg: Prisma.sql`sum("sum") / sum("count")`,
    sum: Prisma.sql`sum("sum")`,
    min: Prisma.sql`min("min")`,
    max: Prisma.sql`max("max")`,
    last: Prisma.sql`(array_agg("last" ORDER BY "bucket" DESC))[1]`,
  },
};

async function steps(source: Source, ids: string[], from: number, to: number, stepMs: number, agg: Aggregation, origin = from): Promise<SqlStepRow[]> {
  const table = source === "raw" ? Prisma.sql`"MetricSample"` : Prisma.sql`"MetricRollup"`;
  const at = source === "raw" ? Prisma.sql`"at"` : Prisma.sql`"bucket"`;
  const bin = Prisma.sql`date_bin(make_interval(secs => ${stepMs / 1000}), ${at}, ${new Date(origin)})`;
  const where = Prisma.sql`"seriesId" = ANY(${ids}::bigint[]) AND ${at} >= ${new Date(from)} AND ${at} < ${new Date(to)}`;
  if (QUANTILE_OF[agg] !== undefined) {
    // The last histogram reading in each step (cumulative buckets); quantiles come from the increase between steps.
    const rows = await db.$queryRaw<Array<Omit<SqlStepRow, "t"> & { t: Date }>>`
      SELECT DISTINCT ON ("seriesId", "t") "seriesId", ${bin} AS "t", 0::float8 AS "avg", 0::float8 AS "sum", 0::float8 AS "min",
             0::float8 AS "max", 0::float8 AS "last", "bounds", "buckets"
      FROM ${table} WHERE ${where} AND "buckets" IS NOT NULL ORDER BY "seriesId", "t", ${at} DESC`;
    return rows.map((r) => ({ ...r, t: r.t.getTime() }));
  }
  const field = agg === "rate" ? "last" : (agg as keyof (typeof SQL_AGG)["raw"]);
  // One-minute steps over rollups are the rollup rows themselves: no grouping at all.
  const perStep =
    source === "rollup" && stepMs === MINUTE
      ? Prisma.sql`SELECT "seriesId", "bucket" AS "t", ${ROLLUP_ROW[field]} AS "v" FROM ${table} WHERE ${where}`
      : Prisma.sql`SELECT "seriesId", ${bin} AS "t", ${SQL_AGG[source][field]} AS "v" FROM ${table} WHERE ${where} GROUP BY 1, 2`;
  // One row per series, its steps as two arrays: decoding 1,000 rows of arrays is far cheaper than 60,000 rows.
  // The per-step hash aggregate outgrows the default 4 MB work_mem at ~1,000 series × 60 steps and would spill.
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
    return tx.$queryRaw<Array<{ seriesId: bigint; ts: number[]; vs: number[] }>>`
      SELECT "seriesId", array_agg((extract(epoch FROM "t") * 1000)::float8 ORDER BY "t") AS "ts", array_agg("v" ORDER BY "t") AS "vs"
      FROM (${perStep}) steps GROUP BY 1`;
  });
  return rows.flatMap((r) => r.ts.map((t, i) => ({ seriesId: r.seriesId, t, avg: r.vs[i]!, sum: r.vs[i]!, min: r.vs[i]!, max: r.vs[i]!, last: r.vs[i]! })));
}

const ROLLUP_ROW = {
  avg: Prisma.sql`"sum" / "count"`,
  sum: Prisma.sql`"sum"`,
  min: Prisma.sql`"min"`,
  max: Prisma.sql`"max"`,
  last: Prisma.sql`"last"`,
};

/** Metric names with their kind and series count, for the explorer's picker. */
export async function listMetricNames({ ctx }: { ctx: Ctx }): Promise<Array<{ name: string; kind: MetricKind; series: number }>> {
  authorize(ctx, "read", { verb: "list", objectType: "metric" });
  const rows = await db.$queryRaw<Array<{ name: string; kind: MetricKind; series: bigint }>>`
    SELECT "name", min("kind"::text) AS "kind", count(*) AS "series" FROM "MetricSeries" GROUP BY "name" ORDER BY "name" LIMIT 5000`;
  return rows.map((r) => ({ name: r.name, kind: r.kind, series: Number(r.series) }));
}
