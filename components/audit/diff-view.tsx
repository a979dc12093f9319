import type { Diff } from "@/lib/domain/diff";
import { diffLines } from "./diff-format";

/** before → after, one line per changed field; added fields show only the new value, removed only the old. */
export function DiffView({ diff }: { diff: Diff }) {
  const lines = diffLines(diff);
  if (lines.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="space-y-0.5 font-mono text-[11px] leading-relaxed">
      {lines.slice(0, 8).map((l) => (
        <li key={l.field} className="break-all">
          <span className="text-zinc-500 dark:text-zinc-400">{l.field}: </span>
          {l.before !== null ? <span className="rounded bg-red-50 px-0.5 text-red-800 line-through decoration-red-400/60 dark:bg-red-950/60 dark:text-red-300">{l.before}</span> : null}
          {l.kind === "changed" ? <span aria-label="changed to" className="px-1 text-zinc-400">→</span> : null}
          {l.after !== null ? <span className="rounded bg-emerald-50 px-0.5 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-300">{l.after}</span> : null}
        </li>
      ))}
      {lines.length > 8 ? <li className="text-zinc-500">…and {lines.length - 8} more</li> : null}
    </ul>
  );
}
