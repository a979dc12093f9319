/**
 * The alerts loop against real metric rows: the state machine with its history, silences, and webhook delivery to a
 * real local HTTP server (retries on the backoff schedule, SSRF refusals). The clock is stepped by hand.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { seededRng } from "@/lib/domain/random";
import { engineCtx, systemPrincipal } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createAlertRule } from "@/lib/server/dal/alert-rules";
import { getAlert } from "@/lib/server/dal/alerts";
import { recordSamples } from "@/lib/server/dal/metrics";
import { createSilence } from "@/lib/server/dal/silences";
import { resetDatabase } from "@/lib/testing/database";
import type { EngineDeps } from "../deps";
import { acquireLease, fenceFor } from "../lease";
import { alertsLoop } from "../loops/alerts";

const system = { principal: systemPrincipal };
const SECOND = 1000;
/** A whole hour ago, so every sample is in the past and the windows never touch "now". */
const t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;

type Loop = ReturnType<typeof alertsLoop>;
let loop: Loop;
let write: EngineDeps["write"];

async function tick(at: number) {
  await loop.tick({ write, now: at, rng: seededRng(1) } as EngineDeps);
  await loop.delivered();
}

/** One gauge sample per 5 s for each pool, from `from` (inclusive) to `to` (exclusive). */
async function gauge(name: string, values: Record<string, number>, from: number, to: number) {
  const samples = [];
  for (let at = from; at < to; at += 5 * SECOND) {
    for (const [pool, value] of Object.entries(values)) samples.push({ name, kind: "gauge" as const, labels: { pool }, at, value });
  }
  await recordSamples({ ctx: system, samples });
}

const rule = (over: Record<string, unknown>) =>
  createAlertRule({ ctx: system, input: { name: "latency", metric: "it_latency_ms", aggregation: "max", windowSeconds: 20, operator: "gt", threshold: 100, groupBy: ["pool"], ...over } });

beforeEach(async () => {
  await resetDatabase();
  const lease = (await acquireLease("alerts-test", 60_000))!;
  write = { ctx: engineCtx("alerts"), fence: fenceFor(lease) };
  loop = alertsLoop({ intervalMs: 0, externalUrl: "http://console.test", policy: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 4 } });
});
afterEach(async () => loop.close());

describe("evaluation", () => {
  test("inactive → pending → firing after forSeconds → resolved, with history; a new breach opens a new episode", async () => {
    const latency = await rule({ forSeconds: 30 });
    await gauge("it_latency_ms", { web: 150, api: 50 }, t0, t0 + 60 * SECOND);
    await gauge("it_latency_ms", { web: 50, api: 50 }, t0 + 60 * SECOND, t0 + 100 * SECOND);

    await tick(t0 + 20 * SECOND);
    const [pending] = await db.alert.findMany();
    expect(pending).toMatchObject({ state: "pending", labels: { alertname: "latency", severity: "warning", pool: "web" }, value: 150, firedAt: null });
    expect(pending!.summary).toBe("max of it_latency_ms{pool=web} over 20 s = 150 > 100 for 30 s");
    expect(pending!.activeSince.getTime()).toBe(t0 + 20 * SECOND);

    await tick(t0 + 40 * SECOND); // 20 s of the 30 s
    expect((await db.alert.findUniqueOrThrow({ where: { id: pending!.id } })).state).toBe("pending");
    await tick(t0 + 50 * SECOND);
    const firing = await db.alert.findUniqueOrThrow({ where: { id: pending!.id } });
    expect(firing).toMatchObject({ state: "firing" });
    expect(firing.firedAt!.getTime()).toBe(t0 + 50 * SECOND);

    await tick(t0 + 85 * SECOND); // the window [65 s, 85 s) holds only 50s
    const resolved = await db.alert.findUniqueOrThrow({ where: { id: pending!.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(resolved).toMatchObject({ state: "resolved", value: 50 });
    expect(resolved.resolvedAt!.getTime()).toBe(t0 + 85 * SECOND);
    expect(resolved.events.map((e) => [e.from, e.to, e.value, e.at.getTime() - t0])).toEqual([
      [null, "pending", 150, 20 * SECOND],
      ["pending", "firing", 150, 50 * SECOND],
      ["firing", "resolved", 50, 85 * SECOND],
    ]);
    expect(await db.alert.count({ where: { labels: { path: ["pool"], equals: "api" } } })).toBe(0);

    await gauge("it_latency_ms", { web: 200 }, t0 + 100 * SECOND, t0 + 130 * SECOND);
    await tick(t0 + 120 * SECOND);
    const episodes = await db.alert.findMany({ where: { ruleId: latency.id }, orderBy: { activeSince: "asc" } });
    expect(episodes.map((a) => a.state)).toEqual(["resolved", "pending"]);
    expect(episodes[1]!.fingerprint).toBe(episodes[0]!.fingerprint);
  });

  test("a pending episode that clears before forSeconds resolves without firing, and the history says so", async () => {
    await rule({ forSeconds: 60 });
    await gauge("it_latency_ms", { web: 150 }, t0, t0 + 25 * SECOND);
    await gauge("it_latency_ms", { web: 10 }, t0 + 25 * SECOND, t0 + 60 * SECOND);
    await tick(t0 + 20 * SECOND);
    await tick(t0 + 50 * SECOND);
    const alert = await db.alert.findFirstOrThrow({ include: { events: { orderBy: { id: "asc" } } } });
    expect(alert).toMatchObject({ state: "resolved", firedAt: null });
    expect(alert.events.at(-1)).toMatchObject({ from: "pending", to: "resolved", note: "no longer breaching after 30 s of the 60 s needed: never fired" });
  });

  test("pausing a rule ends its open episodes, saying why", async () => {
    const latency = await rule({ forSeconds: 0 });
    await gauge("it_latency_ms", { web: 150 }, t0, t0 + 20 * SECOND);
    await tick(t0 + 20 * SECOND);
    await db.alertRule.update({ where: { id: latency.id }, data: { enabled: false } });
    await tick(t0 + 25 * SECOND);
    const alert = await db.alert.findFirstOrThrow({ include: { events: { orderBy: { id: "asc" } } } });
    expect(alert.state).toBe("resolved");
    expect(alert.events.map((e) => [e.from, e.to, e.note])).toEqual([
      [null, "firing", null],
      ["firing", "resolved", "rule paused"],
    ]);
  });

  test("rates are read from the metrics store like any query", async () => {
    await rule({ name: "throughput", metric: "it_requests_total", aggregation: "rate", threshold: 5, groupBy: [] });
    const samples = [];
    for (let at = t0, n = 0; at < t0 + 60 * SECOND; at += 5 * SECOND, n += 100) samples.push({ name: "it_requests_total", kind: "counter" as const, labels: { pool: "web" }, at, value: n });
    await recordSamples({ ctx: system, samples });
    await tick(t0 + 60 * SECOND);
    const alert = await db.alert.findFirstOrThrow();
    expect(alert.state).toBe("firing");
    expect(alert.value).toBeCloseTo(20, 5); // 100 requests every 5 s
  });
});

test("resolved episodes and settled notifications past the retention are pruned; open ones stay", async () => {
  await loop.close();
  loop = alertsLoop({ intervalMs: 0, historyDays: 1 });
  const rule = await createAlertRule({ ctx: system, input: { name: "old", metric: "none", threshold: 1 } });
  const at = (ms: number) => new Date(t0 - ms);
  const make = (state: "firing" | "resolved", resolvedAt: Date | null) =>
    db.alert.create({ data: { ruleId: rule.id, fingerprint: `${state}-${resolvedAt?.getTime()}`, state, severity: "warning", value: 1, summary: "s", activeSince: at(3 * 86_400_000), lastEvalAt: at(0), resolvedAt } });
  const old = await make("resolved", at(2 * 86_400_000));
  const recent = await make("resolved", at(3_600_000));
  const open = await make("firing", null);
  await db.alertNotification.create({ data: { alertId: open.id, groupKey: "k", url: "http://x", payload: {}, status: "delivered", createdAt: at(2 * 86_400_000) } });
  await db.alertNotification.create({ data: { alertId: open.id, groupKey: "k", url: "http://x", payload: {}, status: "pending", createdAt: at(2 * 86_400_000), nextAttemptAt: at(-1e9) } });
  await tick(t0);
  expect((await db.alert.findMany({ orderBy: { activeSince: "asc" } })).map((a) => a.id).sort()).toEqual([recent.id, open.id].sort());
  expect(await db.alert.findUnique({ where: { id: old.id } })).toBeNull();
  expect((await db.alertNotification.findMany()).map((n) => n.status)).toEqual(["pending"]);
});

describe("notifications", () => {
  let server: Server;
  let url: string;
  let answers: number[];
  const received: Array<{ headers: Record<string, unknown>; body: Record<string, unknown> }> = [];

  beforeEach(async () => {
    received.length = 0;
    answers = [];
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterEach(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  test("a webhook answering 500 twice is retried on the backoff schedule and delivered on attempt 3, with Alertmanager's payload", async () => {
    answers = [500, 500];
    await rule({ webhookUrl: url, forSeconds: 0, labels: { team: "web" } });
    await gauge("it_latency_ms", { web: 300 }, t0, t0 + 40 * SECOND);

    await tick(t0 + 20 * SECOND); // fires at once, first attempt → 500
    let n = await db.alertNotification.findFirstOrThrow();
    expect(n).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500", url });
    const retryIn = n.nextAttemptAt.getTime() - (t0 + 20 * SECOND);
    expect(retryIn).toBeGreaterThanOrEqual(500);
    expect(retryIn).toBeLessThanOrEqual(1_000);

    await tick(t0 + 20 * SECOND + 100); // not due yet: no attempt
    expect((await db.alertNotification.findFirstOrThrow()).attempts).toBe(1);
    await tick(n.nextAttemptAt.getTime());
    n = await db.alertNotification.findFirstOrThrow();
    expect(n).toMatchObject({ status: "pending", attempts: 2 });
    await tick(n.nextAttemptAt.getTime());
    n = await db.alertNotification.findFirstOrThrow();
    expect(n).toMatchObject({ status: "delivered", attempts: 3, lastError: null });

    expect(received).toHaveLength(3);
    expect(received[2]!.headers["content-type"]).toBe("application/json");
    const alert = await db.alert.findFirstOrThrow();
    expect(received[2]!.body).toEqual({
      version: "4",
      groupKey: '{}/{alertname="latency"}:{pool="web"}',
      truncatedAlerts: 0,
      status: "firing",
      receiver: "latency",
      groupLabels: { pool: "web" },
      commonLabels: { alertname: "latency", severity: "warning", team: "web", pool: "web" },
      commonAnnotations: { summary: "max of it_latency_ms{pool=web} over 20 s = 300 > 100" },
      externalURL: "http://console.test",
      alerts: [
        {
          status: "firing",
          labels: { alertname: "latency", severity: "warning", team: "web", pool: "web" },
          annotations: { summary: "max of it_latency_ms{pool=web} over 20 s = 300 > 100" },
          startsAt: new Date(t0 + 20 * SECOND).toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: `http://console.test/alerts/${alert.id}`,
          fingerprint: alert.fingerprint,
        },
      ],
    });

    // Resolving a fired alert is announced too.
    await tick(t0 + 70 * SECOND);
    const resolved = await db.alertNotification.findFirstOrThrow({ where: { id: { not: n.id } } });
    expect(resolved).toMatchObject({ status: "delivered", attempts: 1 });
    expect(received.at(-1)!.body).toMatchObject({ status: "resolved", alerts: [{ status: "resolved", endsAt: new Date(t0 + 70 * SECOND).toISOString() }] });
  });

  test("out of attempts, a notification fails with the last error", async () => {
    answers = [503, 503, 503, 503];
    await rule({ webhookUrl: url, forSeconds: 0 });
    await gauge("it_latency_ms", { web: 300 }, t0, t0 + 60 * SECOND); // still firing while it retries
    let at = t0 + 20 * SECOND;
    for (let i = 0; i < 4; i++) {
      await tick(at);
      at = (await db.alertNotification.findFirstOrThrow()).nextAttemptAt.getTime();
    }
    expect(await db.alertNotification.count()).toBe(1);
    expect(await db.alertNotification.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 4, lastError: "gave up after 4 attempts: HTTP 503" });
  });

  test("an address the SSRF guard refuses fails at once, with the reason", async () => {
    await rule({ webhookUrl: "http://169.254.169.254/latest/meta-data", forSeconds: 0 });
    await gauge("it_latency_ms", { web: 300 }, t0, t0 + 20 * SECOND);
    await tick(t0 + 20 * SECOND);
    const n = await db.alertNotification.findFirstOrThrow();
    expect(n).toMatchObject({ status: "failed", attempts: 1 });
    expect(n.lastError).toMatch(/^refused by the SSRF guard: 169\.254\.169\.254 is in the denied range 169\.254\.0\.0\/16/);
    // The alert's page shows what became of it.
    const detail = await getAlert({ ctx: system, id: n.alertId! });
    expect(detail.notifications).toEqual([expect.objectContaining({ status: "failed", attempts: 1, lastError: n.lastError })]);
  });

  test("a silence mutes the notification; the alert and its history name the silence", async () => {
    await rule({ webhookUrl: url, forSeconds: 0 });
    await rule({ name: "latency-loud", webhookUrl: url, forSeconds: 0 });
    const silence = await createSilence({
      ctx: system,
      input: { matchers: [{ label: "alertname", value: "latency" }, { label: "pool", value: "web" }], comment: "deploying", startsAt: new Date(t0).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    await gauge("it_latency_ms", { web: 300 }, t0, t0 + 20 * SECOND);
    await tick(t0 + 20 * SECOND);

    const muted = await db.alert.findFirstOrThrow({ where: { rule: { name: "latency" } }, include: { events: true, notifications: true } });
    expect(muted).toMatchObject({ state: "firing", silencedBy: silence.id, notifications: [] });
    expect(muted.events[0]!.note).toBe(`notification muted by silence ${silence.id}`);
    const loud = await db.alert.findFirstOrThrow({ where: { rule: { name: "latency-loud" } }, include: { notifications: true } });
    expect(loud).toMatchObject({ silencedBy: null, notifications: [{ status: "delivered" }] });
    expect(received.map((r) => r.body.receiver)).toEqual(["latency-loud"]);
  });
});
