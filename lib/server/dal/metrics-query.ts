import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { MetricQueryInput } from "@/lib/schemas/metrics";
import { pointsFor, QUANTILE_OF, type Point, type StepRow } from "@/lib/telemetry/aggregate";
import { parseLabelFilter, type Labels } from "@/lib/telemetry/labels";
import type { MetricKind } from "@/lib/telemetry/sample";
import { authorize, type Ctx } from "../auth/principal";
import { bulkPool } from "../bulk-pool";
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

  // Rate and quantiles need the step before the first (an increase): start one step early, drop it afterwards.
  const start = QUANTILE_OF[q.agg] !== undefined || q.agg === "rate" ? from - stepMs : from;
  const [{ rows: series }, split] = await Promise.all([
    bulkPool().query<{ id: string; labels: Labels; kind: MetricKind }>(
      `SELECT "id"::text AS id, "labels", "kind"::text AS kind FROM "MetricSeries" WHERE "name" = $1 AND "labels" @> $2::jsonb ORDER BY "id" LIMIT $3`,
      [q.name, JSON.stringify(matcher), MAX_SERIES_PER_QUERY],
    ),
    rollupSplit(start, to, stepMs),
  ]);
  if (series.length === 0) return { series: [], stepMs };
  // The series' ids as a constant array: Postgres hashes it for the scan (an IN subquery would plan a join instead).
  const ids = series.map((s) => s.id);
  const sources = [...(split > start ? [["rollup", start, split] as const] : []), ...(split < to ? [["raw", split, to] as const] : [])];
  // Per series, its steps from each source in time order (rollups cover the earlier steps).
  const stepsOf = <T>(parts: Array<Map<string, T[]>>) => (id: string) => parts.flatMap((part) => part.get(id) ?? []);

  if (QUANTILE_OF[q.agg] !== undefined) {
    const rows = stepsOf(await Promise.all(sources.map(([source, a, b]) => histogramSteps(source, ids, a, b, stepMs, start))));
    return { stepMs, series: series.map((s) => ({ labels: s.labels, kind: s.kind, points: pointsFor(rows(s.id), q.agg, stepMs).filter(([t]) => t >= from) })) };
  }
  const field: SimpleAggregation = q.agg === "rate" ? "last" : (q.agg as SimpleAggregation);
  const values = stepsOf(await Promise.all(sources.map(([source, a, b]) => valueSteps(source, ids, a, b, stepMs, field, start))));
  // Other aggregations' steps are the points themselves; rate is per second from the last value of consecutive steps.
  const pointsOf = (points: Point[]) =>
    q.agg !== "rate" ? points : pointsFor(points.map(([t, v]) => ({ t, avg: v, sum: v, min: v, max: v, last: v })), "rate", stepMs).filter(([t]) => t >= from);
  return { stepMs, series: series.map((s) => ({ labels: s.labels, kind: s.kind, points: pointsOf(values(s.id)) })) };
}

/** Where rollups stop serving this query: a step boundary at or before what the worker has rolled up. */
async function rollupSplit(start: number, to: number, stepMs: number): Promise<number> {
  if (stepMs % MINUTE !== 0 || start % MINUTE !== 0) return start; // steps would cut minutes: raw only
  const until = await rolledUpUntil();
  if (until === null || until <= start) return start;
  return start + Math.floor((Math.min(until, to) - start) / stepMs) * stepMs;
}

type Source = "raw" | "rollup";
type SimpleAggregation = "avg" | "sum" | "min" | "max" | "last";

/** Only the aggregate asked for is computed; `last` sorts within each step, so it is paid for only when needed. */
const SQL_AGG: Record<Source, Record<SimpleAggregation, string>> = {
  raw: {
    avg: `sum("value") / count(*)`, // what avg() returns, without the sum of squares it also keeps
    sum: `sum("value")`,
    min: `min("value")`,
    max: `max("value")`,
    last: `(array_agg("value" ORDER BY "at" DESC))[1]`,
  },
  rollup: {
    avg: `sum("sum") / sum("count")`,
    sum: `sum("sum")`,
    min: `min("min")`,
    max: `max("max")`,
    last: `(array_agg("last" ORDER BY "bucket" DESC))[1]`,
  },
};
const ROLLUP_ROW: Record<SimpleAggregation, string> = { avg: `"sum" / "count"`, sum: `"sum"`, min: `"min"`, max: `"max"`, last: `"last"` };

/**
 * One value per series and step, through the bulk pool: the per-step aggregate grouped over (seriesId, step), then
 * one row per series whose steps are one flat text list `[ms,value,ms,value,…]` — for 1,000 series × 60 steps that is
 * a native JSON.parse per series instead of 60,000 mapped rows (and cheaper for Postgres to build than json_agg).
 */
async function valueSteps(source: Source, ids: string[], from: number, to: number, stepMs: number, field: SimpleAggregation, origin: number): Promise<Map<string, Point[]>> {
  const table = source === "raw" ? `"MetricSample"` : `"MetricRollup"`;
  const at = source === "raw" ? `"at"` : `"bucket"`;
  const where = `"seriesId" = ANY($1::bigint[]) AND ${at} >= $2 AND ${at} < $3`;
  // One-minute steps over rollups are the rollup rows themselves: no grouping at all.
  const rollupRows = source === "rollup" && stepMs === MINUTE;
  const perStep = rollupRows
    ? `SELECT "seriesId", "bucket" AS t, ${ROLLUP_ROW[field]} AS v FROM ${table} WHERE ${where}`
    : `SELECT "seriesId", date_bin(make_interval(secs => $4), ${at}, $5) AS t, ${SQL_AGG[source][field]} AS v FROM ${table} WHERE ${where} GROUP BY 1, 2`;
  const params = [ids, new Date(from), new Date(to), ...(rollupRows ? [] : [stepMs / 1000, new Date(origin)])];
  const { rows } = await bulkPool().query<{ s: string; p: string }>(
    `SELECT "seriesId"::text AS s, '[' || string_agg(round(date_part('epoch', t) * 1000)::text || ',' || v::text, ',') || ']' AS p
     FROM (${perStep}) steps GROUP BY "seriesId"`,
    params,
  );
  const out = new Map<string, Point[]>();
  for (const row of rows) {
    // Steps come out of a hash aggregate unordered: put each in its slot (steps since `origin`), then drop the holes.
    const flat = parseNumbers(row.p);
    const slots: Point[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) slots[Math.round((flat[i]! - origin) / stepMs)] = [flat[i]!, flat[i + 1]!];
    out.set(row.s, slots.filter((p) => p !== undefined));
  }
  return out;
}

/** Postgres writes float8 NaN and ±Infinity as bare words, which JSON lacks: read those (rare) lists word by word. */
function parseNumbers(list: string): number[] {
  try {
    return JSON.parse(list) as number[];
  } catch {
    return list.slice(1, -1).split(",").map(Number);
  }
}

/** The last histogram reading in each step (cumulative buckets); quantiles come from the increase between steps. */
async function histogramSteps(source: Source, ids: string[], from: number, to: number, stepMs: number, origin: number): Promise<Map<string, StepRow[]>> {
  const table = source === "raw" ? Prisma.sql`"MetricSample"` : Prisma.sql`"MetricRollup"`;
  const at = source === "raw" ? Prisma.sql`"at"` : Prisma.sql`"bucket"`;
  const bin = Prisma.sql`date_bin(make_interval(secs => ${stepMs / 1000}), ${at}, ${new Date(origin)})`;
  const rows = await db.$queryRaw<Array<{ seriesId: bigint; t: Date; bounds: number[]; buckets: number[] }>>`
    SELECT DISTINCT ON ("seriesId", "t") "seriesId", ${bin} AS "t", "bounds", "buckets"
    FROM ${table} WHERE "seriesId" = ANY(${ids}::bigint[]) AND ${at} >= ${new Date(from)} AND ${at} < ${new Date(to)} AND "buckets" IS NOT NULL
    ORDER BY "seriesId", "t", ${at} DESC`;
  const out = new Map<string, StepRow[]>();
  for (const r of rows) {
    const list = out.get(String(r.seriesId)) ?? [];
    list.push({ t: r.t.getTime(), avg: 0, sum: 0, min: 0, max: 0, last: 0, bounds: r.bounds, buckets: r.buckets });
    out.set(String(r.seriesId), list);
  }
  return out;
}

/** Metric names with their kind and series count, for the explorer's picker. */
export async function listMetricNames({ ctx }: { ctx: Ctx }): Promise<Array<{ name: string; kind: MetricKind; series: number }>> {
  authorize(ctx, "read", { verb: "list", objectType: "metric" });
  const rows = await db.$queryRaw<Array<{ name: string; kind: MetricKind; series: bigint }>>`
    SELECT "name", min("kind"::text) AS "kind", count(*) AS "series" FROM "MetricSeries" GROUP BY "name" ORDER BY "name" LIMIT 5000`;
  return rows.map((r) => ({ name: r.name, kind: r.kind, series: Number(r.series) }));
}
