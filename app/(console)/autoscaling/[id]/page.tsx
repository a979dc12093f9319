import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoscalerActivity } from "@/components/autoscaling/autoscaler-activity";
import { AutoscalerForm } from "@/components/autoscaling/autoscaler-form";
import { EnableButton } from "@/components/autoscaling/enable-button";
import { modeNames, policyLong } from "@/components/autoscaling/policy-summary";
import { DeleteObjectButton } from "@/components/forms/delete-object-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { can } from "@/lib/server/auth/principal";
import { consoleCtx } from "@/lib/server/auth/session";
import { getAutoscaler } from "@/lib/server/dal/autoscalers";
import { getResource } from "@/lib/server/dal/resources";
import { deleteAutoscalerAction, setAutoscalerEnabledAction, updateAutoscalerAction } from "../actions";
import { recentDecisions } from "../load";

export const metadata: Metadata = { title: "Autoscaler" };

const link = "text-sky-700 hover:underline dark:text-sky-400";

export default async function AutoscalerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await consoleCtx();
  const autoscaler = await loadOrNotFound(() => getAutoscaler({ ctx, id }));
  if (!autoscaler) notFound();
  const [target, decisions] = await Promise.all([
    loadOrNotFound(() => getResource({ ctx, id: autoscaler.targetId })),
    recentDecisions(ctx, id),
  ]);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {autoscaler.name} <Badge tone="info">{modeNames[autoscaler.policy.mode]}</Badge> {autoscaler.enabled ? null : <Badge tone="warn">paused</Badge>}
          </span>
        }
        description={
          <>
            Scales <Link href={`/resources/${autoscaler.targetId}`} className={link}>{target?.name ?? "its target"}</Link>
            {` between ${autoscaler.policy.minReplicas} and ${autoscaler.policy.maxReplicas} replicas · version ${autoscaler.version}`}
          </>
        }
        actions={
          <>
            <EnableButton enabled={autoscaler.enabled} action={setAutoscalerEnabledAction.bind(null, autoscaler.id, autoscaler.version, !autoscaler.enabled)} />
            <DeleteObjectButton what="autoscaler" name={autoscaler.name} action={deleteAutoscalerAction.bind(null, autoscaler.id, autoscaler.version)} />
          </>
        }
      />
      <div className="space-y-4">
        <AutoscalerActivity initial={autoscaler} initialDecisions={decisions} />
        <Card title="Policy">
          <ul className="list-disc space-y-1 pl-5 text-sm marker:text-zinc-400">
            {policyLong(autoscaler.policy).map((line) => <li key={line}>{line}</li>)}
          </ul>
        </Card>
        <Card title={can(ctx.principal, "write") ? "Edit" : "Configuration"}>
          <AutoscalerForm key={autoscaler.version} action={updateAutoscalerAction.bind(null, autoscaler.id)} autoscaler={autoscaler} targetName={target?.name} />
        </Card>
      </div>
    </>
  );
}
