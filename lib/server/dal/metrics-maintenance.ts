import "server-only";
import type { PoolStatsReading } from "@/lib/telemetry/engine-samples";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";

/** The data plane's latest stats per pool (the traffic loop saves them), for the metrics loop. */
export async function loadPoolStatsForMetrics({ ctx }: { ctx: Ctx }): Promise<Map<string, PoolStatsReading>> {
  authorize(ctx, "read", { verb: "list", objectType: "pool-stats" });
  const rows = await db.poolStats.findMany();
  return new Map(rows.map((r) => [r.poolId, r.stats as unknown as PoolStatsReading]));
}

const WATERMARK = "metrics.rollup";

/** Raw samples before this time (epoch ms) are in the one-minute rollups; null before the first rollup. */
export async function rolledUpUntil(): Promise<number | null> {
  const row = await db.setting.findUnique({ where: { key: WATERMARK } });
  const until = (row?.value as { until?: unknown } | undefined)?.until;
  return typeof until === "number" ? until : null;
}

/** Scale decisions so far per autoscaler and action (a counter: the decision log is the source of truth). */
export async function countScaleDecisions({ ctx }: { ctx: Ctx }): Promise<Array<{ autoscaler: string; action: string; count: number }>> {
  authorize(ctx, "read", { verb: "list", objectType: "scale-decision" });
  const rows = await db.$queryRaw<Array<{ autoscaler: string; action: string; count: bigint }>>`
    SELECT a."name" AS "autoscaler", d."action", count(*) AS "count"
    FROM "ScaleDecision" d JOIN "Autoscaler" a ON a."id" = d."autoscalerId" GROUP BY 1, 2`;
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export const retentionFromEnv = () => ({
  rawHours: Number(process.env.STRATUS_METRICS_RETENTION_HOURS ?? 24),
  rollupDays: Number(process.env.STRATUS_METRICS_ROLLUP_RETENTION_DAYS ?? 30),
});

/**
 * Roll raw samples into one-minute rows (recomputed whole, so a rerun or a late sample only corrects them), move the
 * watermark queries read rollups up to, then prune raw samples past their retention and rollups past theirs.
 * A sample arriving more than `lookbackMs` behind the watermark stays in raw only.
 */
export async function rollUpAndPruneMetrics({ ctx, now, lookbackMs = 5 * 60_000 }: { ctx: Ctx; now: number; lookbackMs?: number }) {
  authorize(ctx, "write", { verb: "prune", objectType: "metric" });
  const { rawHours, rollupDays } = retentionFromEnv();
  const until = new Date(Math.floor(now / 60_000) * 60_000); // complete minutes only
  // From the last watermark (so a worker that was down catches up), at least `lookbackMs` back for late samples.
  const previous = (await rolledUpUntil()) ?? now - rawHours * 3_600_000;
  const since = new Date(Math.max(now - rawHours * 3_600_000, Math.min(previous, until.getTime() - lookbackMs)));
  const rolledUp = await db.$executeRaw`
    WITH agg AS (
      SELECT "seriesId", date_bin('1 minute', "at", TIMESTAMPTZ '1970-01-01') AS "bucket",
             min("value") AS mn, max("value") AS mx, sum("value") AS s, count(*)::int AS c, max("at") AS "lastAt"
      FROM "MetricSample" WHERE "at" >= ${since} AND "at" < ${until} GROUP BY 1, 2)
    INSERT INTO "MetricRollup" ("seriesId", "bucket", "min", "max", "sum", "count", "last", "bounds", "buckets")
    SELECT agg."seriesId", agg."bucket", agg.mn, agg.mx, agg.s, agg.c, m."value", m."bounds", m."buckets"
    FROM agg JOIN "MetricSample" m ON m."seriesId" = agg."seriesId" AND m."at" = agg."lastAt"
    ON CONFLICT ("seriesId", "bucket") DO UPDATE SET "min" = EXCLUDED."min", "max" = EXCLUDED."max", "sum" = EXCLUDED."sum",
      "count" = EXCLUDED."count", "last" = EXCLUDED."last", "bounds" = EXCLUDED."bounds", "buckets" = EXCLUDED."buckets"`;
  await db.setting.upsert({ where: { key: WATERMARK }, create: { key: WATERMARK, value: { until: until.getTime() } }, update: { value: { until: until.getTime() } } });
  const prunedRaw = await db.$executeRaw`DELETE FROM "MetricSample" WHERE "at" < ${new Date(now - rawHours * 3_600_000)}`;
  const prunedRollups = await db.$executeRaw`DELETE FROM "MetricRollup" WHERE "bucket" < ${new Date(now - rollupDays * 86_400_000)}`;
  return { rolledUp, prunedRaw, prunedRollups };
}
