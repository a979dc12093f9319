/**
 * The metrics store on a scratch PostgreSQL database (TEST_DATABASE_URL's server): ingest throughput through the
 * real write path (series cache + one binary COPY per 10k-sample batch, four at a time) against, in the same run,
 * the INSERT … unnest fallback on the same samples and single-row INSERTs; and the query for one hour of 1,000
 * series at one-minute steps (date_bin over (seriesId, at)), from raw samples and again once the worker has rolled
 * the hour up. Goals: ≥ 100k samples/s in, ≤ 200 ms for the query.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { fmt, printTable } from "./harness";

const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;

const SERIES = 1_000;
const INTERVAL_S = 15; // one sample per series every 15 s: 240 per series per hour
const HOUR_MS = 3_600_000;
const REFERENCE_ROWS = 2_000;

export async function run(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
  const name = `stratus_bench_metrics_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: "ignore" });
    if (migrate.status !== 0) throw new Error("prisma migrate deploy failed on the scratch database");
    process.env.DATABASE_URL = url.toString(); // the Prisma client connects on first use, so this is early enough
    await measureAll();
  } finally {
    const { db } = await import("../lib/server/db");
    const { closeBulkPool } = await import("../lib/server/bulk-pool");
    await db.$disconnect().catch(() => undefined);
    await closeBulkPool().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function measureAll(): Promise<void> {
  const { recordSamples } = await import("../lib/server/dal/metrics");
  const { queryMetrics } = await import("../lib/server/dal/metrics-query");
  const { rollUpAndPruneMetrics } = await import("../lib/server/dal/metrics-maintenance");
  const { db } = await import("../lib/server/db");
  const { systemPrincipal } = await import("../lib/server/auth/principal");
  const ctx = { principal: systemPrincipal };
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  const start = end - HOUR_MS;

  // One hour of 1,000 gauge series, written oldest first in scrape-sized rounds.
  const samples = [];
  for (let t = start; t < end; t += INTERVAL_S * 1000)
    for (let s = 0; s < SERIES; s++) samples.push({ name: "bench_gauge", kind: "gauge" as const, labels: { instance: `i-${s}`, job: "bench" }, at: t, value: Math.sin(t / 1e6 + s) });
  await recordSamples({ ctx, samples: samples.slice(0, SERIES) }); // creates the series, as a running system has
  const rest = samples.slice(SERIES);
  const t0 = performance.now();
  for (let i = 0; i < rest.length; i += 50_000) await recordSamples({ ctx, samples: rest.slice(i, i + 50_000) });
  const batchedSeconds = (performance.now() - t0) / 1000;
  const unnestSeconds = await unnestReference(rest);

  const seriesIds = (await db.metricSeries.findMany({ select: { id: true }, take: 1 })).map((s) => s.id);
  const r0 = performance.now();
  for (let i = 0; i < REFERENCE_ROWS; i++) {
    await db.$executeRaw`INSERT INTO "MetricSample" ("seriesId", "at", "value") VALUES (${seriesIds[0]!}, ${new Date(end + i * 1000)}, ${i})`;
  }
  const singleSeconds = (performance.now() - r0) / 1000;
  await db.$executeRaw`VACUUM ANALYZE "MetricSample"`;

  const query = async () => {
    const times: number[] = [];
    let points = 0;
    for (let i = 0; i < 7; i++) {
      const q0 = performance.now();
      const result = await queryMetrics({ ctx, query: { name: "bench_gauge", from: start, to: end, step: 60 } });
      times.push(performance.now() - q0);
      points = result.series.reduce((n, s) => n + s.points.length, 0);
    }
    return { ms: times.sort((a, b) => a - b)[3]!, points };
  };
  const raw = await query();
  const m0 = performance.now();
  await rollUpAndPruneMetrics({ ctx, now: end + 1 }); // what the worker does every minute (here: the whole hour at once)
  const rollupMs = performance.now() - m0;
  await db.$executeRaw`VACUUM ANALYZE "MetricRollup"`;
  const rolled = await query();

  const copyRate = rest.length / batchedSeconds;
  printTable("Metrics store (PostgreSQL)", [
    { what: "ingest, batched (binary COPY, 10k rows × 4 in parallel)", samples: rest.length, result: `${fmt(copyRate, 0)}/s`, "vs reference": "", goal: "≥ 100,000/s" },
    { what: "  reference: INSERT … unnest, same samples (the fallback)", samples: rest.length, result: `${fmt(rest.length / unnestSeconds, 0)}/s`, "vs reference": `COPY ${ratio(copyRate, rest.length / unnestSeconds)}`, goal: "" },
    { what: "  reference: single-row INSERT", samples: REFERENCE_ROWS, result: `${fmt(REFERENCE_ROWS / singleSeconds, 0)}/s`, "vs reference": `COPY ${ratio(copyRate, REFERENCE_ROWS / singleSeconds)}`, goal: "" },
    { what: `query 1 h × ${SERIES} series, 1-min steps, raw samples (median of 7)`, samples: raw.points, result: `${fmt(raw.ms, 1)} ms`, "vs reference": "", goal: "≤ 200 ms" },
    { what: "  reference: same query from one-minute rollups (median of 7)", samples: rolled.points, result: `${fmt(rolled.ms, 1)} ms`, "vs reference": `raw ${ratio(raw.ms, rolled.ms)}`, goal: "≤ 200 ms" },
    { what: "rolling up that hour (the worker's job)", samples: rest.length + SERIES, result: `${fmt(rollupMs, 0)} ms`, "vs reference": "", goal: "" },
  ]);
}

/**
 * The same samples through INSERT … unnest (what ingest falls back to without COPY), into a copy of the table with
 * the same indexes and foreign key, batched and parallel alike, so the two methods meet the same conditions.
 */
async function unnestReference(samples: ReadonlyArray<{ at: number; value: number }>): Promise<number> {
  const { db } = await import("../lib/server/db");
  await db.$executeRaw`CREATE TABLE "BenchSampleRef" (LIKE "MetricSample" INCLUDING ALL)`;
  await db.$executeRaw`ALTER TABLE "BenchSampleRef" ADD FOREIGN KEY ("seriesId") REFERENCES "MetricSeries"("id") ON DELETE CASCADE`;
  const ids = (await db.$queryRaw<Array<{ id: bigint }>>`SELECT "id" FROM "MetricSeries" ORDER BY "id"`).map((r) => String(r.id));
  const batches: Array<Array<{ at: number; value: number; id: string }>> = [];
  for (let i = 0; i < samples.length; i += 10_000) batches.push(samples.slice(i, i + 10_000).map((s, j) => ({ ...s, id: ids[(i + j) % ids.length]! })));
  const t0 = performance.now();
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(
      batches.slice(i, i + 4).map(
        (b) => db.$executeRaw`
          INSERT INTO "BenchSampleRef" ("seriesId", "at", "value")
          SELECT s, to_timestamp(t / 1000.0), v FROM unnest(${b.map((s) => s.id)}::bigint[], ${b.map((s) => s.at)}::float8[], ${b.map((s) => s.value)}::float8[]) AS u(s, t, v)
          ON CONFLICT DO NOTHING`,
      ),
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.$executeRaw`DROP TABLE "BenchSampleRef"`;
  return seconds;
}
