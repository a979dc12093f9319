import { Info } from "lucide-react";
import type { Pool } from "@/lib/server/dal/pools";
import { algorithmExplanations } from "./algorithms";
import { healthCheckLong } from "./health-summary";

/** How the pool balances and checks its backends, and where it is served. */
export function PoolAbout({ pool }: { pool: Pool }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p>{algorithmExplanations[pool.algorithm]}</p>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">Health check: {healthCheckLong(pool.healthCheck)}</p>
      </div>
      <div role="note" className="flex gap-3 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900/60 dark:bg-sky-950/40 dark:text-sky-200">
        <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          {pool.listenPort
            ? `While the engine worker runs, its data plane proxies http://127.0.0.1:${pool.listenPort} to the healthy backends below, `
            : "Without a listen port this pool is not served, "}
          and its health checks probe every backend. {pool.ownerId ? "Backends follow the owner's ready pods automatically. " : ""}New backends
          start as &ldquo;unknown&rdquo;.
        </p>
      </div>
    </div>
  );
}
