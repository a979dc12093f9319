import "server-only";
import pg from "pg";

/**
 * A small pg pool beside Prisma's, for the metrics store's bulk paths: COPY (which Prisma cannot express) for ingest,
 * and step queries whose tens of thousands of points are cheaper to decode as JSON than to map row by row. Its
 * sessions get a work_mem that holds the step aggregation of ~1,000 series × 60 steps in memory (the default 4 MB
 * would spill it to disk). Connected on first use, like the Prisma client; it lets the process exit while idle.
 */
const g = globalThis as unknown as { stratusBulkPool?: { pool: pg.Pool; copy: Promise<boolean> | null } };

function state() {
  if (g.stratusBulkPool) return g.stratusBulkPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Stratus with `npm start`, which provides one.");
  const max = Math.min(4, Number(process.env.DATABASE_POOL_SIZE ?? 10));
  const pool = new pg.Pool({ connectionString, max, allowExitOnIdle: true, options: "-c work_mem=64MB" });
  pool.on("error", () => undefined); // an idle client's broken connection: the pool replaces it on next use
  return (g.stratusBulkPool = { pool, copy: null });
}

export const bulkPool = (): pg.Pool => state().pool;

/** Whether the server takes `COPY … FROM STDIN`: the embedded database (PGlite over its socket server) does not. */
export function bulkCopySupported(): Promise<boolean> {
  const s = state();
  s.copy ??= s.pool.query<{ pglite: boolean }>("SELECT version() LIKE '%PGlite%' AS pglite").then(
    (r) => !r.rows[0]!.pglite,
    (error: unknown) => {
      s.copy = null; // ask again next time
      throw error;
    },
  );
  return s.copy;
}

/** Close the pool (scripts and benchmarks that end while it is open). */
export async function closeBulkPool(): Promise<void> {
  const current = g.stratusBulkPool;
  g.stratusBulkPool = undefined;
  await current?.pool.end();
}
