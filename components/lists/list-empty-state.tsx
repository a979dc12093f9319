"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/principal-context";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * What an empty list says: with filters, how to widen them; without, how to create the first one — or, for a role
 * that may not, who can.
 */
export function ListEmptyState({
  noun,
  filtered,
  createHref,
  createLabel,
  emptyTitle,
}: {
  /** Singular, e.g. "pod". */
  noun: string;
  filtered: boolean;
  createHref: string;
  createLabel: string;
  emptyTitle?: string;
}) {
  const { allowed } = useCan("write");
  return (
    <EmptyState title={filtered ? `No ${noun}s match these filters` : (emptyTitle ?? `No ${noun}s yet`)}>
      {filtered ? (
        `Clear the search or filters to see every ${noun}.`
      ) : allowed ? (
        <Link className="text-sky-600 underline dark:text-sky-400" href={createHref}>
          {createLabel}
        </Link>
      ) : (
        "An operator can create the first one."
      )}
    </EmptyState>
  );
}
