import type { ClusterState } from "../cluster-state";
import { fitsAll, type PreparedFilter } from "../filters";
import { buildRing, hash32, ringPosition, type HashRing } from "../hashing";

const rings = new WeakMap<ClusterState, HashRing>();

function ringOf(cluster: ClusterState): HashRing {
  let ring = rings.get(cluster);
  if (!ring) {
    ring = buildRing(cluster.nodes.map((node) => node.name));
    rings.set(cluster, ring);
  }
  return ring;
}

/**
 * The seed's IPHash as consistent hashing of the pod name: one ring over all nodes (built once per cluster
 * state), walked clockwise from the name's hash to the first feasible node — how HAProxy's `hash-type
 * consistent` skips unusable servers. A pod keeps its node while that node stays feasible, and a node
 * going away moves only the pods it held.
 */
export function pickIpHash(cluster: ClusterState, filters: readonly PreparedFilter[], podName: string): number {
  if (cluster.size === 0) return -1;
  const ring = ringOf(cluster);
  const seen = new Uint8Array(cluster.size);
  let unseen = cluster.size;
  const start = ringPosition(ring, hash32(podName));
  for (let step = 0; step < ring.owners.length && unseen > 0; step++) {
    const node = ring.owners[(start + step) % ring.owners.length]!;
    if (seen[node] === 1) continue;
    seen[node] = 1;
    unseen--;
    if (fitsAll(filters, node)) return node;
  }
  return -1;
}
