/**
 * Public types of the autoscaling domain. Plain data only, so the data layer can store
 * snapshots, histories and decisions as JSON and the console can replay them.
 *
 * Units: time is epoch milliseconds (`now`, `at`), except HPA behavior fields which keep
 * Kubernetes' names and units (`*Seconds`) so users can copy HPA specs verbatim.
 * CPU is in millicores; utilization is a percentage of the pod's CPU request (0–100+).
 */

/** Kubernetes pod phases; only `Failed` and `Pending` change how a pod is counted. */
export type PodPhase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";

/** One raw observation of a pod, as the metrics pipeline stores it. */
export interface PodCpuSample {
  podId: string;
  ready: boolean;
  phase: PodPhase;
  /** Usage in millicores at `at`; `null` means a status-only sample (pod exists, no reading). */
  cpuMillis: number | null;
  /** Sum of the pod's container CPU requests, in millicores. */
  requestMillis: number;
  at: number;
  /** The pod has a deletion timestamp (terminating). */
  deleting?: boolean;
}

/** A pod as seen over a window: latest status plus its mean CPU usage in the window. */
export interface PodCpuSummary {
  podId: string;
  phase: PodPhase;
  ready: boolean;
  deleting: boolean;
  requestMillis: number;
  /** Mean usage of the readings inside the window; `undefined` = no reading (missing metric). */
  cpuMillis: number | undefined;
  /** cpuMillis as a percentage of requestMillis; `undefined` when either is unknown or the request is 0. */
  utilizationPercent: number | undefined;
  /** Number of usage readings that fell inside the window. */
  samplesInWindow: number;
  lastSeenAt: number;
}

/** What the autoscaler sees at decision time. */
export interface ScaleSnapshot {
  /** The scale target's desired replica count right now (HPA: `scale.spec.replicas`). */
  currentReplicas: number;
  /**
   * Raw CPU samples of the target's pods; they double as the pod list, so pass samples of pods
   * that exist now (a pod without any reading can be passed as a status-only sample).
   */
  cpuSamples: readonly PodCpuSample[];
  /** Pods metrics (HPA `type: Pods`), already averaged by the metrics pipeline: name → podId → value. */
  podMetrics?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Object metrics (HPA `type: Object`): name → value. */
  objectMetrics?: Readonly<Record<string, number>>;
  /** Metrics the pipeline failed to fetch, keyed by `metricKey(spec)`; such a metric is invalid. */
  metricErrors?: Readonly<Record<string, string>>;
}

/** The seed's AutoScalingConfig, with the seed's bugs fixed (see threshold/decide-threshold.ts). */
export interface ThresholdPolicy {
  mode: "threshold";
  minReplicas: number;
  maxReplicas: number;
  /** Informational target line for the console (the seed never used it); must sit between the thresholds. */
  targetCpu?: number;
  /** Average utilization (% of request) strictly above this adds `step` replicas. */
  scaleUpThreshold: number;
  /** Average utilization strictly below this removes `step` replicas. */
  scaleDownThreshold: number;
  /** No action until this long after the last scale event. */
  cooldownMs: number;
  /** Replicas added or removed per action; default 1. */
  step?: number;
  /** CPU readings older than this are not averaged. */
  windowMs: number;
}

/** HPA v2 metric sources the console supports. */
export type MetricSpec =
  | { type: "resource"; resource: "cpu"; targetAverageUtilization: number }
  | { type: "pods"; name: string; targetAverageValue: number }
  | { type: "object"; name: string; target: ObjectMetricTarget };

export type ObjectMetricTarget = { type: "Value"; value: number } | { type: "AverageValue"; averageValue: number };

/** HPA `HPAScalingPolicy`: how much may change within `periodSeconds`. */
export interface HpaRatePolicy {
  type: "Pods" | "Percent";
  value: number;
  periodSeconds: number;
}

/** HPA `HPAScalingRules`; every field is optional and defaulted like the Kubernetes API does. */
export interface HpaScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: "Max" | "Min" | "Disabled";
  policies?: readonly HpaRatePolicy[];
  /** Per-direction tolerance (KEP-4951); defaults to the policy-level tolerance. */
  tolerance?: number;
}

/** Kubernetes HorizontalPodAutoscaler v2 semantics. */
export interface TargetPolicy {
  mode: "target";
  minReplicas: number;
  maxReplicas: number;
  metrics: readonly MetricSpec[];
  behavior?: { scaleUp?: HpaScalingRules; scaleDown?: HpaScalingRules };
  /** The controller's `--horizontal-pod-autoscaler-tolerance`; default 0.1. */
  tolerance?: number;
  /** CPU readings older than this are not averaged; default 60 s. */
  metricWindowMs?: number;
}

export type AutoscalingPolicy = ThresholdPolicy | TargetPolicy;

/** An unstabilized HPA recommendation, kept for the stabilization windows. */
export interface Recommendation {
  at: number;
  replicas: number;
}

/** A scale that was carried out; feeds cooldown (threshold) and rate policies (target). */
export interface ScaleEvent {
  at: number;
  fromReplicas: number;
  toReplicas: number;
}

/** Everything the autoscaler remembers between decisions; the caller stores it. */
export interface ScaleHistory {
  recommendations: readonly Recommendation[];
  events: readonly ScaleEvent[];
}

/** Entries the caller appends to its stored history after a decision (see `recordDecision`). */
export interface HistoryEntries {
  /** Append always. */
  recommendations: Recommendation[];
  /** Append only once the scale was actually applied. */
  events: ScaleEvent[];
}

export type ScaleAction = "scale_up" | "scale_down" | "none";

export type RuleName =
  | "validation"
  | "cooldown"
  | "range"
  | "disabled"
  | "pods"
  | "average"
  | "threshold"
  | "metric"
  | "tolerance"
  | "missing_metrics"
  | "not_ready_pods"
  | "recompute"
  | "combine"
  | "stabilization"
  | "rate_limit";

/** One rule applied, in order; `detail` and `effect` are human-readable. */
export interface RuleStep {
  rule: RuleName;
  detail: string;
  effect: string;
  /** The replica count this rule produced, when it produced one. */
  replicas?: number;
}

/** Per-metric outcome in target mode (HPA status.currentMetrics plus the proposal). */
export type MetricEvaluation =
  | {
      key: string;
      ok: true;
      /** Current value in the metric's own unit (utilization %, average value, object value). */
      current: number;
      target: number;
      ratio: number;
      proposedReplicas: number;
    }
  | { key: string; ok: false; error: string };

export interface DecisionInputs {
  mode: AutoscalingPolicy["mode"];
  now: number;
  currentReplicas: number;
  windowMs: number;
  pods: PodCpuSummary[];
}

export interface DecisionResult {
  desiredReplicas: number;
  action: ScaleAction;
  reason: string;
}

export interface ScaleDecision {
  inputs: DecisionInputs;
  steps: RuleStep[];
  /** Target mode only: one entry per metric spec, in spec order. */
  metrics: MetricEvaluation[];
  result: DecisionResult;
  persist: HistoryEntries;
  /** `steps` and `result` rendered as sentences, for logs and the console's replay view. */
  explanation: string[];
}
