import { LatencyHistogram } from "./latency-histogram";

/** Counters for one backend (per attempt) or one pool (per client request). */
export class RequestCounters {
  totalRequests = 0;
  failedRequests = 0;
  activeConnections = 0;
  readonly latency = new LatencyHistogram();

  started(): void {
    this.activeConnections++;
  }

  /** A request ended; `failed` is a 5xx from upstream or a proxy error. Latency in ms. */
  finished(latencyMs: number, failed: boolean): void {
    this.activeConnections = Math.max(0, this.activeConnections - 1);
    this.totalRequests++;
    if (failed) this.failedRequests++;
    this.latency.observe(latencyMs);
  }
}
