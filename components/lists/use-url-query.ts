"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";

/** Read and write list state (search, filters, sort, cursor) in the URL, so it survives reloads and can be shared. */
export function useUrlQuery<K extends string>(keys: readonly K[]) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>;
  // router.replace commits asynchronously: remember the URL we asked for, so quick successive changes build on it
  // instead of undoing each other.
  const requested = useRef<string | null>(null);
  const current = params.toString();
  useEffect(() => {
    if (requested.current === current) requested.current = null;
  }, [current]);

  const update = useCallback(
    (changes: Partial<Record<K | "cursor", string | undefined>>) => {
      const next = new URLSearchParams(requested.current ?? window.location.search);
      for (const [k, v] of Object.entries(changes) as Array<[string, string | undefined]>) {
        if (v === undefined || v === "") next.delete(k);
        else next.set(k, v);
      }
      // Any change but paging starts again from the first page.
      if (!("cursor" in changes)) next.delete("cursor");
      const search = next.toString();
      requested.current = search;
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return { query, update };
}
