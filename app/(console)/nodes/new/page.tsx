import type { Metadata } from "next";
import { NodeForm } from "@/components/nodes/node-form";
import { PageHeader } from "@/components/ui/page-header";
import { createNodeAction } from "../actions";

export const metadata: Metadata = { title: "Register node" };

export default function NewNodePage() {
  return (
    <>
      <PageHeader title="Register node" description="Name the node and say what it offers; the scheduler will place pods on it." />
      <NodeForm action={createNodeAction} />
    </>
  );
}
