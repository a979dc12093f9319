import { expect, test } from "vitest";
import type { LogRecordInput } from "@/lib/telemetry/logs/record";
import { LogWriter } from "./log-writer";

const pod = { name: "web-1", nodeName: "node-a", workload: "web" };

test("pod lines carry their labels, level and trace; engine events their source and labels", async () => {
  const stored: LogRecordInput[] = [];
  const w = new LogWriter({ store: async (r) => void stored.push(...r), clock: () => 42 });
  w.podLine(pod, "stderr", JSON.stringify({ level: "warn", msg: "slow", trace_id: "4bf92f3577b34da6a3ce929d0e0e4736" }));
  w.event({ level: "error", message: "node node-a is NotReady", node: "node-a", labels: { loop: "node-lifecycle" } });
  w.event({ level: "warn", message: "pool web: retrying", source: "dataplane", traceId: "4bf92f3577b34da6a3ce929d0e0e4736" });
  await w.flush();
  expect(stored).toEqual([
    {
      at: 42,
      source: "pod",
      stream: "stderr",
      body: '{"level":"warn","msg":"slow","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}',
      level: "warn",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: null,
      pod: "web-1",
      node: "node-a",
      workload: "web",
      labels: { pod: "web-1", node: "node-a", workload: "web", stream: "stderr" },
    },
    { at: 42, source: "engine", level: "error", body: "node node-a is NotReady", node: "node-a", labels: { loop: "node-lifecycle", node: "node-a" } },
    { at: 42, source: "dataplane", level: "warn", body: "pool web: retrying", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", labels: {} },
  ]);
  expect(w.written).toBe(3);
});

test("writes in batches; a store that fails keeps records (bounded: the oldest are dropped and counted)", async () => {
  const batches: number[] = [];
  let down = true;
  const errors: unknown[] = [];
  const w = new LogWriter({
    capacity: 5,
    batchSize: 2,
    store: async (r) => {
      if (down) throw new Error("database down");
      batches.push(r.length);
    },
    onError: (e) => errors.push(e),
  });
  for (let i = 0; i < 4; i++) w.event({ level: "info", message: `e${i}` });
  await w.flush();
  await w.flush();
  expect(errors).toHaveLength(1); // reported once per outage
  expect(w.buffered).toBe(4);
  for (let i = 4; i < 8; i++) w.event({ level: "info", message: `e${i}` });
  expect(w.buffered).toBe(5);
  expect(w.dropped).toBe(3);
  down = false;
  await w.close();
  expect(batches).toEqual([2, 2, 1]);
  expect(w.written).toBe(5);
  expect(w.samples(7).map((s) => [s.name, s.value])).toEqual([
    ["stratus_log_records_written_total", 5],
    ["stratus_log_records_dropped_total", 3],
    ["stratus_log_records_buffered", 0],
  ]);
});

test("a full batch flushes without waiting for the timer once started; close writes the rest", async () => {
  const batches: string[][] = [];
  const w = new LogWriter({ batchSize: 3, flushIntervalMs: 60_000, store: async (r) => void batches.push(r.map((x) => x.body)) });
  w.start();
  for (let i = 0; i < 4; i++) w.event({ level: "info", message: `e${i}` });
  await w.flush();
  await w.close();
  expect(batches.flat()).toEqual(["e0", "e1", "e2", "e3"]);
  expect(batches[0]).toEqual(["e0", "e1", "e2"]);
});
