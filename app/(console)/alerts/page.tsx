import type { Metadata } from "next";
import { ActiveAlerts } from "@/components/alerts/active-alerts";
import { AlertHistory } from "@/components/alerts/alert-history";
import { ACTIVE_QUERY, historyQuery } from "@/components/alerts/alert-queries";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listAlerts } from "@/lib/server/dal/alerts";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { cursor } = await searchParams;
  const ctx = await consoleCtx();
  const [active, history] = await Promise.all([
    listAlerts({ ctx, query: ACTIVE_QUERY }).catch(() => undefined),
    listAlerts({ ctx, query: historyQuery(typeof cursor === "string" ? cursor : undefined) }).catch(() => undefined),
  ]);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules over metrics, evaluated by the worker: pending while a breach lasts less than its for-duration, then firing, then resolved."
        actions={<GatedLinkButton need="write" href="/alerts/rules/new">New rule</GatedLinkButton>}
      />
      <AlertsTabs />
      <div className="space-y-6">
        <ActiveAlerts initial={active} />
        <section aria-labelledby="alert-history">
          <h2 id="alert-history" className="mb-2 text-sm font-semibold">History</h2>
          <AlertHistory initial={history} />
        </section>
      </div>
    </>
  );
}
