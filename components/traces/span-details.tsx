import { X } from "lucide-react";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import type { SpanView, TraceDetail } from "@/lib/server/dal/traces";
import type { Attributes } from "@/lib/telemetry/traces/span";
import { formatMicros } from "@/lib/telemetry/traces/waterfall";
import { attributeText } from "./collapse";

const statusTone: Record<SpanView["status"], Tone> = { unset: "neutral", ok: "good", error: "bad" };
const link = "text-sky-700 hover:underline dark:text-sky-400";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

/** An attribute key that wraps only after its dots (http.request.<wbr>method), never mid-word. */
function DottedKey({ name }: { name: string }) {
  const parts = name.split(".");
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          .<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

function AttributeTable({ label, attributes }: { label: string; attributes: Attributes }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="text-xs text-zinc-500">None</p>;
  return (
    <table aria-label={label} className="w-full table-auto text-xs">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key} className="align-top">
            <th scope="row" className="py-0.5 pr-3 text-left font-mono font-normal text-zinc-500">
              <DottedKey name={key} />
            </th>
            <td className="py-0.5 font-mono break-all">{attributeText(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Everything about one span: identity, timing, status, links to its pool and pod, attributes, events, resource. */
export function SpanDetails({
  span,
  traceStartUs,
  pools,
  pods,
  onClose,
}: {
  span: SpanView;
  traceStartUs: number;
  pools: TraceDetail["pools"];
  pods: TraceDetail["pods"];
  onClose: () => void;
}) {
  const pool = span.poolId ? pools.find((p) => p.id === span.poolId) : undefined;
  const pod = span.podName ? pods.find((p) => p.name === span.podName) : undefined;
  const facts: Array<[string, ReactNode]> = [
    ["Service", span.service],
    ["Kind", span.kind],
    ["Status", <Badge key="status" tone={statusTone[span.status]}>{span.status}</Badge>],
    ["Starts at", `+${formatMicros(span.startUs - traceStartUs)}`],
    ["Duration", formatMicros(span.durationUs)],
    ["Span id", <span key="id" className="font-mono">{span.spanId}</span>],
    ["Parent", span.parentSpanId ? <span key="parent" className="font-mono">{span.parentSpanId}</span> : "none (root)"],
  ];
  if (span.poolId) facts.push(["Pool", pool ? <Link key="pool" className={link} href={`/pools/${pool.id}`}>{pool.name}</Link> : <span key="pool" className="font-mono">{span.poolId}</span>]);
  if (span.podName) facts.push(["Pod", pod ? <Link key="pod" className={link} href={`/pods/${pod.id}`}>{pod.name}</Link> : `${span.podName} (gone)`]);

  return (
    <aside
      aria-label="Span details"
      className="sticky top-4 max-h-[calc(100vh-2rem)] w-96 shrink-0 overflow-y-auto rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex items-start justify-between gap-2 px-4 py-3">
        <h2 className="text-sm font-semibold break-all">{span.name}</h2>
        <button type="button" aria-label="Close span details" onClick={onClose} className="rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <X className="size-4" aria-hidden />
        </button>
      </header>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1 px-4 pb-3 text-xs">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="min-w-0 break-all">{value}</dd>
          </div>
        ))}
      </dl>
      {span.statusMessage ? (
        <p className="mx-4 mb-3 rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">{span.statusMessage}</p>
      ) : null}
      <Section title="Attributes">
        <AttributeTable label="Attributes" attributes={span.attributes} />
      </Section>
      <Section title={`Events (${span.events.length})`}>
        {span.events.length === 0 ? (
          <p className="text-xs text-zinc-500">None</p>
        ) : (
          <ol className="space-y-2">
            {span.events.map((e, i) => (
              <li key={i} className="text-xs">
                <span className="font-medium">{e.name || "(unnamed)"}</span>{" "}
                <span className="text-zinc-500 tabular-nums">+{formatMicros(e.timeUs - span.startUs)}</span>
                {Object.keys(e.attributes).length > 0 ? <AttributeTable label={`Attributes of event ${e.name}`} attributes={e.attributes} /> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Resource">
        <AttributeTable label="Resource" attributes={span.resource} />
      </Section>
    </aside>
  );
}
