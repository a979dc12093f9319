import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { canonicalLabels, labelsHash, type Labels } from "@/lib/telemetry/labels";
import type { MetricKind, Sample } from "@/lib/telemetry/sample";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";

/** Rows per INSERT: one statement per batch keeps round trips low and stays well under Postgres' 65,535 parameters. */
const BATCH = 10_000;
const PARALLEL = 4;

/** name + labels hash → series id. Series are never renamed, so a cached id stays right until the row is deleted. */
const seriesIds = new Map<string, bigint>();
const seriesKey = (name: string, hash: string) => `${name}\u0000${hash}`;
/** name + labels as a sender serialised them → series id: skips hashing for the senders that repeat themselves. */
const seenAs = new Map<string, bigint>();
const MAX_CACHED = 1_000_000;

/** Checked by ingest routes before they read a body, so an anonymous caller cannot spend the ingest budget. */
export function authorizeMetricsWrite(ctx: Ctx): void {
  authorize(ctx, "write", { verb: "create", objectType: "metric" });
}

/** Store samples: series upserted (and cached) first, then one multi-row INSERT per batch. Duplicates are dropped. */
export async function recordSamples({ ctx, samples }: { ctx: Ctx; samples: readonly Sample[] }): Promise<{ accepted: number }> {
  authorizeMetricsWrite(ctx);
  if (samples.length === 0) return { accepted: 0 };
  try {
    return await writeAll(samples);
  } catch {
    // A cached id whose series was deleted fails the foreign key: forget the cache and try once more.
    clearSeriesCache();
    return writeAll(samples);
  }
}

async function writeAll(samples: readonly Sample[]): Promise<{ accepted: number }> {
  const ids = await ensureSeries(samples);
  // Batches go out a few at a time on separate pool connections: Postgres inserts them in parallel.
  const batches: Array<[number, number]> = [];
  for (let i = 0; i < samples.length; i += BATCH) batches.push([i, Math.min(samples.length, i + BATCH)]);
  let accepted = 0;
  for (let i = 0; i < batches.length; i += PARALLEL) {
    const counts = await Promise.all(batches.slice(i, i + PARALLEL).map(([a, b]) => insertBatch(samples.slice(a, b), ids.slice(a, b))));
    accepted += counts.reduce((x, y) => x + y, 0);
  }
  return { accepted };
}

async function ensureSeries(samples: readonly Sample[]): Promise<bigint[]> {
  // Fast path: the labels as sent (unsorted) name a series already seen; the canonical hash is computed on a miss only.
  const rawKeys = samples.map((s) => `${s.name}\u0000${JSON.stringify(s.labels)}`);
  if (rawKeys.every((k) => seenAs.has(k))) return rawKeys.map((k) => seenAs.get(k)!);
  const hashes = samples.map((s) => labelsHash(s.labels));
  const missing = new Map<string, { name: string; kind: MetricKind; labels: Labels; hash: string }>();
  samples.forEach((s, i) => {
    const key = seriesKey(s.name, hashes[i]!);
    if (!seriesIds.has(key) && !missing.has(key)) missing.set(key, { name: s.name, kind: s.kind, labels: canonicalLabels(s.labels), hash: hashes[i]! });
  });
  const pending = [...missing.values()];
  for (let i = 0; i < pending.length; i += 5_000) {
    const rows = pending.slice(i, i + 5_000).map((s) => Prisma.sql`(${s.name}, ${s.kind}::"MetricKind", ${JSON.stringify(s.labels)}::jsonb, ${s.hash})`);
    // DO UPDATE (a no-op) rather than DO NOTHING so RETURNING also yields series that already existed.
    const returned = await db.$queryRaw<Array<{ id: bigint; name: string; labelsHash: string }>>`
      INSERT INTO "MetricSeries" ("name", "kind", "labels", "labelsHash") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("name", "labelsHash") DO UPDATE SET "name" = EXCLUDED."name"
      RETURNING "id", "name", "labelsHash"`;
    for (const r of returned) seriesIds.set(seriesKey(r.name, r.labelsHash), BigInt(r.id));
  }
  return samples.map((s, i) => {
    const id = seriesIds.get(seriesKey(s.name, hashes[i]!))!;
    if (seenAs.size < MAX_CACHED) seenAs.set(rawKeys[i]!, id);
    return id;
  });
}

/** Scalar samples go through `unnest` (five array parameters however many rows); histograms as multi-row VALUES. */
async function insertBatch(batch: readonly Sample[], ids: readonly bigint[]): Promise<number> {
  const scalar: number[] = [];
  const histo: number[] = [];
  batch.forEach((s, i) => (s.buckets && s.bounds ? histo : scalar).push(i));
  let inserted = 0;
  if (scalar.length > 0) {
    inserted += await db.$executeRaw`
      INSERT INTO "MetricSample" ("seriesId", "at", "value")
      SELECT s, to_timestamp(t / 1000.0), v FROM unnest(${scalar.map((i) => String(ids[i]))}::bigint[], ${scalar.map((i) => batch[i]!.at)}::float8[], ${scalar.map((i) => batch[i]!.value)}::float8[]) AS u(s, t, v)
      ON CONFLICT DO NOTHING`;
  }
  if (histo.length > 0) {
    const rows = histo.map((i) => {
      const s = batch[i]!;
      return Prisma.sql`(${ids[i]!}, ${new Date(s.at)}, ${s.value}, ${[...s.bounds!]}::float8[], ${[...s.buckets!]}::float8[], ${s.count ?? s.buckets![s.buckets!.length - 1]!})`;
    });
    inserted += await db.$executeRaw`
      INSERT INTO "MetricSample" ("seriesId", "at", "value", "bounds", "buckets", "count") VALUES ${Prisma.join(rows)} ON CONFLICT DO NOTHING`;
  }
  return inserted;
}

/** Forget cached series ids (tests reset the database under a running process). */
export function clearSeriesCache(): void {
  seriesIds.clear();
  seenAs.clear();
}
