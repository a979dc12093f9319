import type { ReactNode } from "react";

/** One chart in a card's grid, with its caption (and an optional note, e.g. what was left out). */
export function ChartPanel({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-zinc-500">
        {title}
        {note ? <span className="font-normal"> · {note}</span> : null}
      </figcaption>
      {children}
    </figure>
  );
}
