import type { Metadata } from "next";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { TraceFilters } from "@/components/traces/trace-filters";
import { TraceList } from "@/components/traces/trace-list";
import { TRACE_PAGE_KEYS, TRACES_DEFAULT_RANGE, traceApiQuery } from "@/components/traces/trace-query";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { getPool } from "@/lib/server/dal/pools";
import { listTraces, traceServices } from "@/lib/server/dal/traces";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = traceApiQuery(pickQuery(await searchParams, TRACE_PAGE_KEYS));
  const ctx = await consoleCtx();
  const [initial, services, pool] = await Promise.all([
    listTraces({ ctx, query }).catch(invalidAsMessage),
    traceServices({ ctx }),
    query.poolId ? getPool({ ctx, id: query.poolId }).catch(() => null) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Traces"
        description="Requests end to end: the data plane's own spans and whatever your services send to /v1/traces."
        // No refresh: the list polls like every list.
        actions={<TimeRangeControl defaultRange={TRACES_DEFAULT_RANGE} withRefresh={false} />}
      />
      <TraceFilters services={services} poolName={pool?.name ?? null} />
      {"problem" in initial ? (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          {initial.problem}
        </p>
      ) : null}
      <TraceList initial={"problem" in initial ? undefined : initial} />
    </>
  );
}

/** A hand-edited URL with a bad filter shows what is wrong instead of an error page. */
function invalidAsMessage(error: unknown): { problem: string } {
  if (error instanceof AppError && error.code === "INVALID") return { problem: error.message };
  throw error;
}
