import "server-only";
import type { Ctx } from "@/lib/server/auth/principal";
import { listMetricNames } from "@/lib/server/dal/metrics-query";
import { listResources } from "@/lib/server/dal/resources";

/** What the rule form offers to pick from: stored metric names and the container workloads a fix can scale. */
export async function ruleFormChoices(ctx: Ctx) {
  const [metrics, containers] = await Promise.all([listMetricNames({ ctx }), listResources({ ctx, query: { kind: "container", sort: "name", limit: 500 } })]);
  return { metrics: metrics.map((m) => m.name), workloads: containers.items.map((r) => ({ value: r.id, label: r.name })) };
}
