import type { Metadata } from "next";
import { MetricExplorer } from "@/components/metrics/metric-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listMetricNames } from "@/lib/server/dal/metrics-query";

export const metadata: Metadata = { title: "Metrics" };

/** The metric explorer (at /metrics/explore: /metrics itself is Stratus's Prometheus endpoint). */
export default async function MetricsPage() {
  const names = await listMetricNames({ ctx: await consoleCtx() });
  return (
    <>
      <PageHeader title="Metrics" description="Pushed, OTLP and Stratus's own metrics: pick one, filter by labels, choose a range and an aggregation." />
      <MetricExplorer names={names} />
    </>
  );
}
