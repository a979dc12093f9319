import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Row, Table, Td, Th } from "@/components/ui/table";
import { relativeTime } from "@/lib/format";
import type { AuditEvent } from "@/lib/server/dal/audit-events";
import { DiffView } from "./diff-view";

const outcomeTone: Record<string, Tone> = { success: "good", denied: "bad", failed: "warn" };

/** `25 Nov 2026, 19:30:05 UTC`: one clock for everyone reading the same trail. */
const utc = (iso: string) =>
  `${new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" })} UTC`;

/** One row per audited event: when, who (and from where), what they did to which object, the change, the outcome. */
export function AuditTable({ events, filtered }: { events: AuditEvent[]; filtered: boolean }) {
  if (events.length === 0) {
    return <EmptyState title={filtered ? "No events match these filters" : "Nothing audited yet"}>{filtered ? "Widen the time range or clear a filter." : null}</EmptyState>;
  }
  return (
    <Table label="Audit events">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Object</Th>
          <Th>Change</Th>
          <Th>Outcome</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <Row key={e.id}>
            <Td className="whitespace-nowrap">
              <span title={utc(e.at)}>{relativeTime(e.at)}</span>
              <span className="block text-[11px] text-zinc-500 tabular-nums">{utc(e.at)}</span>
            </Td>
            <Td>
              <span className="font-medium">{e.actorName ?? e.actorId}</span>
              <span className="block text-[11px] text-zinc-500">
                {e.actorType}
                {e.sourceIp ? ` · ${e.sourceIp}` : ""}
              </span>
            </Td>
            <Td className="whitespace-nowrap">
              <span className="font-medium">{e.verb}</span> <span className="text-zinc-500">{e.objectType}</span>
              {e.cause ? <span className="block text-[11px] text-zinc-500">{e.cause}</span> : null}
            </Td>
            <Td className="max-w-48">
              {e.objectName ?? (e.objectId ? <span className="font-mono text-[11px] break-all">{e.objectId}</span> : <span className="text-zinc-400">—</span>)}
            </Td>
            <Td className="max-w-md">
              <DiffView diff={e.diff} />
            </Td>
            <Td>
              <Badge tone={outcomeTone[e.outcome] ?? "neutral"}>{e.outcome}</Badge>
              {e.detail ? <span className="mt-0.5 block max-w-48 text-[11px] text-zinc-500">{e.detail}</span> : null}
            </Td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
