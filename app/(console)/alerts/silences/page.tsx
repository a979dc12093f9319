import type { Metadata } from "next";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { SilenceForm } from "@/components/alerts/silence-form";
import { SilenceList } from "@/components/alerts/silence-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { can } from "@/lib/server/auth/principal";
import { consoleCtx } from "@/lib/server/auth/session";
import { groupLabelsOf } from "@/lib/domain/alerting";
import { getAlert } from "@/lib/server/dal/alerts";
import { getAlertRule } from "@/lib/server/dal/alert-rules";
import { listSilences } from "@/lib/server/dal/silences";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { createSilenceAction } from "../actions";

export const metadata: Metadata = { title: "Silences" };

/** Coming from an alert (`?alert=<id>`): match its rule and the labels that tell its group apart. */
async function matchersFrom(alertId: string | undefined, ctx: Awaited<ReturnType<typeof consoleCtx>>): Promise<Record<string, string>> {
  if (!alertId) return {};
  const alert = await loadOrNotFound(() => getAlert({ ctx, id: alertId }));
  if (!alert) return {};
  const rule = await loadOrNotFound(() => getAlertRule({ ctx, id: alert.ruleId }));
  return { alertname: alert.ruleName, ...groupLabelsOf(alert.labels, rule?.groupBy ?? []) };
}

export default async function SilencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const ctx = await consoleCtx();
  const [initial, matchers] = await Promise.all([
    listSilences({ ctx, query: pickQuery(params, ["state", "cursor"]) }).catch(() => undefined),
    matchersFrom(typeof params.alert === "string" ? params.alert : undefined, ctx),
  ]);
  return (
    <>
      <PageHeader title="Alerts" description="A silence mutes the notifications of alerts whose labels match all its matchers, for a while; the alerts still show." />
      <AlertsTabs />
      <div className="space-y-6">
        {can(ctx.principal, "write") ? (
          <Card title="New silence">
            <SilenceForm key={JSON.stringify(matchers)} action={createSilenceAction} matchers={matchers} />
          </Card>
        ) : null}
        <SilenceList initial={initial} />
      </div>
    </>
  );
}
