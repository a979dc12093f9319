"use client";

import Link from "next/link";
import { ListToolbar } from "@/components/lists/list-toolbar";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Badge, Labels } from "@/components/ui/badge";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { Row, Table, Td, Th } from "@/components/ui/table";
import { resourceKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import { ResourceKinds } from "@/lib/schemas/resource";
import type { Resource } from "@/lib/server/dal/resources";
import { listResourcesAction } from "@/app/(console)/resources/actions";
import { relativeTime } from "@/lib/format";
import { specSummary } from "./spec-summary";

const KEYS = ["q", "kind", "selector", "sort", "cursor"] as const;
const SORTS = [
  { value: "", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "kind", label: "Kind" },
];

export function ResourceList({ initial }: { initial?: Page<Resource> }) {
  const { query, update } = useUrlQuery(KEYS);
  const { data, error, isFetching } = useLiveList(resourceKeys.list(query), () => listResourcesAction(query), initial);

  return (
    <>
      <ListToolbar query={query} update={update} filters={[{ name: "kind", label: "Kind", options: ResourceKinds }]} sortOptions={SORTS} />
      {error ? <p role="alert" className="mb-3 text-sm text-red-600">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <ListEmptyState noun="resource" filtered={Boolean(query.q || query.kind || query.selector)} createHref="/resources/new" createLabel="Create the first one" />
      ) : (
        <Table label="Resources">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Kind</Th>
              <Th>Spec</Th>
              <Th>Labels</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody aria-busy={isFetching}>
            {data?.items.map((r) => (
              <Row key={r.id}>
                <Td>
                  <Link href={`/resources/${r.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                    {r.name}
                  </Link>
                </Td>
                <Td><Badge tone="info">{r.kind}</Badge></Td>
                <Td className="text-zinc-600 dark:text-zinc-400">{specSummary(r)}</Td>
                <Td><Labels labels={r.labels} /></Td>
                <Td className="whitespace-nowrap text-zinc-500">{relativeTime(r.createdAt)}</Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
