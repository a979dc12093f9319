import { engineCtx } from "@/lib/server/auth/principal";
import { recordLogs } from "@/lib/server/dal/logs";
import { BoundedBuffer } from "@/lib/telemetry/logs/bounded-buffer";
import { podLineFacts } from "@/lib/telemetry/logs/pod-line";
import type { LogRecordInput } from "@/lib/telemetry/logs/record";
import type { Sample } from "@/lib/telemetry/sample";
import type { EngineEvent } from "./events";
import type { PodLogSource } from "./runtime/local-driver";

export interface LogWriterOptions {
  /** Records held at most while the store is slow or down; past it the oldest are dropped (and counted). */
  capacity?: number;
  /** And body characters held at most (a record's body is at most 16 Ki characters). */
  maxBufferedChars?: number;
  /** A flush starts once this many records wait, and writes at most this many per statement. */
  batchSize?: number;
  /** And at least this often while anything waits. */
  flushIntervalMs?: number;
  /** Where records go; default the log store, as the engine. */
  store?: (records: LogRecordInput[]) => Promise<void>;
  clock?: () => number;
  onError?: (error: unknown) => void;
}

const defaultStore = async (records: LogRecordInput[]) => {
  await recordLogs({ ctx: engineCtx("logs"), records });
};

/**
 * The worker's log pipeline: pod output lines and engine/data-plane events go into a bounded buffer, and are
 * written in batches (one multi-row INSERT each) every `flushIntervalMs` or as soon as `batchSize` wait. Pushing
 * never blocks and never throws; when the store falls behind or fails, memory stays within `capacity` records and
 * `maxBufferedChars`: the oldest are dropped and counted (a failed batch is put back in front, as far as room allows).
 */
export class LogWriter {
  private readonly buffer: BoundedBuffer<LogRecordInput>;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly store: (records: LogRecordInput[]) => Promise<void>;
  private readonly clock: () => number;
  private readonly onError: (error: unknown) => void;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failing = false;
  written = 0;

  constructor(options: LogWriterOptions = {}) {
    this.buffer = new BoundedBuffer<LogRecordInput>(options.capacity ?? 20_000, options.maxBufferedChars ?? 16 * 1024 * 1024, (r) => r.body.length);
    this.batchSize = options.batchSize ?? 1_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.store = options.store ?? defaultStore;
    this.clock = options.clock ?? Date.now;
    this.onError = options.onError ?? ((error) => console.error("logs: writing records failed; they stay buffered (bounded)", error));
  }

  get buffered(): number {
    return this.buffer.size;
  }

  get dropped(): number {
    return this.buffer.dropped;
  }

  push(record: LogRecordInput): void {
    this.buffer.push(record);
    if (this.buffer.size >= this.batchSize && this.timer !== null) void this.flush();
  }

  /** A line of a pod's stdout/stderr, with its level and trace read from the line itself. */
  podLine(pod: PodLogSource, stream: "stdout" | "stderr", line: string): void {
    const facts = podLineFacts(line, stream);
    this.push({
      at: this.clock(),
      source: "pod",
      stream,
      body: line,
      level: facts.level,
      traceId: facts.traceId,
      spanId: facts.spanId,
      pod: pod.name,
      node: pod.nodeName,
      workload: pod.workload,
      labels: { pod: pod.name, node: pod.nodeName, ...(pod.workload ? { workload: pod.workload } : {}), stream },
    });
  }

  /** An engine or data-plane event. */
  event(e: EngineEvent): void {
    const labels = { ...e.labels, ...(e.pod ? { pod: e.pod } : {}), ...(e.node ? { node: e.node } : {}), ...(e.workload ? { workload: e.workload } : {}) };
    this.push({ at: this.clock(), source: e.source ?? "engine", level: e.level, body: e.message, pod: e.pod, node: e.node, workload: e.workload, traceId: e.traceId, labels });
  }

  /** Flush on a timer from now on (the timer does not keep the process alive). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  /** Write what is buffered, a batch at a time; one flush runs at a time (a second call waits for it). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.size > 0) {
      const batch = this.buffer.take(this.batchSize);
      try {
        await this.store(batch);
        this.written += batch.length;
        this.failing = false;
      } catch (error) {
        this.buffer.unshift(batch);
        if (!this.failing) this.onError(error); // once per outage, not once a second
        this.failing = true;
        return;
      }
    }
  }

  /** Stop the timer and write what is left. */
  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** The pipeline's own counters, recorded by the metrics loop beside the engine's other metrics. */
  samples(now: number): Sample[] {
    return [
      { name: "stratus_log_records_written_total", kind: "counter", labels: {}, at: now, value: this.written },
      { name: "stratus_log_records_dropped_total", kind: "counter", labels: {}, at: now, value: this.dropped },
      { name: "stratus_log_records_buffered", kind: "gauge", labels: {}, at: now, value: this.buffered },
    ];
  }
}
