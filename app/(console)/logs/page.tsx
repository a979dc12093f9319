import type { Metadata } from "next";
import { Suspense } from "react";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { LogViewer } from "@/components/logs/log-viewer";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listLogServices } from "@/lib/server/dal/logs";
import { listNodes } from "@/lib/server/dal/nodes";
import { listPods } from "@/lib/server/dal/pods";
import { listResources } from "@/lib/server/dal/resources";

export const metadata: Metadata = { title: "Logs" };

/** Pods' output, the engine's and data plane's events, and OTLP logs: search, filter, follow, download. */
export default async function LogsPage() {
  const ctx = await consoleCtx();
  const names = (page: { items: Array<{ name: string }> }) => page.items.map((i) => i.name);
  const [workloads, pods, nodes, services] = await Promise.all([
    listResources({ ctx, query: { kind: "container", sort: "name", limit: 500 } }).then(names),
    listPods({ ctx, query: { sort: "name", limit: 500 } }).then(names),
    listNodes({ ctx, query: { sort: "name", limit: 500 } }).then(names),
    listLogServices({ ctx }),
  ]);
  return (
    <>
      <PageHeader
        title="Logs"
        description="Pods' stdout and stderr, the engine's and the data plane's events, and what your services send to /v1/logs."
        actions={
          // No refresh: follow mode is how the viewer stays live.
          <Suspense>
            <TimeRangeControl withRefresh={false} />
          </Suspense>
        }
      />
      <Suspense>
        <LogViewer suggestions={{ workloads, pods, nodes, services }} />
      </Suspense>
    </>
  );
}
