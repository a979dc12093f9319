/** Autoscaling: decide a replica count from metrics, a policy and the stored history. */
export { decideScale } from "./decide-scale";
export { EMPTY_HISTORY, lastScaleAt, recordDecision } from "./history";
export { summarizePodCpu } from "./pod-cpu-summary";
export { metricKey } from "./target/metric-proposals";
export {
  DEFAULT_METRIC_WINDOW_MS,
  DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS,
  DEFAULT_TOLERANCE,
  MAX_PERIOD_SECONDS,
  MAX_STABILIZATION_WINDOW_SECONDS,
} from "./target/defaults";
export { validatePolicy } from "./validate-policy";
export type * from "./types";
