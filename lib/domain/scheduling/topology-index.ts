import { labelValue } from "./labels";
import type { ClusterNode } from "./types";

/** The domains of one topology key: which domain each node is in, so domain checks are array reads. */
export interface TopologyDomains {
  readonly key: string;
  /** Domain id per node index; -1 where the node lacks the label. */
  readonly nodeDomain: Int32Array;
  /** Label value per domain id. */
  readonly names: readonly string[];
}

/** Topology domains per key, built on first use (one pass over the nodes) and fixed for the node list. */
export class TopologyIndex {
  private readonly byKey = new Map<string, TopologyDomains>();

  constructor(private readonly nodes: readonly ClusterNode[]) {}

  domains(key: string): TopologyDomains {
    const known = this.byKey.get(key);
    if (known) return known;
    const nodeDomain = new Int32Array(this.nodes.length);
    const names: string[] = [];
    const idByName = new Map<string, number>();
    this.nodes.forEach((node, index) => {
      const value = labelValue(node.labels, key);
      if (value === undefined) {
        nodeDomain[index] = -1;
        return;
      }
      let id = idByName.get(value);
      if (id === undefined) {
        id = names.length;
        idByName.set(value, id);
        names.push(value);
      }
      nodeDomain[index] = id;
    });
    const built = { key, nodeDomain, names };
    this.byKey.set(key, built);
    return built;
  }
}
