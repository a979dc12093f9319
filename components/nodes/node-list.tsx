"use client";

import { ListToolbar } from "@/components/lists/list-toolbar";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Labels } from "@/components/ui/badge";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { NameCell, Row, Table, Td, Th } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { formatDuration, formatMiB, formatMillicores, relativeTime } from "@/lib/format";
import { nodeKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { ClusterNode } from "@/lib/server/dal/nodes";
import { listNodesAction } from "@/app/(console)/nodes/actions";
import { NodeStatus } from "./node-status";
import { formatTaint } from "./taints";

const KEYS = ["q", "unschedulable", "selector", "sort", "cursor"] as const;
const SORTS = [
  { value: "", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-createdAt", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
];

export function NodeList({ initial }: { initial?: Page<ClusterNode> }) {
  const { query, update } = useUrlQuery(KEYS);
  const { data, error, isFetching } = useLiveList(nodeKeys.list(query), () => listNodesAction(query), initial);
  const filtered = Boolean(query.q || query.unschedulable || query.selector);
  const now = useNow();

  return (
    <>
      <ListToolbar query={query} update={update} filters={[{ name: "unschedulable", label: "Cordoned", options: ["true", "false"] }]} sortOptions={SORTS} />
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <ListEmptyState noun="node" filtered={filtered} createHref="/nodes/new" createLabel="Register the first node" emptyTitle="No nodes registered yet" />
      ) : (
        <Table label="Nodes">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Status</Th>
              <Th title="Time since the node agent last reported">Heartbeat</Th>
              <Th style={{ textAlign: "right" }} title="Allocatable CPU">CPU</Th>
              <Th style={{ textAlign: "right" }} title="Allocatable memory">Memory</Th>
              <Th style={{ textAlign: "right" }} title="Allocatable pod slots">Pods</Th>
              <Th style={{ textAlign: "right" }}>Taints</Th>
              <Th>Labels</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody aria-busy={isFetching}>
            {data?.items.map((n) => (
              <Row key={n.id}>
                <NameCell href={`/nodes/${n.id}`}>{n.name}</NameCell>
                <Td><NodeStatus node={n} /></Td>
                <Td className="whitespace-nowrap tabular-nums text-zinc-600 dark:text-zinc-400">
                  {n.heartbeatAt ? (now === null ? "" : `${formatDuration(now - Date.parse(n.heartbeatAt))} ago`) : <span className="text-zinc-400">never</span>}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatMillicores(n.allocatable.cpuMillis)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatMiB(n.allocatable.memoryMiB)}</Td>
                <Td className="text-right tabular-nums">{n.allocatable.pods}</Td>
                <Td className="text-right tabular-nums">
                  {n.taints.length ? <span title={n.taints.map(formatTaint).join("\n")} className="cursor-help underline decoration-dotted underline-offset-2">{n.taints.length}</span> : <span className="text-zinc-400">—</span>}
                </Td>
                <Td><Labels labels={n.labels} /></Td>
                <Td className="whitespace-nowrap text-zinc-500">{relativeTime(n.createdAt)}</Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
