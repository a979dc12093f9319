import type { HealthCheck } from "@/lib/schemas/pool";

const seconds = (ms: number) => `${ms / 1000} s`;

/** "GET /healthz every 5 s, 2 s timeout" for a table cell. */
export const healthCheckShort = (h: HealthCheck) => `GET ${h.path} every ${seconds(h.intervalMs)}, ${seconds(h.timeoutMs)} timeout`;

/** The full rule, for a tooltip or a detail page. */
export const healthCheckLong = (h: HealthCheck) =>
  `GET ${h.path} every ${seconds(h.intervalMs)} with a ${seconds(h.timeoutMs)} timeout, expecting HTTP ${h.expectedStatus}. ` +
  `A backend turns healthy after ${h.healthyThreshold} passing check${h.healthyThreshold === 1 ? "" : "s"} in a row and unhealthy after ${h.unhealthyThreshold} failing.`;
