import type { Metadata } from "next";
import { AuditFilters, AuditPager } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { AUDIT_FILTER_KEYS } from "@/lib/schemas/audit";
import { consoleCtx } from "@/lib/server/auth/session";
import { auditFacets, listAuditEvents, type AuditEvent } from "@/lib/server/dal/audit-events";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, AUDIT_FILTER_KEYS);
  const ctx = await consoleCtx();
  const [page, facets] = await Promise.all([listAuditEvents({ ctx, query }).catch(invalidAsMessage), auditFacets({ ctx })]);
  const filtered = AUDIT_FILTER_KEYS.some((k) => k !== "cursor" && query[k]);
  return (
    <>
      <PageHeader title="Audit" description="Every change, sign-in and refusal: who, what, when, from where, and what changed." />
      <AuditFilters verbs={facets.verbs} objectTypes={facets.objectTypes} />
      {"problem" in page ? (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          {page.problem}
        </p>
      ) : null}
      <AuditTable events={page.items} filtered={filtered} />
      <AuditPager nextCursor={page.nextCursor} count={page.items.length} />
    </>
  );
}

/** A hand-edited URL with a bad filter shows what is wrong instead of an error page. */
function invalidAsMessage(error: unknown): { items: AuditEvent[]; nextCursor: null; problem: string } {
  if (error instanceof AppError && error.code === "INVALID") return { items: [], nextCursor: null, problem: error.message };
  throw error;
}
