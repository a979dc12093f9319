import { Badge, Labels } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { conditionTone } from "./condition-tone";
import { formatMiB, formatMillicores } from "@/lib/format";
import type { ClusterNode } from "@/lib/server/dal/nodes";

const rows = [
  { label: "CPU", key: "cpuMillis", format: formatMillicores },
  { label: "Memory", key: "memoryMiB", format: formatMiB },
  { label: "Pods", key: "pods", format: String },
] as const;

const effectTone = { NoSchedule: "warn", PreferNoSchedule: "neutral", NoExecute: "bad" } as const;

/** What the node offers, what keeps pods off it, and its conditions (its heartbeat is on the live agent card). */
export function NodeFacts({ node }: { node: ClusterNode }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Resources">
        <table className="w-full text-sm" aria-label="Capacity and allocatable">
          <thead>
            <tr className="text-xs text-zinc-500">
              <th scope="col" className="pb-1 text-left font-medium" />
              <th scope="col" className="pb-1 text-right font-medium">Capacity</th>
              <th scope="col" className="pb-1 text-right font-medium">Allocatable</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="py-1 text-left font-medium text-zinc-700 dark:text-zinc-300">{r.label}</th>
                <td className="py-1 text-right tabular-nums text-zinc-600 dark:text-zinc-400">{r.format(node.capacity[r.key])}</td>
                <td className="py-1 text-right font-medium tabular-nums">{r.format(node.allocatable[r.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Taints and labels">
        <h3 className="mb-1 text-xs font-medium text-zinc-500">Taints</h3>
        {node.taints.length === 0 ? (
          <p className="text-sm text-zinc-400">None: any pod may be placed here.</p>
        ) : (
          <ul className="space-y-1">
            {node.taints.map((t) => (
              <li key={`${t.key}:${t.effect}`} className="flex items-center gap-2 text-sm">
                <code className="font-mono text-xs">{t.key}{t.value ? `=${t.value}` : ""}</code>
                <Badge tone={effectTone[t.effect]}>{t.effect}</Badge>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-3 mb-1 text-xs font-medium text-zinc-500">Labels</h3>
        <Labels labels={node.labels} />
      </Card>
      <Card title="Conditions">
        {node.conditions.length === 0 ? (
          <p className="text-sm text-zinc-400">No conditions reported.</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {node.conditions.map((c) => (
              <li key={c.type}>
                <span className="flex items-center gap-2">
                  <span className="font-medium">{c.type}</span>
                  <Badge tone={conditionTone(c)}>{c.status}</Badge>
                </span>
                {c.reason || c.message ? <span className="block text-xs text-zinc-500">{[c.reason, c.message].filter(Boolean).join(": ")}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
