import type { Metadata } from "next";
import { RULE_LIST_KEYS } from "@/components/alerts/alert-queries";
import { AlertRuleList } from "@/components/alerts/alert-rule-list";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { listAlertRules } from "@/lib/server/dal/alert-rules";

export const metadata: Metadata = { title: "Alert rules" };

export default async function AlertRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, RULE_LIST_KEYS);
  const initial = await listAlertRules({ ctx: await consoleCtx(), query }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Each rule compares an aggregation of a metric over a window with a threshold, per group of series."
        actions={<GatedLinkButton need="write" href="/alerts/rules/new">New rule</GatedLinkButton>}
      />
      <AlertsTabs />
      <AlertRuleList initial={initial} />
    </>
  );
}
