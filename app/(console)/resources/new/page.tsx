import type { Metadata } from "next";
import { ResourceForm } from "@/components/resources/resource-form";
import { PageHeader } from "@/components/ui/page-header";
import { createResourceAction } from "../actions";

export const metadata: Metadata = { title: "New resource" };

export default function NewResourcePage() {
  return (
    <>
      <PageHeader title="New resource" description="Choose a kind, then its configuration." />
      <ResourceForm action={createResourceAction} />
    </>
  );
}
