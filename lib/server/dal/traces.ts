import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/schemas/list";
import { TraceIdParam, TraceQuery } from "@/lib/schemas/traces";
import { decodeTraceCursor, DEFAULT_TRACE_WINDOW_MS, encodeTraceCursor } from "@/lib/telemetry/traces/query";
import type { Attributes, SpanEvent, SpanKind, SpanRecord } from "@/lib/telemetry/traces/span";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput, toFieldErrors } from "../validation";
import { resolveQueryTime } from "@/lib/telemetry/query-time";

/** Spans per INSERT: 15 array parameters however many rows (unnest), so the batch is bounded by memory only. */
const BATCH = 2_000;
/** How far past the list's window spans are read, so traces at its edges are counted whole (longer ones in part). */
const TRACE_SLACK_MS = 60_000;
/** A trace larger than this is shown truncated (the earliest spans). */
export const MAX_SPANS_PER_TRACE = 10_000;

export interface TraceSummary {
  traceId: string;
  rootName: string;
  service: string;
  startAt: string;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

/** A stored span as the API returns it: the record plus its start as an ISO instant. */
export interface SpanView extends SpanRecord {
  startAt: string;
}

export interface TraceDetail {
  traceId: string;
  spans: SpanView[];
  /** The pools and pods its spans name that still exist, for links. */
  pools: Array<{ id: string; name: string }>;
  pods: Array<{ id: string; name: string }>;
  truncated: boolean;
}

/** Checked by ingest before it reads a body, so an anonymous caller cannot spend the ingest budget. */
export function authorizeTracesWrite(ctx: Ctx): void {
  authorize(ctx, "write", { verb: "create", objectType: "trace" });
}

/** Store spans, a batch per INSERT; a span already stored (same trace and span id) is dropped, not an error. */
export async function recordSpans({ ctx, spans }: { ctx: Ctx; spans: readonly SpanRecord[] }): Promise<{ accepted: number }> {
  authorizeTracesWrite(ctx);
  let accepted = 0;
  for (let i = 0; i < spans.length; i += BATCH) accepted += await insertBatch(spans.slice(i, i + BATCH));
  return { accepted };
}

/** Postgres text and jsonb refuse NUL characters: drop them rather than the span. */
const clean = (s: string) => (s.includes("\0") ? s.replaceAll("\0", "") : s);
const json = (v: unknown) => JSON.stringify(v, (_key, x: unknown) => (typeof x === "string" ? clean(x) : x));

function insertBatch(batch: readonly SpanRecord[]): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Span" ("traceId", "spanId", "parentSpanId", "name", "service", "kind", "startAt", "startUs", "durationUs",
      "status", "statusMessage", "attributes", "events", "resource", "poolId", "podName")
    SELECT t, s, p, n, svc, k, to_timestamp(st / 1e6), st, d, stat, msg, a, e, r, pool, pod
    FROM unnest(
      ${batch.map((x) => x.traceId)}::text[], ${batch.map((x) => x.spanId)}::text[], ${batch.map((x) => x.parentSpanId)}::text[],
      ${batch.map((x) => clean(x.name))}::text[], ${batch.map((x) => clean(x.service))}::text[], ${batch.map((x) => x.kind)}::text[],
      ${batch.map((x) => Math.round(x.startUs))}::bigint[], ${batch.map((x) => Math.round(x.durationUs))}::bigint[],
      ${batch.map((x) => x.status)}::text[]::"SpanStatus"[], ${batch.map((x) => (x.statusMessage === null ? null : clean(x.statusMessage)))}::text[],
      ${batch.map((x) => json(x.attributes))}::text[]::jsonb[], ${batch.map((x) => json(x.events))}::text[]::jsonb[],
      ${batch.map((x) => json(x.resource))}::text[]::jsonb[], ${batch.map((x) => x.poolId)}::uuid[],
      ${batch.map((x) => (x.podName === null ? null : clean(x.podName)))}::text[]
    ) AS u(t, s, p, n, svc, k, st, d, stat, msg, a, e, r, pool, pod)
    ON CONFLICT ("traceId", "spanId") DO NOTHING`;
}

interface SummaryRow {
  traceId: string;
  startUs: bigint;
  durationUs: bigint;
  spanCount: number;
  errorCount: number;
  rootName: string;
  service: string;
}

/**
 * Trace summaries, newest first: traces whose first span started in [from, to] (default: the last hour) and that
 * have a span matching service / pool / pod, then filtered on the whole trace (duration, any error). The root is
 * the span without a parent (else the earliest: its parent lives elsewhere). Keyset paging on (start, trace id).
 */
export async function listTraces({ ctx, query, now = Date.now() }: { ctx: Ctx; query: Record<string, unknown>; now?: number }): Promise<Page<TraceSummary>> {
  authorize(ctx, "read", { verb: "list", objectType: "trace" });
  const q = parseInput(TraceQuery, present(query));
  const to = q.to === undefined ? now : resolveQueryTime(q.to, now);
  const from = q.from === undefined ? to - DEFAULT_TRACE_WINDOW_MS : resolveQueryTime(q.from, now);
  if (!(from < to)) throw new AppError("INVALID", "from must be before to.", [{ path: "from", message: "Must be before to" }]);
  const cursor = q.cursor === undefined ? null : decodeTraceCursor(q.cursor);

  // Spans a little either side of the window, so a trace that starts inside it is counted whole.
  const window = Prisma.sql`"startAt" >= ${new Date(from - TRACE_SLACK_MS)} AND "startAt" <= ${new Date(to + TRACE_SLACK_MS)}`;
  const spanFilters = [
    ...(q.service ? [Prisma.sql`"service" = ${q.service}`] : []),
    ...(q.poolId ? [Prisma.sql`"poolId" = ${q.poolId}::uuid`] : []),
    ...(q.podName ? [Prisma.sql`"podName" = ${q.podName}`] : []),
  ];
  // With a service, pool or pod, their indexes find the traces, then all of each trace's spans are read (by the
  // primary key); without, one scan of the window's spans (by time) is cheaper.
  const spans =
    spanFilters.length === 0
      ? Prisma.sql`SELECT * FROM "Span" WHERE ${window}`
      : Prisma.sql`SELECT * FROM "Span" WHERE "traceId" IN (SELECT "traceId" FROM "Span" WHERE ${window} AND ${Prisma.join(spanFilters, " AND ")})`;
  const duration = Prisma.sql`(max(s."startUs" + s."durationUs") - min(s."startUs"))`;
  const traceFilters = [
    Prisma.sql`min(s."startUs") >= ${from * 1000}::bigint AND min(s."startUs") <= ${to * 1000}::bigint`,
    ...(q.minDurationMs !== undefined ? [Prisma.sql`${duration} >= ${Math.ceil(q.minDurationMs * 1000)}::bigint`] : []),
    ...(q.maxDurationMs !== undefined ? [Prisma.sql`${duration} <= ${Math.floor(q.maxDurationMs * 1000)}::bigint`] : []),
    ...(q.status === "error" ? [Prisma.sql`bool_or(s."status" = 'error')`] : q.status === "ok" ? [Prisma.sql`NOT bool_or(s."status" = 'error')`] : []),
    ...(cursor ? [Prisma.sql`(min(s."startUs"), s."traceId") < (${cursor.startUs}::bigint, ${cursor.traceId})`] : []),
  ];
  const rows = await db.$queryRaw<SummaryRow[]>`
    WITH traces AS (
      SELECT s."traceId", min(s."startUs") AS "startUs", ${duration} AS "durationUs", count(*)::int AS "spanCount",
             (count(*) FILTER (WHERE s."status" = 'error'))::int AS "errorCount"
      FROM (${spans}) s
      GROUP BY s."traceId"
      HAVING ${Prisma.join(traceFilters, " AND ")}
      ORDER BY min(s."startUs") DESC, s."traceId" DESC
      LIMIT ${q.limit + 1})
    SELECT t.*, r."name" AS "rootName", r."service"
    FROM traces t CROSS JOIN LATERAL (
      SELECT "name", "service" FROM "Span" WHERE "traceId" = t."traceId" ORDER BY ("parentSpanId" IS NULL) DESC, "startUs" ASC LIMIT 1) r
    ORDER BY t."startUs" DESC, t."traceId" DESC`;
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      traceId: r.traceId,
      rootName: r.rootName,
      service: r.service,
      startAt: new Date(Number(r.startUs) / 1000).toISOString(),
      durationMs: Number(r.durationUs) / 1000,
      spanCount: r.spanCount,
      errorCount: r.errorCount,
    })),
    nextCursor: more && last ? encodeTraceCursor(Number(last.startUs), last.traceId) : null,
  };
}

/** One trace's spans by start time, with the pools and pods they name (404 when no span of it is stored). */
export async function getTrace({ ctx, traceId }: { ctx: Ctx; traceId: string }): Promise<TraceDetail> {
  authorize(ctx, "read", { verb: "get", objectType: "trace", objectId: traceId });
  const parsed = TraceIdParam.safeParse(traceId);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "The trace id must be 32 hex characters.", toFieldErrors(parsed.error).map((e) => ({ ...e, path: "traceId" })));
  const rows = await db.span.findMany({ where: { traceId: parsed.data }, orderBy: [{ startUs: "asc" }, { spanId: "asc" }], take: MAX_SPANS_PER_TRACE + 1 });
  if (rows.length === 0) throw notFound(`Trace ${parsed.data}`);
  const spans = rows.slice(0, MAX_SPANS_PER_TRACE).map(toSpanView);
  const poolIds = [...new Set(spans.flatMap((s) => (s.poolId ? [s.poolId] : [])))];
  const podNames = [...new Set(spans.flatMap((s) => (s.podName ? [s.podName] : [])))];
  const [pools, pods] = await Promise.all([
    poolIds.length ? db.pool.findMany({ where: { id: { in: poolIds } }, select: { id: true, name: true } }) : [],
    podNames.length ? db.pod.findMany({ where: { name: { in: podNames } }, select: { id: true, name: true } }) : [],
  ]);
  return { traceId: parsed.data, spans, pools, pods, truncated: rows.length > MAX_SPANS_PER_TRACE };
}

type SpanRow = Awaited<ReturnType<typeof db.span.findMany>>[number];
const toSpanView = (r: SpanRow): SpanView => ({
  traceId: r.traceId,
  spanId: r.spanId,
  parentSpanId: r.parentSpanId,
  name: r.name,
  service: r.service,
  kind: r.kind as SpanKind,
  startAt: r.startAt.toISOString(),
  startUs: Number(r.startUs),
  durationUs: Number(r.durationUs),
  status: r.status,
  statusMessage: r.statusMessage,
  attributes: r.attributes as Attributes,
  events: r.events as unknown as SpanEvent[],
  resource: r.resource as Attributes,
  poolId: r.poolId,
  podName: r.podName,
});

/** The services that sent spans still kept, for the filter's suggestions (a skip scan of the service index). */
export async function traceServices({ ctx }: { ctx: Ctx }): Promise<string[]> {
  authorize(ctx, "read", { verb: "list", objectType: "trace" });
  const rows = await db.$queryRaw<Array<{ service: string }>>`
    WITH RECURSIVE s AS (
      (SELECT "service" FROM "Span" ORDER BY "service" LIMIT 1)
      UNION ALL
      SELECT (SELECT "service" FROM "Span" WHERE "service" > s."service" ORDER BY "service" LIMIT 1) FROM s WHERE s."service" IS NOT NULL)
    SELECT "service" FROM s WHERE "service" IS NOT NULL LIMIT 200`;
  return rows.map((r) => r.service);
}

export const traceRetentionHours = () => {
  const hours = Number(process.env.STRATUS_TRACE_RETENTION_HOURS ?? 24);
  return Number.isFinite(hours) && hours > 0 ? hours : 24;
};

/** Delete spans that started before the retention window (STRATUS_TRACE_RETENTION_HOURS, default 24). */
export async function pruneSpans({ ctx, now }: { ctx: Ctx; now: number }): Promise<{ pruned: number }> {
  authorize(ctx, "write", { verb: "prune", objectType: "trace" });
  const pruned = await db.$executeRaw`DELETE FROM "Span" WHERE "startAt" < ${new Date(now - traceRetentionHours() * 3_600_000)}`;
  return { pruned };
}

/** Blank parameters (an emptied filter in the URL) are absent, not invalid. */
const present = (query: Record<string, unknown>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""));
