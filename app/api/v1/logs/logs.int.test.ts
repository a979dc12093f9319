/**
 * Logs over the real routes: OTLP/HTTP JSON in (`POST /v1/logs`), the query API out (labels, level, substring,
 * RE2 regex, time range, cursor paging, live follow), the download, backpressure (413, 429 + Retry-After, 415) and
 * its counts on /metrics, and who may do what.
 */
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as prom from "@/app/metrics/route";
import * as otlp from "@/app/v1/logs/route";
import { systemPrincipal } from "@/lib/server/auth/principal";
import { pruneLogs, recordLogs } from "@/lib/server/dal/logs";
import type { LogRecordInput } from "@/lib/telemetry/logs/record";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as download from "./download/route";
import * as list from "./route";

const system = { principal: systemPrincipal };
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

beforeEach(resetDatabase);
afterEach(() => {
  delete process.env.STRATUS_LOGS_MAX_BODY_BYTES;
  delete process.env.STRATUS_LOGS_INGEST_RATE;
  delete process.env.STRATUS_LOGS_INGEST_BURST;
  delete process.env.STRATUS_LOG_RETENTION_HOURS;
});

type Item = { id: string; at: string; level: string; source: string; body: string; pod: string | null; workload: string | null; service: string | null; traceId: string | null; labels: Record<string, string> };
const logs = async (query: Record<string, string | number> = {}) => {
  const res = await call(list.GET, "GET", "/api/v1/logs", { query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  return { status: res.status, json: res.json as { items: Item[]; nextCursor: string | null; lastId: string; scanLimited?: boolean; errors?: Array<{ path: string }>; detail?: string } };
};
const bodies = async (query: Record<string, string | number> = {}) => (await logs(query)).json.items.map((i) => i.body);

const attr = (key: string, value: string) => ({ key, value: { stringValue: value } });
const otlpBody = (records: unknown[], resource = [attr("service.name", "shop"), attr("k8s.deployment.name", "shop-web")]) => ({
  resourceLogs: [{ resource: { attributes: resource }, scopeLogs: [{ scope: { name: "test" }, logRecords: records }] }],
});
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

const record = (r: Partial<LogRecordInput> & { body: string }): LogRecordInput => ({ at: Date.now(), level: "info", source: "pod", labels: {}, ...r });

describe("OTLP/HTTP JSON ingest → query", () => {
  test("records are stored with labels, columns and ids, and found by each of them", async () => {
    const now = Date.now();
    const res = await call(otlp.POST, "POST", "/v1/logs", {
      body: otlpBody([
        { timeUnixNano: nanos(now - 3000), severityNumber: 9, body: { stringValue: "GET /cart 200" }, attributes: [attr("k8s.pod.name", "shop-web-1")], traceId: TRACE, spanId: "00f067aa0ba902b7" },
        { timeUnixNano: nanos(now - 2000), severityText: "WARN", body: { stringValue: "Cart service slow (50% over budget)" }, attributes: [attr("k8s.pod.name", "shop-web-2"), attr("region", "eu")] },
        { timeUnixNano: nanos(now - 1000), severityNumber: 17, body: { stringValue: "payment failed" }, attributes: [attr("k8s.pod.name", "shop-web-1"), attr("region", "us")] },
      ]),
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});

    const all = await logs();
    expect(all.status).toBe(200);
    expect(all.json.items.map((i) => i.body)).toEqual(["payment failed", "Cart service slow (50% over budget)", "GET /cart 200"]);
    expect(all.json.items[2]).toMatchObject({ level: "info", source: "otlp", service: "shop", workload: "shop-web", pod: "shop-web-1", traceId: TRACE, spanId: "00f067aa0ba902b7" });
    expect(all.json.items[2]!.labels).toMatchObject({ "service.name": "shop", "k8s.pod.name": "shop-web-1", "otel.scope.name": "test" });
    expect(all.json.nextCursor).toBeNull();

    expect(await bodies({ pod: "shop-web-1" })).toEqual(["payment failed", "GET /cart 200"]);
    expect(await bodies({ workload: "shop-web", service: "shop", source: "otlp" })).toHaveLength(3);
    expect(await bodies({ source: "pod,engine" })).toEqual([]);
    expect(await bodies({ level: "warn" })).toEqual(["payment failed", "Cart service slow (50% over budget)"]);
    expect(await bodies({ levels: "info,error" })).toEqual(["payment failed", "GET /cart 200"]);
    expect(await bodies({ traceId: TRACE.toUpperCase() })).toEqual(["GET /cart 200"]);
    expect(await bodies({ labels: "region=eu" })).toEqual(["Cart service slow (50% over budget)"]);
    // Substring: case-insensitive, and the user's % and _ are literal characters.
    expect(await bodies({ q: "CART" })).toEqual(["Cart service slow (50% over budget)", "GET /cart 200"]);
    expect(await bodies({ q: "50%" })).toEqual(["Cart service slow (50% over budget)"]);
    expect(await bodies({ q: "5_%" })).toEqual([]);
    expect(await bodies({ q: "cart", pod: "shop-web-2" })).toEqual(["Cart service slow (50% over budget)"]);
  });

  test("what it cannot map is reported as a partial success", async () => {
    const res = await call(otlp.POST, "POST", "/v1/logs", { body: otlpBody([{ body: { stringValue: "ok" } }, 42, "nope"]) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ partialSuccess: { rejectedLogRecords: 2, errorMessage: expect.any(String) } });
    expect(await bodies()).toEqual(["ok"]);
  });

  test("needs a writer's credentials to push and a reader's to query; other media types are a 415", async () => {
    const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
    expect((await call(otlp.POST, "POST", "/v1/logs", { token: null, body: otlpBody([]) })).status).toBe(401);
    expect((await call(otlp.POST, "POST", "/v1/logs", { token: viewer, body: otlpBody([]) })).status).toBe(403);
    expect((await call(list.GET, "GET", "/api/v1/logs", { token: null })).status).toBe(401);
    expect((await call(list.GET, "GET", "/api/v1/logs", { token: viewer })).status).toBe(200);
    expect((await call(download.GET, "GET", "/api/v1/logs/download", { token: null })).status).toBe(401);
    const xml = await call(otlp.POST, "POST", "/v1/logs", { rawBody: "<logs/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    expect((await call(otlp.POST, "POST", "/v1/logs", { rawBody: "{nope", headers: { "content-type": "application/json" } })).status).toBe(400);
  });
});

describe("backpressure", () => {
  const counter = async (name: string, labels: Record<string, string>) => {
    const families = parsePrometheusTextFormat(await (await prom.GET()).text());
    const family = families.find((f) => f.name === name);
    return Number(family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? 0);
  };

  test("a body over the limit is a 413 and is counted", async () => {
    process.env.STRATUS_LOGS_MAX_BODY_BYTES = "1000";
    const before = await counter("stratus_logs_ingest_refused_requests_total", { reason: "size", protocol: "otlp" });
    const res = await call(otlp.POST, "POST", "/v1/logs", { body: otlpBody([{ body: { stringValue: "x".repeat(2000) } }]) });
    expect(res.status).toBe(413);
    expect(await counter("stratus_logs_ingest_refused_requests_total", { reason: "size", protocol: "otlp" })).toBe(before + 1);
    expect(await bodies()).toEqual([]);
  });

  test("over the rate is a 429 with Retry-After, counted with its records; nothing of it is stored", async () => {
    process.env.STRATUS_LOGS_INGEST_RATE = "5";
    process.env.STRATUS_LOGS_INGEST_BURST = "10";
    const before = await counter("stratus_logs_ingest_refused_requests_total", { reason: "rate", protocol: "otlp" });
    const beforeRecords = await counter("stratus_logs_ingest_refused_records_total", { protocol: "otlp" });
    const batch = (n: number) => otlpBody(Array.from({ length: n }, (_, i) => ({ body: { stringValue: `line ${i}` } })));
    expect((await call(otlp.POST, "POST", "/v1/logs", { body: batch(8) })).status).toBe(200);
    const refused = await call(otlp.POST, "POST", "/v1/logs", { body: batch(8) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await counter("stratus_logs_ingest_refused_requests_total", { reason: "rate", protocol: "otlp" })).toBe(before + 1);
    expect(await counter("stratus_logs_ingest_refused_records_total", { protocol: "otlp" })).toBe(beforeRecords + 8);
    expect(await bodies({ limit: 100 })).toHaveLength(8);
  });
});

describe("search", () => {
  test("regex is RE2: it matches, a catastrophic-backtracking pattern answers fast, and an invalid one is a 400 naming the field", async () => {
    const long = `${"a".repeat(16_000)}b`;
    await recordLogs({ ctx: system, records: [record({ body: "error code=E42 in handler" }), record({ body: "all fine" }), record({ body: long })] });
    expect(await bodies({ regex: "code=E\\d+" })).toEqual(["error code=E42 in handler"]);
    expect(await bodies({ regex: "(?i)ALL\\s+FINE" })).toEqual(["all fine"]);

    const started = performance.now();
    const evil = await logs({ regex: "(a+)+$" });
    expect(evil.status).toBe(200);
    expect(evil.json.items).toEqual([]); // no match (the line ends in b): the case a backtracking engine explores exponentially
    expect(performance.now() - started).toBeLessThan(2_000);

    const invalid = await logs({ regex: "(unclosed" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors?.[0]?.path).toBe("regex");
    expect(invalid.json.detail).toMatch(/^regex: Not a valid RE2 pattern/);
  });

  test("time range: the last 15 minutes by default, any range on request", async () => {
    const now = Date.now();
    await recordLogs({ ctx: system, records: [record({ body: "an hour ago", at: now - 3_600_000 }), record({ body: "a minute ago", at: now - 60_000 })] });
    expect(await bodies()).toEqual(["a minute ago"]);
    expect(await bodies({ from: "2h" })).toEqual(["a minute ago", "an hour ago"]);
    expect(await bodies({ from: new Date(now - 2 * 3_600_000).toISOString(), to: String(now - 1_800_000) })).toEqual(["an hour ago"]);
    const bad = await logs({ from: "5m", to: "1h" });
    expect(bad.status).toBe(422);
    expect((await logs({ level: "loud" })).status).toBe(422);
    expect((await logs({ labels: "oops" })).status).toBe(422);
  });

  test("cursor pages back in time without gaps or repeats; `after` follows what arrives", async () => {
    const now = Date.now();
    // Same timestamp for a run of records: the id breaks the tie.
    await recordLogs({ ctx: system, records: Array.from({ length: 25 }, (_, i) => record({ body: `r${i}`, at: now - 60_000 + Math.floor(i / 5) * 1000 })) });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof logs>> = await logs({ limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.json.items.map((i) => i.body));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `r${24 - i}`));

    const first = await logs({ pod: "follow-me" });
    expect(first.json.items).toEqual([]);
    await recordLogs({ ctx: system, records: [record({ body: "other pod" }), record({ body: "new 1", pod: "follow-me" }), record({ body: "new 2", pod: "follow-me" })] });
    const followed = await logs({ pod: "follow-me", after: first.json.lastId, limit: 1 });
    expect(followed.json.items.map((i) => i.body)).toEqual(["new 1"]); // one at a time: the oldest first
    const next = await logs({ pod: "follow-me", after: followed.json.lastId, limit: 1 });
    expect(next.json.items.map((i) => i.body)).toEqual(["new 2"]);
    const idle = await logs({ pod: "follow-me", after: next.json.lastId });
    expect(idle.json.items).toEqual([]);
    expect(BigInt(idle.json.lastId)).toBeGreaterThanOrEqual(BigInt(next.json.lastId));
    // A late record with an old timestamp still reaches a follower.
    await recordLogs({ ctx: system, records: [record({ body: "late", pod: "follow-me", at: now - 86_400_000 })] });
    expect((await logs({ pod: "follow-me", after: idle.json.lastId })).json.items.map((i) => i.body)).toEqual(["late"]);
    expect((await logs({ cursor: "nope" })).status).toBe(422);
  });
});

describe("download and retention", () => {
  test("one record per line as a text attachment, markup and line breaks inert, filters applied", async () => {
    await recordLogs({
      ctx: system,
      records: [
        record({ body: '<script>alert(1)</script>\nFAKE 2026 line', pod: "web-1", workload: "web", level: "warn", stream: "stderr" }),
        record({ body: "\u001b[32mgreen\u001b[0m", pod: "web-1", workload: "web" }),
        record({ body: "other", pod: "db-1" }),
      ],
    });
    const res = await download.GET(new Request("http://localhost/api/v1/logs/download?workload=web", { headers: { authorization: "Bearer it-admin-token-0123456789abcdef" } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="stratus-logs-.*\.log"$/);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+Z INFO  pod workload=web pod=web-1 \| green$/);
    expect(lines[1]).toMatch(/^\S+Z WARN  pod\/stderr workload=web pod=web-1 \| <script>alert\(1\)<\/script>\\nFAKE 2026 line$/);

    const bad = await call(download.GET, "GET", "/api/v1/logs/download", { query: { regex: "(" } });
    expect(bad.status).toBe(400);
  });

  test("records past STRATUS_LOG_RETENTION_HOURS are pruned", async () => {
    const now = Date.now();
    process.env.STRATUS_LOG_RETENTION_HOURS = "2";
    await recordLogs({ ctx: system, records: [record({ body: "old", at: now - 3 * 3_600_000 }), record({ body: "recent", at: now - 3_600_000 })] });
    expect(await pruneLogs({ ctx: system, now, chunk: 1 })).toEqual({ pruned: 1 });
    expect(await bodies({ from: "1d" })).toEqual(["recent"]);
  });
});
