import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** Microseconds from the Unix epoch to Postgres' (2000-01-01), which binary timestamps count from. */
const PG_EPOCH_US = 946_684_800_000_000;
const HEADER = Buffer.from("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0", "latin1"); // signature, flags, no header extension
const ROW_BYTES = 2 + 3 * (4 + 8);
const TWO_32 = 2 ** 32;

/**
 * Scalar samples (series id, epoch ms, value) in COPY's binary format — three fixed-width fields per row, so no
 * number or date is ever formatted as text and parsed back. Written here rather than through pg-copy-streams-binary,
 * whose per-row object stream measured ~20× slower than filling one buffer, for these three fixed-width columns.
 */
export function encodeSampleRows(seriesIds: readonly bigint[], atMs: readonly number[], values: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(HEADER.length + seriesIds.length * ROW_BYTES + 2);
  let o = HEADER.copy(buf, 0);
  for (let i = 0; i < seriesIds.length; i++) {
    o = buf.writeInt16BE(3, o);
    o = buf.writeInt32BE(8, o);
    o = buf.writeBigInt64BE(seriesIds[i]!, o);
    // µs since 2000 stay below 2^53 until the year 2255, so plain arithmetic is exact: split into two 32-bit halves.
    const us = Math.round(atMs[i]! * 1000) - PG_EPOCH_US;
    const high = Math.floor(us / TWO_32);
    o = buf.writeInt32BE(8, o);
    o = buf.writeInt32BE(high, o);
    o = buf.writeUInt32BE(us - high * TWO_32, o);
    o = buf.writeInt32BE(8, o);
    o = buf.writeDoubleBE(values[i]!, o);
  }
  buf.writeInt16BE(-1, o); // end of data
  return buf;
}

/**
 * COPY the rows into "MetricSample" in one transaction that does not wait for its WAL flush (synchronous_commit off):
 * metrics may lose the last few hundred milliseconds of ingest if Postgres itself crashes, never consistency.
 * A duplicate (seriesId, at) fails the whole COPY with 23505; the caller then retries the batch with INSERT.
 */
export async function copySampleRows(client: pg.PoolClient, rows: Buffer): Promise<number> {
  await client.query("BEGIN; SET LOCAL synchronous_commit = off");
  try {
    const stream = client.query(copyFrom(`COPY "MetricSample" ("seriesId", "at", "value") FROM STDIN (FORMAT binary)`));
    await pipeline(Readable.from([rows]), stream);
    await client.query("COMMIT");
    return stream.rowCount;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
