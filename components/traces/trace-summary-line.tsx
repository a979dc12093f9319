import Link from "next/link";
import type { TraceDetail } from "@/lib/server/dal/traces";
import { formatMicros, waterfallLayout } from "@/lib/telemetry/traces/waterfall";

const link = "text-sky-700 hover:underline dark:text-sky-400";

/** Under a trace's title: its id, when, how long, how many spans and failures, and the pools and pods it went through. */
export function TraceSummaryLine({ trace }: { trace: TraceDetail }) {
  const { startUs, durationUs } = waterfallLayout(trace.spans);
  const errors = trace.spans.filter((s) => s.status === "error").length;
  const services = [...new Set(trace.spans.map((s) => s.service))];
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="font-mono text-xs">{trace.traceId}</span>
      <span>{new Date(startUs / 1000).toLocaleString("en-GB")}</span>
      <span>{formatMicros(durationUs)}</span>
      <span>
        {trace.spans.length} span{trace.spans.length === 1 ? "" : "s"} · {services.join(", ")}
      </span>
      {errors > 0 ? <span className="text-red-600 dark:text-red-400">{errors} failed</span> : null}
      {trace.pools.map((p) => (
        <span key={p.id}>
          pool{" "}
          <Link className={link} href={`/pools/${p.id}`}>
            {p.name}
          </Link>
        </span>
      ))}
      {trace.pods.length > 0 ? (
        <span>
          pod{trace.pods.length === 1 ? "" : "s"}{" "}
          {trace.pods.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : ""}
              <Link className={link} href={`/pods/${p.id}`}>
                {p.name}
              </Link>
            </span>
          ))}
        </span>
      ) : null}
    </span>
  );
}
