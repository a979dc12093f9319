import type { Metadata } from "next";
import { AutoscalerForm } from "@/components/autoscaling/autoscaler-form";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listResources } from "@/lib/server/dal/resources";
import { createAutoscalerAction } from "../actions";

export const metadata: Metadata = { title: "New autoscaler" };

export default async function NewAutoscalerPage() {
  const containers = await listResources({ ctx: await consoleCtx(), query: { kind: "container", sort: "name", limit: 500 } });
  return (
    <>
      <PageHeader title="New autoscaler" description="Choose the container resource to scale, then how: thresholds, or a CPU target like Kubernetes' HPA." />
      <AutoscalerForm action={createAutoscalerAction} targets={containers.items.map((r) => ({ value: r.id, label: r.name }))} />
    </>
  );
}
