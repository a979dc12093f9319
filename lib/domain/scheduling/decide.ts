import type { ClusterState } from "./cluster-state";
import type { Cursor } from "./cursor";
import { explainUnschedulable } from "./explain";
import { prepareFilters, type PreparedFilter } from "./filters";
import { pickIpHash } from "./pickers/ip-hash";
import { pickRoundRobin } from "./pickers/round-robin";
import { pickScored } from "./pickers/scored";
import { pickWeightedRoundRobin } from "./pickers/weighted-round-robin";
import { podInfo, type PodInfo } from "./pod-info";
import { DEFAULT_WEIGHT_LABEL, scorePlan, type SchedulingProfile } from "./profiles";
import type { Rng } from "../random";
import type { FilterRefusal, Pod } from "./types";

/** Chooses among the nodes the filters accept; -1 when none does. */
export type Chooser = (
  cluster: ClusterState,
  pod: PodInfo,
  filters: readonly PreparedFilter[],
  rng: Rng,
  cursor: Cursor,
) => number;

/** The profile's way of choosing, resolved once per call rather than per pod. */
export function chooserFor(profile: SchedulingProfile): Chooser {
  switch (profile.kind) {
    case "round_robin":
      return (cluster, _pod, filters, _rng, cursor) => pickRoundRobin(cluster, filters, cursor);
    case "weighted_round_robin": {
      const label = profile.weightLabel ?? DEFAULT_WEIGHT_LABEL;
      return (cluster, _pod, filters, _rng, cursor) => pickWeightedRoundRobin(cluster, filters, cursor, label);
    }
    case "ip_hash":
      return (cluster, pod, filters) => pickIpHash(cluster, filters, pod.pod.name);
    default: {
      // Every other kind is a scoring profile, so it has a plan.
      const plan = scorePlan(profile)!;
      return (cluster, pod, filters, rng, cursor) => pickScored(pod, cluster, filters, plan, rng, cursor);
    }
  }
}

export type Decision = { placed: true; node: number } | { placed: false; table: FilterRefusal[]; summary: string };

/** One scheduling decision on a cluster state. Binds nothing: the caller decides whether to account it. */
export function decide(cluster: ClusterState, pod: Pod, choose: Chooser, rng: Rng, cursor: Cursor): Decision {
  const info = podInfo(pod, cluster);
  const filters = prepareFilters(info, cluster);
  const node = choose(cluster, info, filters.fast, rng, cursor);
  if (node >= 0) return { placed: true, node };
  return { placed: false, ...explainUnschedulable(cluster, filters.all) };
}
