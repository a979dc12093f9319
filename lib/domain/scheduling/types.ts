/**
 * Shapes the scheduler reads and returns. They mirror the JSON the database stores for nodes and pods
 * (a trimmed Kubernetes v1 Node / Pod), so the engine can pass rows straight in.
 */

export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

export interface Toleration {
  /** Empty or absent with operator Exists tolerates every key. */
  key?: string;
  /** Absent means Equal. */
  operator?: "Equal" | "Exists";
  value?: string;
  /** Absent tolerates every effect. */
  effect?: TaintEffect;
}

export interface ResourceRequests {
  cpuMillis: number;
  memoryMiB: number;
}

export interface Allocatable extends ResourceRequests {
  /** Maximum number of pods on the node. */
  pods: number;
}

export interface ClusterNode {
  name: string;
  allocatable: Allocatable;
  labels: Record<string, string>;
  taints: Taint[];
  /** Cordoned (`kubectl cordon`). */
  unschedulable: boolean;
  /** From the node's Ready condition. */
  ready: boolean;
}

export type NodeSelectorOperator = "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";

export interface NodeSelectorRequirement {
  key: string;
  operator: NodeSelectorOperator;
  values?: string[];
}

/** AND of its expressions; a term without expressions matches no node (as in Kubernetes). */
export interface NodeSelectorTerm {
  matchExpressions: NodeSelectorRequirement[];
}

export interface PreferredSchedulingTerm {
  /** 1–100. */
  weight: number;
  preference: NodeSelectorTerm;
}

export interface NodeAffinity {
  /** OR of terms. Absent or empty: no requirement. */
  required?: NodeSelectorTerm[];
  preferred?: PreferredSchedulingTerm[];
}

export interface PodAffinityTerm {
  /** matchLabels; `{}` selects every pod. */
  labelSelector: Record<string, string>;
  topologyKey: string;
}

export interface WeightedPodAffinityTerm {
  /** 1–100. */
  weight: number;
  term: PodAffinityTerm;
}

export interface PodAffinityRules {
  required?: PodAffinityTerm[];
  preferred?: WeightedPodAffinityTerm[];
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway";
  labelSelector: Record<string, string>;
}

export interface Affinity {
  nodeAffinity?: NodeAffinity;
  podAffinity?: PodAffinityRules;
  podAntiAffinity?: PodAffinityRules;
  topologySpread?: TopologySpreadConstraint[];
}

export interface Pod {
  name: string;
  labels: Record<string, string>;
  requests: ResourceRequests;
  /** Set when bound; existing placements are pods with a nodeName. */
  nodeName: string | null;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  affinity: Affinity;
}

export interface Cluster {
  nodes: readonly ClusterNode[];
  /** Bound pods count against their node; pods with nodeName null are ignored. */
  pods: readonly Pod[];
}

/** kube-scheduler filter plugins, in the order kube-scheduler runs them (NodeReady is ours: see filters/node-ready.ts). */
export type FilterName =
  | "NodeUnschedulable"
  | "NodeReady"
  | "TaintToleration"
  | "NodeAffinity"
  | "NodeResourcesFit"
  | "PodTopologySpread"
  | "InterPodAffinity";

/** One row of the "why is this pod pending" view: the first filter that refused the node. */
export interface FilterRefusal {
  node: string;
  filter: FilterName;
  reason: string;
}

/** Cursor state that rotating profiles carry from one decision to the next. Plain JSON. */
export interface SchedulerState {
  /** kube-scheduler's nextStartNodeIndex: where the next sampled search begins. */
  nextStartIndex: number;
  /** round_robin: the node chosen last. */
  lastNode: string | null;
  /** weighted_round_robin: smooth-WRR current weight per node name (absent = 0). */
  wrrCurrent: Record<string, number>;
}

export interface Scheduled {
  unschedulable: false;
  nodeName: string;
  /** True when the pod already had a node: nothing was decided. */
  alreadyBound?: true;
  state: SchedulerState;
}

export interface Unschedulable {
  unschedulable: true;
  /** One row per node, the first filter that refused it. */
  table: FilterRefusal[];
  /** kube-scheduler FitError text: "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) were unschedulable." */
  summary: string;
  state: SchedulerState;
}

export type ScheduleResult = Scheduled | Unschedulable;
