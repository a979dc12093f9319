import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertDetail } from "@/components/alerts/alert-detail";
import { severityTone } from "@/components/alerts/alert-tones";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { consoleCtx } from "@/lib/server/auth/session";
import { getAlert } from "@/lib/server/dal/alerts";

export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const alert = await loadOrNotFound(async () => getAlert({ ctx: await consoleCtx(), id }));
  if (!alert) notFound();
  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-2">{alert.ruleName} <Badge tone={severityTone[alert.severity]}>{alert.severity}</Badge></span>}
        description={
          <>
            An episode of <Link href={`/alerts/rules/${alert.ruleId}`} className="text-sky-700 hover:underline dark:text-sky-400">rule {alert.ruleName}</Link>
            {" · "}
            <Link href={`/alerts/silences?alert=${alert.id}`} className="text-sky-700 hover:underline dark:text-sky-400">silence alerts like it</Link>
          </>
        }
      />
      <AlertDetail initial={alert} />
    </>
  );
}
