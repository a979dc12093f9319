import type { Metadata } from "next";
import { PoolForm } from "@/components/pools/pool-form";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listResources } from "@/lib/server/dal/resources";
import { createPoolAction } from "../actions";

export const metadata: Metadata = { title: "New pool" };

export default async function NewPoolPage() {
  const owners = await listResources({ ctx: await consoleCtx(), query: { kind: "container", sort: "name", limit: 500 } });
  return (
    <>
      <PageHeader title="New pool" description="Pick a balancing algorithm and health check; add backends on the next page." />
      <PoolForm action={createPoolAction} owners={owners.items.map((r) => ({ value: r.id, label: r.name }))} />
    </>
  );
}
