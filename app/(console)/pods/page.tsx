import type { Metadata } from "next";
import Link from "next/link";
import { PodList } from "@/components/pods/pod-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { listPods } from "@/lib/server/dal/pods";

export const metadata: Metadata = { title: "Pods" };

export default async function PodsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, ["q", "phase", "nodeName", "selector", "sort", "cursor"]);
  const initial = await listPods({ ctx: await consoleCtx(), query }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Pods"
        description="Units of work: their containers, what they request, and the node they are bound to."
        actions={<Link href="/pods/new" className={buttonClass()}>New pod</Link>}
      />
      <PodList initial={initial} />
    </>
  );
}
