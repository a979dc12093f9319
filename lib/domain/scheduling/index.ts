/**
 * Pod scheduling for the console: kube-scheduler's filters and scores, the seed's strategies as profiles,
 * batch placement and drain planning. Pure: no I/O, no clock; randomness is an injected Rng.
 */
export { schedule } from "./schedule";
export { scheduleBatch, type BatchOptions, type BatchResult, type Binding, type PendingPod, type SkippedPod } from "./batch";
export { planDrain, type DrainMove, type DrainPlan } from "./drain";
export { initialSchedulerState } from "./cursor";
export { fitErrorSummary, NO_NODES_AVAILABLE } from "./explain";
export { numFeasibleNodesToFind } from "./sampling";
export {
  DEFAULT_PROFILE,
  DEFAULT_WEIGHT_LABEL,
  PROFILE_KINDS,
  kubeDefaultWeights,
  type ProfileKind,
  type SamplingOptions,
  type SchedulingProfile,
  type ScoringStrategy,
} from "./profiles";
export { SCORE_NAMES, type ScoreName } from "./scores";
export type * from "./types";
