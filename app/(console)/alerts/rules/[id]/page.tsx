import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertRuleForm } from "@/components/alerts/alert-rule-form";
import { severityTone } from "@/components/alerts/alert-tones";
import { DeleteObjectButton } from "@/components/forms/delete-object-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { can } from "@/lib/server/auth/principal";
import { consoleCtx } from "@/lib/server/auth/session";
import { getAlertRule } from "@/lib/server/dal/alert-rules";
import { deleteAlertRuleAction, updateAlertRuleAction } from "../../actions";
import { ruleFormChoices } from "../load";

export const metadata: Metadata = { title: "Alert rule" };

export default async function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await consoleCtx();
  const rule = await loadOrNotFound(() => getAlertRule({ ctx, id }));
  if (!rule) notFound();
  const choices = await ruleFormChoices(ctx);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {rule.name} <Badge tone={severityTone[rule.severity]}>{rule.severity}</Badge> {rule.enabled ? null : <Badge tone="warn">paused</Badge>}
          </span>
        }
        description={<span className="font-mono text-xs">{rule.expression}</span>}
        actions={<DeleteObjectButton what="alert rule" name={rule.name} action={deleteAlertRuleAction.bind(null, rule.id, rule.version)} />}
      />
      <Card title={can(ctx.principal, "write") ? "Edit" : "Configuration"}>
        <AlertRuleForm key={rule.version} action={updateAlertRuleAction.bind(null, rule.id)} rule={rule} {...choices} />
      </Card>
    </>
  );
}
