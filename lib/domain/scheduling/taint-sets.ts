import { firstUntolerated, isTolerated } from "./tolerations";
import type { ClusterNode, Taint, Toleration } from "./types";

const HARD_EFFECTS = ["NoSchedule", "NoExecute"] as const;
const UNKNOWN = -2;

/**
 * What one list of tolerations makes of each distinct taint set, worked out on first need.
 * Nodes share few taint sets and pods share few toleration lists, so the hot loop reads an array.
 */
export class TolerationVerdicts {
  private readonly hard: Int32Array;
  private readonly prefer: Int32Array;

  constructor(
    private readonly tolerations: readonly Toleration[],
    private readonly sets: readonly (readonly Taint[])[],
  ) {
    this.hard = new Int32Array(sets.length).fill(UNKNOWN);
    this.prefer = new Int32Array(sets.length).fill(UNKNOWN);
  }

  /** Index in the set of the first NoSchedule/NoExecute taint not tolerated, or -1. */
  untoleratedHard(set: number): number {
    let verdict = this.hard[set]!;
    if (verdict === UNKNOWN) {
      verdict = firstUntolerated(this.tolerations, this.sets[set]!, HARD_EFFECTS);
      this.hard[set] = verdict;
    }
    return verdict;
  }

  /** How many PreferNoSchedule taints of the set are not tolerated (kube TaintToleration score input). */
  intolerablePreferred(set: number): number {
    let count = this.prefer[set]!;
    if (count === UNKNOWN) {
      count = this.sets[set]!.filter((t) => t.effect === "PreferNoSchedule" && !isTolerated(this.tolerations, t)).length;
      this.prefer[set] = count;
    }
    return count;
  }
}

/** Nodes grouped by identical taint lists. */
export class TaintSets {
  /** Taint-set id per node index. */
  readonly setOf: Int32Array;
  readonly sets: (readonly Taint[])[] = [];
  private readonly verdicts = new Map<string, TolerationVerdicts>();

  constructor(nodes: readonly ClusterNode[]) {
    this.setOf = new Int32Array(nodes.length);
    const idByKey = new Map<string, number>();
    nodes.forEach((node, index) => {
      const key = JSON.stringify(node.taints.map((t) => [t.key, t.value ?? "", t.effect]));
      let id = idByKey.get(key);
      if (id === undefined) {
        id = this.sets.length;
        idByKey.set(key, id);
        this.sets.push(node.taints);
      }
      this.setOf[index] = id;
    });
  }

  verdictsFor(tolerations: readonly Toleration[]): TolerationVerdicts {
    const key = JSON.stringify(tolerations);
    let verdicts = this.verdicts.get(key);
    if (!verdicts) {
      verdicts = new TolerationVerdicts(tolerations, this.sets);
      this.verdicts.set(key, verdicts);
    }
    return verdicts;
  }
}
