/** What the console knows about a backend's liveness; also the balancer's input (only "healthy" gets traffic). */
export type HealthStatus = "unknown" | "healthy" | "unhealthy";

/** Statuses a check accepts: one code (ELB/Envoy default 200) or an inclusive range such as 200–399. */
export type ExpectedStatus = number | { readonly min: number; readonly max: number };

export interface HealthCheckConfig {
  /** Path probed with GET on the backend's traffic port. */
  readonly path: string;
  readonly intervalMs: number;
  /** Must be shorter than the interval (as ELB requires), so probes never overlap. */
  readonly timeoutMs: number;
  /** Consecutive passes that turn an unhealthy backend healthy. */
  readonly healthyThreshold: number;
  /** Consecutive failures that turn a healthy backend unhealthy. */
  readonly unhealthyThreshold: number;
  readonly expectedStatus: ExpectedStatus;
}

/** The classified outcome of one probe; failures carry their reason (ELB reason codes, Envoy event log). */
export type CheckResult =
  | { readonly outcome: "passed"; readonly status: number }
  | { readonly outcome: "status_mismatch"; readonly status: number }
  | { readonly outcome: "timeout" }
  | { readonly outcome: "connection_refused" }
  | { readonly outcome: "connection_error"; readonly code: string };

export type CheckOutcome = CheckResult["outcome"];

export interface CheckState {
  readonly status: HealthStatus;
  readonly consecutivePasses: number;
  readonly consecutiveFailures: number;
  readonly lastResult: CheckResult | null;
  readonly lastCheckedAt: number | null;
  /** When `status` last changed (null while still unknown). */
  readonly changedAt: number | null;
}

/** A status change with its cause, for the event log and the UI. */
export interface HealthTransition {
  readonly from: HealthStatus;
  readonly to: HealthStatus;
  readonly reason: CheckResult;
  readonly at: number;
}
