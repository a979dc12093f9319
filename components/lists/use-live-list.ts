"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Page } from "@/lib/schemas/list";
import { LIST_REFRESH_MS } from "@/lib/query-keys";

/** A list that starts from server-rendered data and keeps itself fresh by polling (paused in hidden tabs). */
export function useLiveList<T>(
  key: readonly unknown[],
  fetchPage: () => Promise<Page<T>>,
  initial: Page<T> | undefined,
) {
  return useQuery({
    queryKey: key,
    queryFn: fetchPage,
    initialData: initial,
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
}
