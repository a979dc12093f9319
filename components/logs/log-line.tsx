import Link from "next/link";
import type { LogItem } from "@/lib/server/dal/logs";
import type { LogLevel } from "@/lib/telemetry/logs/record";
import { displayText } from "@/lib/telemetry/logs/text";
import { clockTime } from "./log-view-state";

const LEVEL_CLASS: Record<LogLevel, string> = {
  trace: "text-zinc-500 dark:text-zinc-400",
  debug: "text-zinc-600 dark:text-zinc-300",
  info: "text-sky-700 dark:text-sky-300",
  warn: "text-amber-700 dark:text-amber-300",
  error: "text-red-700 dark:text-red-300",
  fatal: "bg-red-600 text-white dark:bg-red-700",
};

const chip = "rounded bg-zinc-100 px-1 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300";
const link = "text-sky-700 hover:underline dark:text-sky-400";

/** Which label chips a line shows, and what clicking one filters by (when the viewer offers that). */
export type ChipFilter = (key: "workload" | "node" | "service" | "source", value: string) => void;

/**
 * One record as one line of plain text: time, level, source, labels as small chips, then the body. Everything is a
 * React text node (ANSI escapes stripped, line breaks shown as ↵): markup in a log line is shown, never run.
 * Long lines wrap. The pod links to its page, the trace id to its trace. `compact` (a panel about one object) shows
 * the source chip only.
 */
export function LogLine({ record: r, onFilter, compact = false }: { record: LogItem; onFilter?: ChipFilter; compact?: boolean }) {
  const filterChip = (key: "workload" | "node" | "service" | "source", value: string | null, text = `${key}=${value}`) =>
    value === null ? null : onFilter ? (
      <button type="button" className={`${chip} hover:bg-zinc-200 dark:hover:bg-zinc-700`} title={`Show only ${text}`} onClick={() => onFilter(key, value)}>
        {text}
      </button>
    ) : (
      <span className={chip}>{text}</span>
    );
  return (
    <li className="border-b border-zinc-100 px-2 py-0.5 break-all whitespace-pre-wrap last:border-b-0 dark:border-zinc-800/60" data-level={r.level}>
      <time dateTime={r.at} title={r.at} className="mr-2 text-zinc-500 dark:text-zinc-400">
        {clockTime(r.at)}
      </time>
      <span className={`mr-2 inline-block w-11 rounded px-0.5 text-center text-[11px] font-semibold uppercase ${LEVEL_CLASS[r.level]}`}>{r.level}</span>
      <span className="mr-2 inline-flex flex-wrap gap-1 align-baseline">
        {filterChip("source", r.source, r.stream ? `${r.source}/${r.stream}` : r.source)}
        {compact ? null : (
          <>
            {filterChip("workload", r.workload)}
            {r.pod ? (
              <Link href={`/pods/${encodeURIComponent(r.pod)}`} className={`${chip} ${link}`} title={`Pod ${r.pod}`}>
                pod={r.pod}
              </Link>
            ) : null}
            {filterChip("node", r.node)}
            {filterChip("service", r.service)}
          </>
        )}
      </span>
      <span className="text-zinc-900 dark:text-zinc-100">{displayText(r.body)}</span>
      {r.traceId ? (
        <Link href={`/traces/${r.traceId}`} className={`ml-2 text-[11px] ${link}`} title={`Trace ${r.traceId}`}>
          trace {r.traceId.slice(0, 8)}…
        </Link>
      ) : null}
    </li>
  );
}
