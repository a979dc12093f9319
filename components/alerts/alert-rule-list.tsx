"use client";

import { ListEmptyState } from "@/components/lists/list-empty-state";
import { ListToolbar } from "@/components/lists/list-toolbar";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Badge } from "@/components/ui/badge";
import { NameCell, Row, Table, Td, Th } from "@/components/ui/table";
import { SEVERITIES } from "@/lib/domain/alerting";
import { alertRuleKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { AlertRule } from "@/lib/server/dal/alert-rules";
import { listAlertRulesAction } from "@/app/(console)/alerts/actions";
import { RULE_LIST_KEYS } from "./alert-queries";
import { severityTone } from "./alert-tones";

const SORTS = [
  { value: "", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-createdAt", label: "Newest first" },
  { value: "-severity", label: "Most severe first" },
];

const remediationText = (r: AlertRule["remediation"]) =>
  !r ? null : r.action === "scale" ? (r.to !== undefined ? `scale to ${r.to}` : `scale ${r.by! > 0 ? "+" : ""}${r.by}`) : r.action === "drain" ? "drain node" : "eject backend";

/** Every rule with its expression, severity and offered fix; filters and paging live in the URL. */
export function AlertRuleList({ initial }: { initial?: Page<AlertRule> }) {
  const { query, update } = useUrlQuery(RULE_LIST_KEYS);
  const { data, error, isFetching } = useLiveList(alertRuleKeys.list(query), () => listAlertRulesAction(query), initial);
  const filtered = Boolean(query.q || query.enabled || query.severity);
  return (
    <>
      <ListToolbar
        query={query}
        update={update}
        labelSelector={false}
        filters={[
          { name: "severity", label: "Severity", options: SEVERITIES },
          { name: "enabled", label: "Enabled", options: ["true", "false"] },
        ]}
        sortOptions={SORTS}
      />
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <ListEmptyState noun="alert rule" filtered={filtered} createHref="/alerts/rules/new" createLabel="Create the first rule" emptyTitle="No alert rules yet" />
      ) : (
        <Table label="Alert rules">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Expression</Th>
              <Th>Severity</Th>
              <Th>Remediation</Th>
              <Th>Webhook</Th>
              <Th>Enabled</Th>
            </tr>
          </thead>
          <tbody aria-busy={isFetching}>
            {data?.items.map((r) => (
              <Row key={r.id}>
                <NameCell href={`/alerts/rules/${r.id}`}>{r.name}</NameCell>
                <Td className="font-mono text-xs">{r.expression}</Td>
                <Td><Badge tone={severityTone[r.severity]}>{r.severity}</Badge></Td>
                <Td className="text-xs">{remediationText(r.remediation) ?? <span className="text-zinc-400">—</span>}</Td>
                <Td className="text-xs">{r.webhookUrl ? <span title={r.webhookUrl}>{new URL(r.webhookUrl).host}</span> : <span className="text-zinc-400">—</span>}</Td>
                <Td>{r.enabled ? <span className="text-emerald-600 dark:text-emerald-400">Yes</span> : <Badge tone="warn">paused</Badge>}</Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
