import type { CheckOutcome, CheckResult, CheckState, HealthCheckConfig, HealthStatus, ProbeOutcome } from "../../domain/health";

/** One backend to check. `backendId` identifies it across setTargets calls. */
export interface HealthCheckTarget {
  readonly backendId: string;
  readonly poolId: string;
  readonly address: string;
  readonly port: number;
  readonly config: HealthCheckConfig;
  /** Health to start from, e.g. as recorded before a worker restart; default "unknown". */
  readonly initialHealth?: HealthStatus;
}

/** A health change, for the data plane, the database and the event log. */
export interface HealthTransitionEvent {
  readonly backendId: string;
  readonly poolId: string;
  readonly from: HealthStatus;
  readonly to: HealthStatus;
  /** ELB-style reason of the check that caused it. */
  readonly reason: CheckOutcome;
  /** Human-readable: "HTTP 503, expected 200", "no response within 2000 ms", the SSRF refusal, … */
  readonly detail: string;
  readonly at: number;
}

/** Every probe's outcome, for metrics. */
export interface ProbeResultEvent {
  readonly backendId: string;
  readonly poolId: string;
  readonly result: CheckResult;
  readonly detail: string;
  /** The backend's health after this result. */
  readonly health: HealthStatus;
  /** When the probe was due, started and finished (ms since the epoch); startedAt − dueAt is scheduling lateness. */
  readonly dueAt: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface ProbeRequest {
  /** Stable per target (its backendId): the prober keeps one keep-alive connection per key. */
  readonly key: string;
  readonly address: string;
  readonly port: number;
  readonly path: string;
  readonly timeoutMs: number;
}

export interface ProbeResponse {
  readonly outcome: ProbeOutcome;
  /** Extra words for the event log, e.g. why the SSRF guard refused the address. */
  readonly detail?: string;
}

/** Performs one probe. Never rejects: failures are outcomes. */
export interface Prober {
  probe(request: ProbeRequest): Promise<ProbeResponse>;
  /** The target is gone or moved: drop its connection. */
  forget(key: string): void;
  close(): Promise<void>;
}

export interface TargetHealth {
  readonly target: HealthCheckTarget;
  readonly state: CheckState;
  readonly nextCheckAt: number;
}
