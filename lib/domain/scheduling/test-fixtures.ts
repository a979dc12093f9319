/** Builders shared by the scheduling tests (not used by production code). */
import { ClusterState, type ClusterStateOptions } from "./cluster-state";
import type { FilterPlugin } from "./filters";
import { podInfo } from "./pod-info";
import type { ScorePlugin } from "./scores";
import type { ClusterNode, Pod } from "./types";

export function makeNode(name: string, overrides: Partial<ClusterNode> = {}): ClusterNode {
  return {
    name,
    allocatable: { cpuMillis: 4000, memoryMiB: 8192, pods: 110 },
    labels: { "kubernetes.io/hostname": name },
    taints: [],
    unschedulable: false,
    ready: true,
    ...overrides,
  };
}

export function makePod(name: string, overrides: Partial<Pod> = {}): Pod {
  return {
    name,
    labels: {},
    requests: { cpuMillis: 100, memoryMiB: 128 },
    nodeName: null,
    nodeSelector: {},
    tolerations: [],
    affinity: {},
    ...overrides,
  };
}

export function makeState(nodes: ClusterNode[], pods: Pod[] = [], options?: ClusterStateOptions): ClusterState {
  return new ClusterState({ nodes, pods }, options);
}

/** Run one filter plugin for a pod over every node: null = skipped, else per node the reasons ([] = fits). */
export function runFilter(plugin: FilterPlugin, pod: Pod, cluster: ClusterState): string[][] | null {
  const prepared = plugin.prepare(podInfo(pod, cluster), cluster);
  if (!prepared) return null;
  return cluster.nodes.map((_, node) => (prepared.fits(node) ? [] : prepared.reasons(node)));
}

/** Run one score plugin over every node as the feasible set: null = skipped. */
export function runScore(plugin: ScorePlugin, pod: Pod, cluster: ClusterState): number[] | null {
  const feasible = Int32Array.from(cluster.nodes.keys());
  const out = new Float64Array(cluster.size);
  const scored = plugin.score(podInfo(pod, cluster), cluster, feasible, cluster.size, out);
  return scored ? Array.from(out) : null;
}
