import type { Metadata } from "next";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { AutoscalerList } from "@/components/autoscaling/autoscaler-list";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { listAutoscalers } from "@/lib/server/dal/autoscalers";

export const metadata: Metadata = { title: "Autoscaling" };

export default async function AutoscalingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, ["q", "enabled", "sort", "cursor"]);
  const initial = await listAutoscalers({ ctx: await consoleCtx(), query }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Autoscaling"
        description="Autoscalers size container resources by their pods' CPU: every 5 s each decides, and says why."
        actions={<GatedLinkButton need="write" href="/autoscaling/new">New autoscaler</GatedLinkButton>}
      />
      <AutoscalerList initial={initial} />
    </>
  );
}
