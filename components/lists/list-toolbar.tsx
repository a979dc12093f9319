"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { controlClass } from "@/components/ui/field";

export interface FilterOption {
  name: string;
  label: string;
  options: readonly string[];
}

interface Props {
  query: Record<string, string | undefined>;
  update: (changes: Record<string, string | undefined>) => void;
  filters?: FilterOption[];
  sortOptions: Array<{ value: string; label: string }>;
  searchLabel?: string;
  /** Show the label-selector box (objects without labels turn it off). */
  labelSelector?: boolean;
}

/** Search box, label selector, filters and sort for a list, all held in the URL. */
export function ListToolbar({ query, update, filters = [], sortOptions, searchLabel = "Search by name", labelSelector = true }: Props) {
  const [q, setQ] = useState(query.q ?? "");
  const [selector, setSelector] = useState(query.selector ?? "");
  // Debounce typing so the URL (and the query) changes once per pause, not per keystroke.
  useEffect(() => {
    if (q === (query.q ?? "") && selector === (query.selector ?? "")) return;
    const t = setTimeout(() => update({ q, selector }), 300);
    return () => clearTimeout(t);
  }, [q, selector, query.q, query.selector, update]);

  return (
    <div role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="relative min-w-56 flex-1">
        <span className="sr-only">{searchLabel}</span>
        <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={searchLabel} className={`${controlClass} pl-8`} />
      </label>
      {labelSelector ? (
        <label className="min-w-48">
          <span className="sr-only">Label selector</span>
          <input value={selector} onChange={(e) => setSelector(e.target.value)} placeholder="Labels, e.g. app=web" className={`${controlClass} font-mono`} />
        </label>
      ) : null}
      {filters.map((f) => (
        <label key={f.name} className="flex items-center gap-2 text-sm">
          <span aria-hidden className="text-zinc-500">{f.label}</span>
          <select aria-label={f.label} value={query[f.name] ?? ""} onChange={(e) => update({ [f.name]: e.target.value })} className={`${controlClass} w-auto`}>
            <option value="">all</option>
            {f.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="flex items-center gap-2 text-sm">
        <span aria-hidden className="text-zinc-500">Sort</span>
        <select aria-label="Sort" value={query.sort ?? ""} onChange={(e) => update({ sort: e.target.value })} className={`${controlClass} w-auto`}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
