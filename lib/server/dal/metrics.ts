import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { canonicalLabels, labelsHash, type Labels } from "@/lib/telemetry/labels";
import type { MetricKind, Sample } from "@/lib/telemetry/sample";
import { authorize, type Ctx } from "../auth/principal";
import { bulkCopySupported, bulkPool } from "../bulk-pool";
import { db } from "../db";
import { copySampleRows, encodeSampleRows } from "./metric-sample-copy";

/** Rows per COPY (or INSERT): few round trips, and well under Postgres' 65,535 parameters for the INSERT fallback. */
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

/** Store samples: series upserted (and cached) first, then one COPY (or INSERT) per batch. Duplicates are dropped. */
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
  // One batch when it fits; else PARALLEL lanes on their own connections, each taking the next batch when it is done
  // (Postgres writes them in parallel), over equal batches in a multiple of PARALLEL, so no lane idles at the end.
  const count = samples.length <= BATCH ? 1 : PARALLEL * Math.ceil(samples.length / (PARALLEL * BATCH));
  const size = Math.ceil(samples.length / count);
  let next = 0;
  let accepted = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < samples.length && failures.length === 0) {
      const a = next;
      next += size;
      try {
        const inserted = await insertBatch(samples.slice(a, a + size), ids.slice(a, a + size));
        accepted += inserted; // after the await: `accepted += await …` would read a stale total
      } catch (error) {
        failures.push(error); // the other lanes stop taking batches, so a retry never overlaps this attempt
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, count) }, lane));
  if (failures.length > 0) throw failures[0];
  return { accepted };
}

const rawKey = (s: Sample) => `${s.name}\u0000${JSON.stringify(s.labels)}`;

async function ensureSeries(samples: readonly Sample[]): Promise<bigint[]> {
  // Fast path: the labels as sent (unsorted) name a series already seen; the canonical hash is computed on a miss only.
  // One loop and no array of keys: short-lived key strings are the cheapest garbage there is.
  const known = new Array<bigint>(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const id = seenAs.get(rawKey(samples[i]!));
    if (id === undefined) return resolveSeries(samples);
    known[i] = id;
  }
  return known;
}

/** Upsert the series not cached yet (by name + canonical labels hash), then answer every sample's series id. */
async function resolveSeries(samples: readonly Sample[]): Promise<bigint[]> {
  const rawKeys = samples.map(rawKey);
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

/** Scalar samples go in by COPY (else `unnest`: three array parameters however many rows); histograms as VALUES. */
async function insertBatch(batch: readonly Sample[], ids: readonly bigint[]): Promise<number> {
  const scalar: number[] = [];
  const histo: number[] = [];
  batch.forEach((s, i) => (s.buckets && s.bounds ? histo : scalar).push(i));
  let inserted = 0;
  if (scalar.length > 0) {
    const seriesIds = scalar.map((i) => ids[i]!);
    const at = scalar.map((i) => batch[i]!.at);
    const values = scalar.map((i) => batch[i]!.value);
    inserted += (await copyScalar(seriesIds, at, values)) ?? (await db.$executeRaw`
      INSERT INTO "MetricSample" ("seriesId", "at", "value")
      SELECT s, to_timestamp(t / 1000.0), v FROM unnest(${seriesIds.map(String)}::bigint[], ${at}::float8[], ${values}::float8[]) AS u(s, t, v)
      ON CONFLICT DO NOTHING`);
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

/**
 * COPY is the fast path (binary rows, no per-row SQL); it cannot skip duplicates, so a batch holding one (a retried
 * export) is answered null and goes through INSERT … ON CONFLICT DO NOTHING instead, as do servers without COPY.
 */
async function copyScalar(seriesIds: readonly bigint[], at: readonly number[], values: readonly number[]): Promise<number | null> {
  if (!(await bulkCopySupported())) return null;
  const client = await bulkPool().connect();
  try {
    return await copySampleRows(client, encodeSampleRows(seriesIds, at, values));
  } catch (error) {
    if ((error as { code?: string }).code === "23505") return null; // unique_violation
    throw error;
  } finally {
    client.release();
  }
}

/** Forget cached series ids (tests reset the database under a running process). */
export function clearSeriesCache(): void {
  seriesIds.clear();
  seenAs.clear();
}
