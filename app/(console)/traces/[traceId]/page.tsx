import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceSummaryLine } from "@/components/traces/trace-summary-line";
import { TraceWaterfall } from "@/components/traces/trace-waterfall";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { getTrace } from "@/lib/server/dal/traces";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Trace" };

export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const { traceId } = await params;
  const ctx = await consoleCtx();
  const trace = await getTrace({ ctx, traceId }).catch((error: unknown) => {
    // An unknown or malformed id is a missing page, not an error.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!trace) notFound();
  const root = trace.spans.find((s) => s.parentSpanId === null) ?? trace.spans[0]!;
  return (
    <>
      <PageHeader
        title={root.name}
        description={<TraceSummaryLine trace={trace} />}
        actions={
          <>
            <Link href="/traces" className={buttonClass("secondary")}>
              All traces
            </Link>
            <Link href={`/logs?traceId=${trace.traceId}`} className={buttonClass("secondary")}>
              Logs of this trace
            </Link>
          </>
        }
      />
      {trace.truncated ? (
        <p role="status" className="mb-3 text-sm text-amber-700 dark:text-amber-400">
          This trace has more spans than can be shown: the earliest {trace.spans.length.toLocaleString("en-GB")} are.
        </p>
      ) : null}
      <TraceWaterfall trace={trace} />
    </>
  );
}
