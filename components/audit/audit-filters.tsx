"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { Pager } from "@/components/lists/pager";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { AUDIT_FILTER_KEYS, AuditOutcomes } from "@/lib/schemas/audit";

/** ISO time (URL) ⇄ the browser's local `datetime-local` value, so the range means what the user picked. */
const toLocalInput = (iso: string | undefined) => {
  if (!iso || Number.isNaN(Date.parse(iso))) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

const RANGES = [
  { label: "Last hour", ms: 3_600_000 },
  { label: "Last 24 h", ms: 86_400_000 },
  { label: "Last 7 days", ms: 7 * 86_400_000 },
];

/** Actor, object type, verb, outcome and time range — all in the URL, so a filtered trail can be shared. */
export function AuditFilters({ verbs, objectTypes }: { verbs: string[]; objectTypes: string[] }) {
  const { query, update } = useUrlQuery(AUDIT_FILTER_KEYS);
  const [actor, setActor] = useState(query.actor ?? "");
  useEffect(() => {
    if (actor === (query.actor ?? "")) return;
    const t = setTimeout(() => update({ actor }), 300);
    return () => clearTimeout(t);
  }, [actor, query.actor, update]);

  const select = (name: "objectType" | "verb" | "outcome", label: string, options: readonly string[]) => (
    <label className="flex items-center gap-2 text-sm">
      <span aria-hidden className="text-zinc-500">{label}</span>
      <select aria-label={label} value={query[name] ?? ""} onChange={(e) => update({ [name]: e.target.value })} className={`${controlClass} w-auto`}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );

  const filtered = AUDIT_FILTER_KEYS.some((k) => k !== "cursor" && query[k]);
  return (
    <div role="search" className="mb-4 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="relative min-w-56 flex-1">
          <span className="sr-only">Actor</span>
          <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
          <input type="search" value={actor} onChange={(e) => setActor(e.target.value)} placeholder="Actor: name, id or type" className={`${controlClass} pl-8`} />
        </label>
        {select("objectType", "Object", objectTypes)}
        {select("verb", "Verb", verbs)}
        {select("outcome", "Outcome", AuditOutcomes)}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <span className="text-zinc-500">From</span>
          <input type="datetime-local" aria-label="From" value={toLocalInput(query.from)} onChange={(e) => update({ from: fromLocalInput(e.target.value) })} className={`${controlClass} w-auto`} />
        </label>
        <label className="flex items-center gap-2">
          <span className="text-zinc-500">To</span>
          <input type="datetime-local" aria-label="To" value={toLocalInput(query.to)} onChange={(e) => update({ to: fromLocalInput(e.target.value) })} className={`${controlClass} w-auto`} />
        </label>
        <span className="flex gap-1">
          {RANGES.map((r) => (
            <Button key={r.label} variant="ghost" className="px-2 py-1 text-xs" onClick={() => update({ from: new Date(Date.now() - r.ms).toISOString(), to: undefined })}>
              {r.label}
            </Button>
          ))}
        </span>
        {filtered ? (
          <Button
            variant="ghost"
            className="ml-auto px-2 py-1 text-xs"
            onClick={() => {
              setActor("");
              update({ actor: undefined, objectType: undefined, verb: undefined, outcome: undefined, from: undefined, to: undefined });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Older events follow the cursor in the URL. */
export function AuditPager({ nextCursor, count }: { nextCursor: string | null; count: number }) {
  const { query, update } = useUrlQuery(AUDIT_FILTER_KEYS);
  return <Pager cursor={query.cursor} nextCursor={nextCursor} count={count} onPage={(cursor) => update({ cursor })} />;
}
