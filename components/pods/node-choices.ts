import type { Choice } from "@/components/ui/choice-field";
import type { ClusterNode } from "@/lib/server/dal/nodes";

/** Nodes as select options, flagging the ones that would not get pods from the scheduler. */
export const nodeChoices = (nodes: ClusterNode[]): Choice[] =>
  nodes.map((n) => {
    const notes = [n.ready ? null : "NotReady", n.unschedulable ? "cordoned" : null].filter(Boolean);
    return { value: n.name, label: notes.length ? `${n.name} (${notes.join(", ")})` : n.name };
  });
