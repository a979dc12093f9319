import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenTable } from "@/components/tokens/token-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/server/auth/principal";
import { consoleCtx } from "@/lib/server/auth/session";
import { listApiTokens } from "@/lib/server/dal/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const ctx = await consoleCtx();
  const tokens = await listApiTokens({ ctx });
  const admin = can(ctx.principal, "admin");
  return (
    <>
      <PageHeader
        title="API tokens"
        description={admin ? "Every token in Stratus. Each acts with at most its creator's role, and expires." : "Your tokens for scripts and automation. Each acts with at most your role, and expires."}
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <TokenTable tokens={tokens} showCreator={admin} />
        <Card title="Create a token">
          <CreateTokenForm />
        </Card>
      </div>
    </>
  );
}
