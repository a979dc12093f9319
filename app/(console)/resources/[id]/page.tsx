import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteObjectButton } from "@/components/forms/delete-object-button";
import { ResourceForm } from "@/components/resources/resource-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/server/auth/principal";
import { consoleCtx } from "@/lib/server/auth/session";
import { getResource } from "@/lib/server/dal/resources";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { deleteResourceAction, updateResourceAction } from "../actions";

export const metadata: Metadata = { title: "Resource" };

export default async function ResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await consoleCtx();
  const resource = await loadOrNotFound(() => getResource({ ctx, id }));
  if (!resource) notFound();
  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-2">{resource.name} <Badge tone="info">{resource.kind}</Badge></span>}
        description={`Version ${resource.version} · created ${new Date(resource.createdAt).toLocaleString("en-GB")}`}
        actions={<DeleteObjectButton what="resource" name={resource.name} action={deleteResourceAction.bind(null, resource.id, resource.version)} />}
      />
      <Card title={can(ctx.principal, "write") ? "Edit" : "Configuration"}>
        <ResourceForm key={resource.version} action={updateResourceAction.bind(null, resource.id)} resource={resource} />
      </Card>
    </>
  );
}
