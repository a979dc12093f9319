"use client";

import { ListToolbar } from "@/components/lists/list-toolbar";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { OwnerLink } from "@/components/pods/owner-link";
import { useResourceNames } from "@/components/pods/use-resource-names";
import { Badge, Labels } from "@/components/ui/badge";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { NameCell, Row, Table, Td, Th } from "@/components/ui/table";
import { poolKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import { PoolAlgorithms } from "@/lib/schemas/pool";
import { listPoolsAction } from "@/app/(console)/pools/actions";
import type { BackendCounts, PoolRow } from "@/app/(console)/pools/load";
import { algorithmNames } from "./algorithms";
import { healthCheckLong, healthCheckShort } from "./health-summary";

const KEYS = ["q", "algorithm", "selector", "sort", "cursor"] as const;
const SORTS = [
  { value: "", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "algorithm", label: "Algorithm" },
  { value: "-createdAt", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
];

function BackendCount({ counts }: { counts: BackendCounts | null }) {
  if (!counts) return <span className="text-zinc-400">—</span>;
  if (counts.total === 0) return <span className="text-zinc-400">none</span>;
  return (
    <span className="tabular-nums" title="Healthy / total, from the engine's health checks">
      <span className={counts.healthy === counts.total ? "text-emerald-600 dark:text-emerald-400" : ""}>{counts.healthy}</span>
      <span className="text-zinc-400"> / </span>
      {counts.total}
      {counts.more ? "+" : ""}
    </span>
  );
}

export function PoolList({ initial }: { initial?: Page<PoolRow> }) {
  const { query, update } = useUrlQuery(KEYS);
  const { data, error, isFetching } = useLiveList(poolKeys.list(query), () => listPoolsAction(query), initial);
  const owners = useResourceNames();
  const filtered = Boolean(query.q || query.algorithm || query.selector);

  return (
    <>
      <ListToolbar query={query} update={update} filters={[{ name: "algorithm", label: "Algorithm", options: PoolAlgorithms }]} sortOptions={SORTS} />
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <ListEmptyState noun="pool" filtered={filtered} createHref="/pools/new" createLabel="Create the first pool" />
      ) : (
        <Table label="Pools">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Algorithm</Th>
              <Th style={{ textAlign: "right" }}>Port</Th>
              <Th style={{ textAlign: "right" }}>Backends</Th>
              <Th>Health check</Th>
              <Th>Owner</Th>
              <Th>Labels</Th>
            </tr>
          </thead>
          <tbody aria-busy={isFetching}>
            {data?.items.map((p) => (
              <Row key={p.id}>
                <NameCell href={`/pools/${p.id}`}>{p.name}</NameCell>
                <Td className="whitespace-nowrap"><Badge tone="info">{algorithmNames[p.algorithm]}</Badge></Td>
                <Td className="text-right tabular-nums">{p.listenPort ?? <span className="text-zinc-400">—</span>}</Td>
                <Td className="text-right"><BackendCount counts={p.backends} /></Td>
                <Td className="text-zinc-600 dark:text-zinc-400">
                  <span title={healthCheckLong(p.healthCheck)}>{healthCheckShort(p.healthCheck)}</span>
                </Td>
                <Td><OwnerLink ownerId={p.ownerId} names={owners} /></Td>
                <Td><Labels labels={p.labels} /></Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
