"use client";

import { useQuery } from "@tanstack/react-query";
import { resourceKeys } from "@/lib/query-keys";
import { listResourcesAction } from "@/app/(console)/resources/actions";

const NAMES_QUERY = { limit: "500", sort: "name" };

/**
 * Resource names by id, for owner columns: one bounded read (the first 500 resources), refreshed at most every
 * 30 s. An owner outside it shows a short id instead of a name.
 */
export function useResourceNames(): Map<string, string> {
  const { data } = useQuery({
    queryKey: resourceKeys.list(NAMES_QUERY),
    queryFn: () => listResourcesAction(NAMES_QUERY),
    staleTime: 30_000,
    select: (page) => new Map(page.items.map((r) => [r.id, r.name])),
  });
  return data ?? new Map();
}
