import Link from "next/link";
import type { ReactNode } from "react";
import { conditionTone } from "@/components/nodes/condition-tone";
import { NodeStatus } from "@/components/nodes/node-status";
import { PodPhaseBadge, ReadyMark } from "@/components/pods/pod-phase";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Backend } from "@/lib/server/dal/backends";
import type { ClusterNode } from "@/lib/server/dal/nodes";
import type { Pod } from "@/lib/server/dal/pods";

const link = "text-sky-700 hover:underline dark:text-sky-400";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

/** Where the backend runs: its pod (phase, readiness, node) and that node (status, conditions), each linked. */
export function BackendPlacement({ backend, pod, node }: { backend: Backend; pod: Pod | null; node: ClusterNode | null }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Pod">
        {pod ? (
          <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Pod">
            <Row label="Name">
              <Link href={`/pods/${pod.id}`} className={`${link} font-medium`}>
                {pod.name}
              </Link>
            </Row>
            <Row label="Phase">
              <PodPhaseBadge phase={pod.phase} />
            </Row>
            <Row label="Ready">
              <ReadyMark ready={pod.ready} />
            </Row>
            <Row label="Node">{pod.nodeName ?? <span className="text-zinc-400">not placed</span>}</Row>
            {pod.message ? <Row label="Last message">{pod.message}</Row> : null}
          </dl>
        ) : (
          <p className="text-sm text-zinc-500">
            {backend.podId ? "The pod behind this backend no longer exists." : "Not a pod: this backend was added by hand, so no pod or node stands behind it."}
          </p>
        )}
      </Card>
      <Card title="Node">
        {node ? (
          <div className="space-y-3 text-sm">
            <p className="flex items-center justify-between gap-3">
              <Link href={`/nodes/${node.id}`} className={`${link} font-medium`}>
                {node.name}
              </Link>
              <NodeStatus node={node} />
            </p>
            <ul className="space-y-1.5" aria-label="Node conditions">
              {node.conditions.map((c) => (
                <li key={c.type} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{c.type}</span>
                  <Badge tone={conditionTone(c)}>{c.status}</Badge>
                  {c.reason || c.message ? <span className="text-xs text-zinc-500">{[c.reason, c.message].filter(Boolean).join(": ")}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-zinc-500">{pod ? (pod.nodeName ? `Node ${pod.nodeName} no longer exists.` : "The pod is not placed on a node yet.") : "No pod, so no node."}</p>
        )}
      </Card>
    </div>
  );
}
