"use client";

import Link from "next/link";
import { useLiveList } from "@/components/lists/use-live-list";
import { PodPhaseBadge, ReadyMark } from "@/components/pods/pod-phase";
import { Card } from "@/components/ui/card";
import { Row, Td, Th } from "@/components/ui/table";
import { formatMiB, formatMillicores, relativeTime } from "@/lib/format";
import { podKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { ClusterNode } from "@/lib/server/dal/nodes";
import type { Pod } from "@/lib/server/dal/pods";
import { listPodsAction } from "@/app/(console)/pods/actions";
import { NODE_PODS_LIMIT, nodePodsQuery } from "./node-pods-query";
import { UsageBar } from "./usage-bar";

/** Pods that hold their requests: finished pods (succeeded, failed) no longer count against the node. */
const holdsResources = (p: Pod) => p.phase !== "succeeded" && p.phase !== "failed";

/** The node's pods (live) and what they request against what the node offers. */
export function NodePods({ node, initial }: { node: Pick<ClusterNode, "name" | "allocatable">; initial?: Page<Pod> }) {
  const query = nodePodsQuery(node.name);
  const { data, error, isFetching } = useLiveList(podKeys.list(query), () => listPodsAction(query), initial);
  const pods = data?.items ?? [];
  const active = pods.filter(holdsResources);
  const cpu = active.reduce((sum, p) => sum + p.requests.cpuMillis, 0);
  const memory = active.reduce((sum, p) => sum + p.requests.memoryMiB, 0);
  const partial = Boolean(data?.nextCursor);

  return (
    <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
      <Card title="Requested vs allocatable">
        <div className="space-y-4">
          <UsageBar label="CPU" used={cpu} total={node.allocatable.cpuMillis} format={formatMillicores} />
          <UsageBar label="Memory" used={memory} total={node.allocatable.memoryMiB} format={formatMiB} />
          <UsageBar label="Pods" used={active.length} total={node.allocatable.pods} format={String} />
        </div>
        <p className="mt-4 text-xs text-zinc-500">
          Sums of the requests of pending and running pods bound here{partial ? ` (the first ${NODE_PODS_LIMIT} only)` : ""}. Each pod&apos;s actual usage is on its page.
        </p>
      </Card>
      <Card
        title={`Pods on this node${data ? ` (${pods.length}${partial ? "+" : ""})` : ""}`}
        actions={
          <Link href={`/pods?nodeName=${encodeURIComponent(node.name)}`} className="text-xs text-sky-700 hover:underline dark:text-sky-400">
            Open in Pods
          </Link>
        }
        className="min-w-0"
      >
        {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
        {data && pods.length === 0 ? (
          <p className="py-6 text-center text-sm text-zinc-500">No pods are bound to this node.</p>
        ) : (
          <div className="-m-4">
            <table aria-label="Pods on this node" className="w-full text-left text-sm">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Phase</Th>
                  <Th>Ready</Th>
                  <Th style={{ textAlign: "right" }}>CPU request</Th>
                  <Th style={{ textAlign: "right" }}>Memory request</Th>
                  <Th>Created</Th>
                </tr>
              </thead>
              <tbody aria-busy={isFetching}>
                {pods.map((p) => (
                  <Row key={p.id}>
                    <Td>
                      <Link href={`/pods/${p.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                        {p.name}
                      </Link>
                    </Td>
                    <Td><PodPhaseBadge phase={p.phase} /></Td>
                    <Td><ReadyMark ready={p.ready} /></Td>
                    <Td className="text-right tabular-nums">{formatMillicores(p.requests.cpuMillis)}</Td>
                    <Td className="text-right tabular-nums">{formatMiB(p.requests.memoryMiB)}</Td>
                    <Td className="whitespace-nowrap text-zinc-500">{relativeTime(p.createdAt)}</Td>
                  </Row>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
