"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { ListToolbar } from "@/components/lists/list-toolbar";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { NameCell, Row, Table, Td, Th } from "@/components/ui/table";
import { formatMiB, formatMillicores, relativeTime } from "@/lib/format";
import { podKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import { PodPhases } from "@/lib/schemas/pod";
import type { Pod } from "@/lib/server/dal/pods";
import { listPodsAction } from "@/app/(console)/pods/actions";
import { KillPodButton } from "./kill-pod-button";
import { OwnerLink } from "./owner-link";
import { PodPhaseBadge, ReadyMark } from "./pod-phase";
import { cpuOfRequest } from "./usage";
import { useResourceNames } from "./use-resource-names";

const KEYS = ["q", "phase", "nodeName", "selector", "sort", "cursor"] as const;
const SORTS = [
  { value: "", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "phase", label: "Phase" },
  { value: "nodeName", label: "Node" },
];

export function PodList({ initial }: { initial?: Page<Pod> }) {
  const { query, update } = useUrlQuery(KEYS);
  const { data, error, isFetching } = useLiveList(podKeys.list(query), () => listPodsAction(query), initial);
  const owners = useResourceNames();
  const filtered = Boolean(query.q || query.phase || query.nodeName || query.selector);

  return (
    <>
      <ListToolbar query={query} update={update} filters={[{ name: "phase", label: "Phase", options: PodPhases }]} sortOptions={SORTS} />
      {query.nodeName ? (
        <p className="-mt-1 mb-3 flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          Only pods on
          <span className="inline-flex items-center gap-1 rounded-full bg-sky-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-sky-700 dark:bg-sky-950 dark:text-sky-300">
            <Link href={`/nodes/${encodeURIComponent(query.nodeName)}`} className="hover:underline">{query.nodeName}</Link>
            <button type="button" onClick={() => update({ nodeName: undefined })} className="rounded-full p-0.5 hover:bg-sky-100 dark:hover:bg-sky-900" aria-label={`Show pods on every node, not only ${query.nodeName}`}>
              <X className="size-3" aria-hidden />
            </button>
          </span>
        </p>
      ) : null}
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <ListEmptyState noun="pod" filtered={filtered} createHref="/pods/new" createLabel="Create the first pod" />
      ) : (
        <Table label="Pods">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Phase</Th>
              <Th>Ready</Th>
              <Th>Node</Th>
              <Th>Requests</Th>
              <Th title="Latest reading of the pod's process">CPU used</Th>
              <Th>Owner</Th>
              <Th>Age</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody aria-busy={isFetching}>
            {data?.items.map((p) => (
              <Row key={p.id}>
                <NameCell href={`/pods/${p.id}`}>{p.name}</NameCell>
                <Td>
                  <span title={p.message ?? undefined}>
                    <PodPhaseBadge phase={p.phase} />
                  </span>
                </Td>
                <Td><ReadyMark ready={p.ready} /></Td>
                <Td className="whitespace-nowrap">
                  {p.nodeName ? (
                    <Link href={`/nodes/${encodeURIComponent(p.nodeName)}`} className="text-sky-700 hover:underline dark:text-sky-400">{p.nodeName}</Link>
                  ) : (
                    <span className="text-zinc-400 italic dark:text-zinc-500">unscheduled</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap tabular-nums text-zinc-600 dark:text-zinc-400">
                  {formatMillicores(p.requests.cpuMillis)} · {formatMiB(p.requests.memoryMiB)}
                </Td>
                <Td className="whitespace-nowrap tabular-nums text-zinc-600 dark:text-zinc-400">
                  {p.usage?.cpuMillicores == null ? (
                    <span className="text-zinc-400">—</span>
                  ) : (
                    <>
                      {formatMillicores(Math.round(p.usage.cpuMillicores))}
                      <span className="text-zinc-400"> · {cpuOfRequest(p) ?? "?"}%</span>
                    </>
                  )}
                </Td>
                <Td><OwnerLink ownerId={p.ownerId} names={owners} /></Td>
                <Td className="whitespace-nowrap text-zinc-500">{relativeTime(p.createdAt)}</Td>
                <Td className="w-0 whitespace-nowrap text-right">
                  <span className="-my-1 inline-flex">
                    <KillPodButton pod={p} compact />
                  </span>
                </Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
