/** Requested vs allocatable as a bar: sky up to 70 %, amber to 90 %, red beyond (over-commitment included). */
export function UsageBar({ label, used, total, format }: { label: string; used: number; total: number; format: (n: number) => string }) {
  const ratio = total > 0 ? used / total : 0;
  const percent = Math.round(ratio * 100);
  const tone = ratio > 0.9 ? "bg-red-500" : ratio > 0.7 ? "bg-amber-500" : "bg-sky-500";
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">{label}</span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
          {format(used)} <span className="text-zinc-400 dark:text-zinc-500">of</span> {format(total)}
          <span className={`ml-2 font-medium ${ratio > 1 ? "text-red-600 dark:text-red-400" : ""}`}>{percent}%</span>
        </span>
      </div>
      <div aria-hidden className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
        <div className={`h-full rounded-full ${tone}`} style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
      {ratio > 1 ? <p className="mt-1 text-xs text-red-600 dark:text-red-400">Over-committed by {format(used - total)}: pods were bound directly, past what the node offers.</p> : null}
    </div>
  );
}
