/**
 * Traces over the real routes: OTLP/HTTP JSON in (`POST /v1/traces`), the list and one trace out; the list's
 * filters and paging; backpressure (413, 429 + Retry-After, 415) counted on /metrics; 404/400 for one trace; who
 * may ingest and read; retention.
 */
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as prom from "@/app/metrics/route";
import * as otlp from "@/app/v1/traces/route";
import { systemPrincipal } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createPool } from "@/lib/server/dal/pools";
import { pruneSpans } from "@/lib/server/dal/traces";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as one from "./[traceId]/route";
import * as list from "./route";

const system = { principal: systemPrincipal };
const MS = 1000n * 1000n; // nanoseconds per millisecond
let base = 0n;

beforeEach(async () => {
  await resetDatabase();
  base = BigInt(Date.now() - 10 * 60_000) * MS; // ten minutes ago: inside the list's default hour
});
afterEach(() => {
  for (const name of ["STRATUS_TRACES_MAX_BODY_BYTES", "STRATUS_TRACES_INGEST_RATE", "STRATUS_TRACES_INGEST_BURST", "STRATUS_TRACE_RETENTION_HOURS"]) delete process.env[name];
});

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const traceId = (n: number) => hex(n, 32);
interface SpanSpec {
  trace: number;
  span: number;
  parent?: number;
  name: string;
  startMs: number;
  durationMs: number;
  error?: boolean;
  attributes?: unknown[];
}
const span = (s: SpanSpec) => ({
  traceId: traceId(s.trace),
  spanId: hex(s.span, 16),
  parentSpanId: s.parent === undefined ? "" : hex(s.parent, 16),
  name: s.name,
  kind: s.parent === undefined ? 2 : 3,
  startTimeUnixNano: String(base + BigInt(s.startMs) * MS),
  endTimeUnixNano: String(base + BigInt(s.startMs + s.durationMs) * MS),
  status: s.error ? { code: 2, message: "failed" } : {},
  attributes: s.attributes ?? [],
});
const exportRequest = (service: string, spans: SpanSpec[]) => ({ resourceSpans: [{ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ scope: { name: "test" }, spans: spans.map(span) }] }] });
const ingest = (body: unknown, token?: string | null) => call(otlp.POST, "POST", "/v1/traces", { body, token });
const listTraces = (query: Record<string, string> = {}, token?: string | null) => call(list.GET, "GET", "/api/v1/traces", { query, token });
const getTrace = (id: string, token?: string | null) => call(one.GET, "GET", `/api/v1/traces/${id}`, { params: { traceId: id }, token });
type Item = { traceId: string; rootName: string; service: string; startAt: string; durationMs: number; spanCount: number; errorCount: number };

describe("OTLP/HTTP JSON round trip", () => {
  test("spans posted to /v1/traces come back as a trace summary and as the trace's spans", async () => {
    const res = await ingest(
      exportRequest("checkout", [
        { trace: 1, span: 1, name: "GET /cart", startMs: 0, durationMs: 120 },
        { trace: 1, span: 2, parent: 1, name: "SELECT cart", startMs: 10, durationMs: 30, attributes: [str("db.system", "postgresql")] },
        { trace: 1, span: 3, parent: 1, name: "GET /prices", startMs: 50, durationMs: 100, error: true },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});

    const listed = await listTraces();
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({
      items: [{ traceId: traceId(1), rootName: "GET /cart", service: "checkout", startAt: new Date(Number(base / MS)).toISOString(), durationMs: 150, spanCount: 3, errorCount: 1 }],
      nextCursor: null,
    });

    const trace = await getTrace(traceId(1));
    expect(trace.status).toBe(200);
    const spans = trace.json!.spans as Array<Record<string, unknown>>;
    expect(spans.map((s) => [s.name, s.parentSpanId, s.kind, s.status, s.durationUs])).toEqual([
      ["GET /cart", null, "server", "unset", 120_000],
      ["SELECT cart", hex(1, 16), "client", "unset", 30_000],
      ["GET /prices", hex(1, 16), "client", "error", 100_000],
    ]);
    expect(spans[1]).toMatchObject({ attributes: { "db.system": "postgresql", "otel.scope.name": "test" }, resource: { "service.name": "checkout" } });
    expect(spans[2]).toMatchObject({ statusMessage: "failed" });
  });

  test("a span sent twice is stored once; malformed spans are reported as rejected", async () => {
    const body = exportRequest("api", [{ trace: 2, span: 1, name: "root", startMs: 0, durationMs: 5 }]);
    await ingest(body);
    await ingest(body);
    const bad = { ...span({ trace: 2, span: 9, name: "bad", startMs: 0, durationMs: 1 }), spanId: "nope" };
    const partial = await ingest({ resourceSpans: [{ scopeSpans: [{ spans: [bad, span({ trace: 2, span: 2, parent: 1, name: "child", startMs: 1, durationMs: 1 })] }] }] });
    expect(partial.json).toEqual({ partialSuccess: { rejectedSpans: 1, errorMessage: expect.any(String) } });
    expect((await getTrace(traceId(2))).json!.spans).toHaveLength(2);
  });

  test("a span naming a pool links the trace to it: the pool filter finds it, the trace names the pool", async () => {
    const pool = await createPool({ ctx: system, input: { name: "shop" } });
    await ingest(exportRequest("api", [{ trace: 3, span: 1, name: "GET /", startMs: 0, durationMs: 5, attributes: [str("stratus.pool.id", pool.id)] }]));
    await ingest(exportRequest("api", [{ trace: 4, span: 1, name: "GET /other", startMs: 1, durationMs: 5 }]));
    const listed = await listTraces({ poolId: pool.id });
    expect((listed.json!.items as Item[]).map((i) => i.traceId)).toEqual([traceId(3)]);
    expect((await getTrace(traceId(3))).json!.pools).toEqual([{ id: pool.id, name: "shop" }]);
  });
});

describe("the trace list", () => {
  beforeEach(async () => {
    await ingest(exportRequest("checkout", [
      { trace: 10, span: 1, name: "fast ok", startMs: 0, durationMs: 5 },
      { trace: 11, span: 1, name: "slow ok", startMs: 1000, durationMs: 800 },
      { trace: 12, span: 1, name: "slow error", startMs: 2000, durationMs: 400 },
      { trace: 12, span: 2, parent: 1, name: "failing call", startMs: 2100, durationMs: 100, error: true },
    ]));
    // A trace whose root is in one service and a child in another: the service filter matches any span.
    await ingest(exportRequest("payments", [{ trace: 13, span: 1, name: "charge", startMs: 3000, durationMs: 50 }]));
    await ingest(exportRequest("ledger", [{ trace: 13, span: 2, parent: 1, name: "book", startMs: 3010, durationMs: 20 }]));
  });
  const names = async (query: Record<string, string>) => ((await listTraces(query)).json!.items as Item[]).map((i) => i.rootName);

  test.each([
    [{}, ["charge", "slow error", "slow ok", "fast ok"]],
    [{ service: "checkout" }, ["slow error", "slow ok", "fast ok"]],
    [{ service: "ledger" }, ["charge"]],
    [{ minDurationMs: "100" }, ["slow error", "slow ok"]],
    [{ maxDurationMs: "50" }, ["charge", "fast ok"]],
    [{ minDurationMs: "10", maxDurationMs: "500" }, ["charge", "slow error"]],
    [{ status: "error" }, ["slow error"]],
    [{ status: "ok", service: "checkout" }, ["slow ok", "fast ok"]],
  ])("%j → %j", async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  test("from / to bound the traces' start (ISO, epoch ms, or a span back from now)", async () => {
    const at = (ms: number) => new Date(Number(base / MS) + ms).toISOString();
    expect(await names({ from: at(500), to: at(2500) })).toEqual(["slow error", "slow ok"]);
    expect(await names({ from: String(Number(base / MS) + 2500) })).toEqual(["charge"]);
    expect(await names({ from: "5m" })).toEqual([]);
    expect(await names({ from: "15m" })).toHaveLength(4);
  });

  test("pages newest first by cursor, without repeats or gaps", async () => {
    const first = await listTraces({ limit: "3" });
    expect((first.json!.items as Item[]).map((i) => i.rootName)).toEqual(["charge", "slow error", "slow ok"]);
    const second = await listTraces({ limit: "3", cursor: first.json!.nextCursor as string });
    expect((second.json!.items as Item[]).map((i) => i.rootName)).toEqual(["fast ok"]);
    expect(second.json!.nextCursor).toBeNull();
  });

  test.each([
    [{ status: "broken" }, "status"],
    [{ minDurationMs: "-1" }, "minDurationMs"],
    [{ minDurationMs: "9", maxDurationMs: "3" }, "maxDurationMs"],
    [{ poolId: "web" }, "poolId"],
    [{ from: "last tuesday" }, "from"],
    [{ cursor: "abc" }, "cursor"],
    [{ limit: "1000" }, "limit"],
  ])("%j is a 422 naming %s", async (query, field) => {
    const res = await listTraces(query);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((res.json!.errors as Array<{ path: string }>).map((e) => e.path)).toContain(field);
  });
});

describe("one trace", () => {
  test("unknown is a 404 problem; not 32 hex characters is a 400 naming traceId; either case is accepted", async () => {
    const missing = await getTrace(traceId(99));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const bad = await getTrace("xyz");
    expect(bad.status).toBe(400);
    expect(bad.json!.errors).toEqual([{ path: "traceId", message: expect.any(String) }]);
    expect((await getTrace("0".repeat(32))).status).toBe(400);
    await ingest(exportRequest("api", [{ trace: 0xabc, span: 1, name: "root", startMs: 0, durationMs: 1 }]));
    expect((await getTrace(traceId(0xabc).toUpperCase())).status).toBe(200);
  });
});

describe("access", () => {
  test("ingest needs a writer; reading needs a reader", async () => {
    const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
    const body = exportRequest("api", [{ trace: 5, span: 1, name: "root", startMs: 0, durationMs: 1 }]);
    expect((await ingest(body, null)).status).toBe(401);
    expect((await ingest(body, viewer)).status).toBe(403);
    expect((await ingest(body)).status).toBe(200);
    expect((await listTraces({}, null)).status).toBe(401);
    expect((await listTraces({}, viewer)).status).toBe(200);
    expect((await getTrace(traceId(5), null)).status).toBe(401);
    expect((await getTrace(traceId(5), viewer)).status).toBe(200);
  });
});

describe("backpressure", () => {
  const refused = async (reason: string) => {
    const families = parsePrometheusTextFormat(await (await prom.GET()).text());
    const family = families.find((f) => f.name === "stratus_traces_ingest_refused_requests_total");
    return Number(family?.metrics.find((m) => m.labels?.reason === reason && m.labels.protocol === "otlp")?.value ?? 0);
  };
  const many = (n: number, trace = 20) => exportRequest("load", Array.from({ length: n }, (_, i) => ({ trace, span: i + 1, name: `s${i}`, startMs: i, durationMs: 1 })));

  test("a body over STRATUS_TRACES_MAX_BODY_BYTES is a 413, counted", async () => {
    process.env.STRATUS_TRACES_MAX_BODY_BYTES = "2000";
    const before = await refused("size");
    const res = await ingest(many(40));
    expect(res.status).toBe(413);
    expect(await refused("size")).toBe(before + 1);
    expect(await db.span.count()).toBe(0);
  });

  test("over STRATUS_TRACES_INGEST_RATE is a 429 with Retry-After, counted; nothing of it is stored", async () => {
    process.env.STRATUS_TRACES_INGEST_RATE = "10";
    process.env.STRATUS_TRACES_INGEST_BURST = "20";
    const before = await refused("rate");
    expect((await ingest(many(15, 21))).status).toBe(200);
    const res = await ingest(many(15, 22));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused("rate")).toBe(before + 1);
    expect(await db.span.count({ where: { traceId: traceId(22) } })).toBe(0);
  });

  test("a content type that is neither OTLP JSON nor protobuf is a 415", async () => {
    const res = await call(otlp.POST, "POST", "/v1/traces", { rawBody: "traceId=1", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(415);
  });
});

test("retention: spans older than STRATUS_TRACE_RETENTION_HOURS are pruned", async () => {
  process.env.STRATUS_TRACE_RETENTION_HOURS = "1";
  const hoursAgo = (h: number) => String(BigInt(Date.now() - h * 3_600_000) * MS);
  const at = (id: number, h: number) => ({ ...span({ trace: id, span: 1, name: `t${id}`, startMs: 0, durationMs: 1 }), startTimeUnixNano: hoursAgo(h), endTimeUnixNano: hoursAgo(h) });
  await ingest({ resourceSpans: [{ scopeSpans: [{ spans: [at(30, 2), at(31, 0.5)] }] }] });
  expect(await pruneSpans({ ctx: system, now: Date.now() })).toEqual({ pruned: 1 });
  expect((await db.span.findMany()).map((s) => s.name)).toEqual(["t31"]);
});
