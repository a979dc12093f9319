import { ExistingTermIndex } from "./existing-terms";
import { PodLabelIndex, type BoundPod } from "./pod-label-index";
import { TaintSets } from "./taint-sets";
import { TopologyIndex } from "./topology-index";
import type { Cluster, ClusterNode, Pod } from "./types";

export interface ClusterStateOptions {
  /** A node being drained: refused by NodeUnschedulable even for pods that tolerate cordons. */
  drainedNode?: string;
}

/**
 * The scheduler's working copy of a cluster: node facts and requested totals in typed arrays, indexed
 * by node position, plus the label/topology indexes. `bind` updates everything incrementally, so a batch
 * never re-reads the pod list. Built fresh per call; the caller's objects are never mutated.
 */
export class ClusterState {
  readonly nodes: readonly ClusterNode[];
  readonly size: number;
  readonly nodeIndex = new Map<string, number>();
  readonly allocCpu: Float64Array;
  readonly allocMem: Float64Array;
  readonly allocPods: Float64Array;
  readonly reqCpu: Float64Array;
  readonly reqMem: Float64Array;
  readonly podCount: Int32Array;
  /** 1 where cordoned. */
  readonly unschedulable: Uint8Array;
  /** 1 where the Ready condition is true. */
  readonly ready: Uint8Array;
  readonly drainedNode: number;
  readonly taints: TaintSets;
  readonly topology: TopologyIndex;
  readonly bound: BoundPod[] = [];
  /** Pod name → node index (-1 when bound to a node this cluster does not list). */
  readonly boundNames = new Map<string, number>();
  readonly podLabels: PodLabelIndex;
  readonly existingTerms: ExistingTermIndex;
  /** Static filter verdicts per pod signature (see filters/static-verdicts.ts). */
  readonly staticVerdicts = new Map<string, Uint8Array>();
  /** Scratch buffers reused by every decision (one decision at a time). */
  readonly feasible: Int32Array;
  readonly totals: Float64Array;
  readonly scores: Float64Array;

  constructor(cluster: Cluster, options: ClusterStateOptions = {}) {
    const n = cluster.nodes.length;
    this.nodes = cluster.nodes;
    this.size = n;
    this.allocCpu = new Float64Array(n);
    this.allocMem = new Float64Array(n);
    this.allocPods = new Float64Array(n);
    this.reqCpu = new Float64Array(n);
    this.reqMem = new Float64Array(n);
    this.podCount = new Int32Array(n);
    this.unschedulable = new Uint8Array(n);
    this.ready = new Uint8Array(n);
    cluster.nodes.forEach((node, i) => {
      this.nodeIndex.set(node.name, i);
      this.allocCpu[i] = node.allocatable.cpuMillis;
      this.allocMem[i] = node.allocatable.memoryMiB;
      this.allocPods[i] = node.allocatable.pods;
      this.unschedulable[i] = node.unschedulable ? 1 : 0;
      this.ready[i] = node.ready ? 1 : 0;
    });
    this.drainedNode = options.drainedNode === undefined ? -1 : (this.nodeIndex.get(options.drainedNode) ?? -1);
    this.taints = new TaintSets(cluster.nodes);
    this.topology = new TopologyIndex(cluster.nodes);
    this.podLabels = new PodLabelIndex(this.topology, n, this.bound);
    this.existingTerms = new ExistingTermIndex(this.topology);
    this.feasible = new Int32Array(n);
    this.totals = new Float64Array(n);
    this.scores = new Float64Array(n);
    for (const pod of cluster.pods) {
      if (pod.nodeName !== null) this.bind(pod, this.nodeIndex.get(pod.nodeName) ?? -1);
    }
  }

  /** Account a pod on a node (index -1: bound somewhere unknown, remembered only by name). */
  bind(pod: Pod, node: number): void {
    this.boundNames.set(pod.name, node);
    if (node < 0) return;
    this.reqCpu[node]! += pod.requests.cpuMillis;
    this.reqMem[node]! += pod.requests.memoryMiB;
    this.podCount[node]! += 1;
    const bound = { labels: pod.labels, node };
    this.bound.push(bound);
    this.podLabels.add(bound);
    this.existingTerms.add(pod, node);
  }
}
