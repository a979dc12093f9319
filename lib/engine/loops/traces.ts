import type { DataPlaneTracing } from "@/lib/dataplane";
import { engineCtx } from "@/lib/server/auth/principal";
import { recordSamples } from "@/lib/server/dal/metrics";
import { pruneSpans, recordSpans } from "@/lib/server/dal/traces";
import { parseSampleRate } from "@/lib/telemetry/traces/sampler";
import { SpanBuffer } from "@/lib/telemetry/traces/span-buffer";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";

/** Spans held between passes (about 1 KiB each): past this the data plane drops and counts them. */
export const SPAN_BUFFER_CAPACITY = 50_000;
/** Spans written per pass, so one pass never stalls on a backlog. */
const FLUSH_MAX = 20_000;
const COUNTERS_INTERVAL_MS = 10_000;
const PRUNE_INTERVAL_MS = 60_000;

/**
 * The data plane's tracing, configured from the environment (STRATUS_TRACE_SAMPLE_RATE, default 0.1): the
 * proxies push finished spans into a bounded buffer (never blocking a request), and the `traces` loop writes
 * them in batches each pass, records how many were dropped, and prunes spans past their retention.
 */
export function dataPlaneTracing(env: NodeJS.ProcessEnv = process.env): { tracing: DataPlaneTracing; loop: TracesLoop } {
  const buffer = new SpanBuffer(SPAN_BUFFER_CAPACITY);
  return { tracing: { sampleRate: parseSampleRate(env.STRATUS_TRACE_SAMPLE_RATE), sink: buffer }, loop: tracesLoop(buffer) };
}

export interface TracesLoop extends Loop {
  /** Write every span still buffered (at shutdown, after the data plane drained), lease or not. */
  flush(): Promise<void>;
}

/** Spans are observations, not decisions: like metrics they are written unfenced (a duplicate is dropped). */
export function tracesLoop(buffer: SpanBuffer): TracesLoop {
  let lastCounters = Number.NEGATIVE_INFINITY;
  let lastPrune = Number.NEGATIVE_INFINITY;
  let written = 0;
  return {
    name: "traces",
    async tick({ write, now }: EngineDeps) {
      const spans = buffer.drain(FLUSH_MAX);
      if (spans.length > 0) {
        try {
          written += (await recordSpans({ ctx: write.ctx, spans })).accepted;
        } catch (error) {
          buffer.dropped += spans.length; // lost, not retried: a failing database must not grow the buffer
          throw error;
        }
      }
      if (now - lastCounters >= COUNTERS_INTERVAL_MS) {
        lastCounters = now;
        const labels = { source: "dataplane" };
        await recordSamples({
          ctx: write.ctx,
          samples: [
            { name: "stratus_trace_spans_written_total", kind: "counter", labels, value: written, at: now },
            { name: "stratus_trace_spans_dropped_total", kind: "counter", labels, value: buffer.dropped, at: now },
          ],
        });
      }
      if (now - lastPrune >= PRUNE_INTERVAL_MS) {
        lastPrune = now;
        await pruneSpans({ ctx: write.ctx, now });
      }
    },
    async flush() {
      const spans = buffer.drain();
      if (spans.length > 0) written += (await recordSpans({ ctx: engineCtx("traces"), spans })).accepted;
    },
  };
}
