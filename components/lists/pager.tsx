"use client";

import { Button } from "@/components/ui/button";

/** Cursor paging: "Next" follows the server's cursor; "First page" starts over. */
export function Pager({ cursor, nextCursor, count, onPage }: { cursor?: string; nextCursor: string | null; count: number; onPage: (cursor?: string) => void }) {
  if (!cursor && !nextCursor) return <p className="mt-3 text-xs text-zinc-500">{count} shown</p>;
  return (
    <div className="mt-3 flex items-center justify-between text-sm">
      <span className="text-xs text-zinc-500">{count} shown</span>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={!cursor} onClick={() => onPage(undefined)}>
          First page
        </Button>
        <Button variant="secondary" disabled={!nextCursor} onClick={() => onPage(nextCursor ?? undefined)}>
          Next
        </Button>
      </div>
    </div>
  );
}
