import "server-only";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";

/** The telemetry signals Stratus ingests, each with its own limits and counters. */
export type Signal = "metrics" | "logs" | "traces";
/** What one signal counts in: the unit of its rate limit and of its accepted/refused counters. */
export const SIGNAL_UNITS: Record<Signal, string> = { metrics: "samples", logs: "records", traces: "spans" };

function ingestCounters(registry: Registry, signal: Signal) {
  const unit = SIGNAL_UNITS[signal];
  return {
    accepted: new Counter({ name: `stratus_${signal}_ingest_${unit}_total`, help: `${cap(unit)} stored by ${signal} ingest.`, labelNames: ["protocol"], registers: [registry] }),
    refused: new Counter({
      name: `stratus_${signal}_ingest_refused_requests_total`,
      help: `${cap(signal)} ingest requests refused by backpressure (reason: rate or size).`,
      labelNames: ["protocol", "reason"],
      registers: [registry],
    }),
    refusedItems: new Counter({
      name: `stratus_${signal}_ingest_refused_${unit}_total`,
      help: `${cap(unit)} in ${signal} ingest requests refused by the rate limit.`,
      labelNames: ["protocol"],
      registers: [registry],
    }),
  };
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Stratus's own metrics (served at /metrics in Prometheus text format): process metrics plus ingest counters per
 * signal. One registry per process, kept on globalThis so dev reloads do not register the same metric twice.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "stratus_" });
  return {
    registry,
    ingest: { metrics: ingestCounters(registry, "metrics"), logs: ingestCounters(registry, "logs"), traces: ingestCounters(registry, "traces") } satisfies Record<Signal, unknown>,
  };
}

const g = globalThis as unknown as { stratusSelfMetrics?: ReturnType<typeof create> };
// A dev reload may find an older shape on globalThis: start over then.
export const selfMetrics = (g.stratusSelfMetrics = g.stratusSelfMetrics?.ingest?.logs ? g.stratusSelfMetrics : create());
