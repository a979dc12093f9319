import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { getOverview } from "@/lib/server/dal/overview";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const initial = await getOverview({ ctx: await consoleCtx() });
  return (
    <>
      <PageHeader title="Overview" description="The estate at a glance. Refreshes every few seconds." />
      <OverviewDashboard initial={initial} />
    </>
  );
}
