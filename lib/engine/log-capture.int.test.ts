/**
 * The worker's log capture, end to end on real processes and a real database: a pod's stdout lines (with their
 * level, workload and the trace id of the request they belong to) and the engine's own events land in the log
 * store through the bounded, batched writer.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { systemPrincipal } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { queryLogs, type LogItem } from "@/lib/server/dal/logs";
import { resetDatabase } from "@/lib/testing/database";
import { Engine } from "./engine";
import { LogWriter } from "./log-writer";
import { PodMetricsWindow } from "./metrics-window";
import { LocalProcessDriver } from "./runtime/local-driver";

const system = { principal: systemPrincipal };
const TRACE = "0af7651916cd43dd8448eb211c80319c";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(100);
  }
}

let driver: LocalProcessDriver;
let logs: LogWriter;
beforeEach(async () => {
  await resetDatabase();
  logs = new LogWriter({ flushIntervalMs: 100 });
  logs.start();
  driver = new LocalProcessDriver({ onLog: (pod, stream, line) => logs.podLine(pod, stream, line) });
});
afterEach(async () => {
  await driver.close();
  await logs.close();
});

const records = async (query: Record<string, string>): Promise<LogItem[]> => (await queryLogs({ ctx: system, query: { from: "1h", ...query } })).items;

test("a pod's stdout ends up in the store with its labels, level and the trace id of the request", async () => {
  const pod = await driver.ensureRunning({ name: "web-abc12", image: "stratus/demo-http", nodeName: "node-a", env: {}, workload: "web" });
  await eventually(() => fetch(`http://127.0.0.1:${pod.port}/healthz`).then((r) => (r.ok ? true : undefined), () => undefined));
  const res = await fetch(`http://127.0.0.1:${pod.port}/cart`, { headers: { traceparent: `00-${TRACE}-b7ad6b7169203331-01` } });
  expect(res.status).toBe(200);
  await driver.stop("web-abc12"); // SIGTERM: the service says goodbye on stdout
  await logs.flush();

  const lines = await records({ pod: "web-abc12" });
  expect(lines.map((l) => JSON.parse(l.body).msg)).toEqual(["shutting down (SIGTERM) after 1 requests", "GET /cart 200", "listening"]);
  for (const l of lines) expect(l).toMatchObject({ source: "pod", stream: "stdout", level: "info", pod: "web-abc12", node: "node-a", workload: "web" });
  expect(lines[1]).toMatchObject({ traceId: TRACE });
  expect(lines[1]!.labels).toMatchObject({ pod: "web-abc12", node: "node-a", workload: "web", stream: "stdout" });
  // The trace finds the line that belongs to it.
  expect((await records({ traceId: TRACE })).map((l) => l.id)).toEqual([lines[1]!.id]);
});

describe("engine events", () => {
  test("creating, scheduling, starting, readiness, a kill and the replacement are written as source=engine records", async () => {
    await db.node.create({
      data: { name: "node-a", capacity: { cpuMillis: 4000, memoryMiB: 8192, pods: 10 }, allocatable: { cpuMillis: 4000, memoryMiB: 8192, pods: 10 }, conditions: [{ type: "Ready", status: "True" }] },
    });
    const web = await db.resource.create({
      data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 1, resources: { cpuMillis: 100, memoryMiB: 64 }, ports: [], volumes: [], env: {} } },
    });
    const engine = new Engine({ holder: "log-test", runtime: { driver, metrics: new PodMetricsWindow() }, events: (e) => logs.event(e) });
    const readyPod = () => db.pod.findFirst({ where: { ownerId: web.id, phase: "running", ready: true } });
    const first = await eventually(async () => (await engine.pass(), (await readyPod()) ?? undefined));
    await db.pod.update({ where: { id: first.id }, data: { killRequested: true } });
    await eventually(async () => (await engine.pass(), (await db.pod.findFirst({ where: { ownerId: web.id, ready: true, NOT: { id: first.id } } })) ?? undefined), 20_000);
    await logs.flush();

    const events = (await records({ source: "engine", limit: "200" })).reverse();
    const messages = events.map((e) => e.body);
    const index = (pattern: RegExp) => messages.findIndex((m) => pattern.test(m));
    const steps = [
      new RegExp(`^workload web: created pod ${first.name} \\(1 of 1 replicas\\)$`),
      new RegExp(`^pod ${first.name} scheduled on node node-a$`),
      new RegExp(`^pod ${first.name}: started stratus/demo-http on node node-a \\(pid \\d+, port \\d+\\)$`),
      new RegExp(`^pod ${first.name} is ready$`),
      new RegExp(`^pod ${first.name}: killing its process, as requested$`),
      new RegExp(`^pod ${first.name}: process killed by SIGKILL$`),
      new RegExp(`^workload web: replacing failed pod ${first.name} \\(process killed by SIGKILL\\)$`),
    ];
    const found = steps.map(index);
    expect(found.every((i) => i >= 0), messages.join("\n")).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found); // in the order they happened
    const exited = events[found[5]!]!;
    expect(exited).toMatchObject({ level: "error", source: "engine", pod: first.name, node: "node-a", workload: "web" });
    expect(exited.labels).toMatchObject({ loop: "kubelet", signal: "SIGKILL" });
  }, 60_000);
});
