import "server-only";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";

/**
 * Stratus's own metrics (served at /metrics in Prometheus text format): process metrics plus ingest counters. One
 * registry per process, kept on globalThis so dev reloads do not register the same metric twice.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "stratus_" });
  return {
    registry,
    samplesAccepted: new Counter({ name: "stratus_metrics_ingest_samples_total", help: "Samples stored by metric ingest.", labelNames: ["protocol"], registers: [registry] }),
    refused: new Counter({
      name: "stratus_metrics_ingest_refused_requests_total",
      help: "Ingest requests refused by backpressure (reason: rate or size).",
      labelNames: ["protocol", "reason"],
      registers: [registry],
    }),
    refusedSamples: new Counter({ name: "stratus_metrics_ingest_refused_samples_total", help: "Samples in requests refused by the rate limit.", labelNames: ["protocol"], registers: [registry] }),
  };
}

const g = globalThis as unknown as { stratusSelfMetrics?: ReturnType<typeof create> };
export const selfMetrics = (g.stratusSelfMetrics ??= create());
