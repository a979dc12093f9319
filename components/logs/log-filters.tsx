"use client";

import { Regex, Search } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { LOG_LEVELS, LOG_SOURCES } from "@/lib/telemetry/logs/record";
import { LOG_PAGE_FILTER_KEYS, type LogFilters, type LogPageFilterKey } from "./log-view-state";
import { FilterChip } from "@/components/lists/filter-chip";
import { useDebouncedParam } from "@/components/lists/use-debounced-param";

export interface LogSuggestions {
  workloads: string[];
  pods: string[];
  nodes: string[];
  services: string[];
}

type Update = (changes: Partial<Record<LogPageFilterKey | "follow", string>>) => void;

function LabelInput({ name, label, value, options, update }: { name: "workload" | "pod" | "node" | "service"; label: string; value: string | undefined; options: string[]; update: Update }) {
  const [text, setText] = useDebouncedParam(value, (v) => update({ [name]: v }));
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-zinc-500">{label}</span>
      <input list={`log-${name}s`} value={text} onChange={(e) => setText(e.target.value)} placeholder="any" className={`${controlClass} w-40`} />
      <datalist id={`log-${name}s`}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </label>
  );
}

/**
 * The viewer's filters, all in the URL: label filters (workload, pod, node, service, source, other labels), minimum
 * level, and the text search — a case-insensitive substring, or an RE2 regex with the toggle. The time range is the
 * page's shared range control, so clearing the filters keeps it.
 */
export function LogFilterBar({ filters, update, suggestions, searchError }: { filters: LogFilters; update: Update; suggestions: LogSuggestions; searchError: string | null }) {
  // Substring or regex: when the URL changes it says which (an empty box keeps the mode last chosen); the toggle
  // sets the mode at once, before the URL catches up.
  const [regexMode, setRegexMode] = useState(filters.regex !== undefined);
  const [urlSearch, setUrlSearch] = useState({ q: filters.q, regex: filters.regex });
  if (urlSearch.q !== filters.q || urlSearch.regex !== filters.regex) {
    setUrlSearch({ q: filters.q, regex: filters.regex });
    if (filters.regex !== undefined) setRegexMode(true);
    else if (filters.q !== undefined) setRegexMode(false);
  }
  const [search, setSearch] = useDebouncedParam(filters.regex ?? filters.q, (v) => update(regexMode ? { regex: v, q: undefined } : { q: v, regex: undefined }));
  const [labels, setLabels] = useDebouncedParam(filters.labels, (v) => update({ labels: v }));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div role="search" className="mb-3 space-y-3 text-sm">
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-72 flex-1">
          <div className="flex gap-2">
            <label className="relative flex-1">
              <span className="sr-only">{regexMode ? "Regular expression" : "Search text"}</span>
              {regexMode ? (
                <Regex className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
              ) : (
                <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
              )}
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={regexMode ? "RE2 regex, e.g. (?i)timeout|refused" : "Text in the line (any case)"}
                aria-invalid={searchError ? true : undefined}
                aria-describedby="log-search-error"
                className={`${controlClass} pl-8 font-mono`}
                spellCheck={false}
              />
            </label>
            <label className="flex items-center gap-1.5 whitespace-nowrap" title="Search with a regular expression (RE2 syntax: linear time, no backreferences)">
              <input
                type="checkbox"
                checked={regexMode}
                onChange={(e) => {
                  setRegexMode(e.target.checked);
                  update(e.target.checked ? { regex: search, q: undefined } : { q: search, regex: undefined });
                }}
                className="size-4 accent-sky-600"
              />
              Regex
            </label>
          </div>
          <p id="log-search-error" aria-live="polite" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {searchError}
          </p>
        </div>
        <label className="flex items-center gap-2">
          <span className="text-zinc-500">Level</span>
          <select aria-label="Level" value={filters.level ?? ""} onChange={(e) => update({ level: e.target.value })} className={`${controlClass} w-36`}>
            <option value="">all</option>
            {LOG_LEVELS.slice(1).map((l) => (
              <option key={l} value={l}>
                {l === "fatal" ? "fatal" : `${l} and above`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <LabelInput name="workload" label="Workload" value={filters.workload} options={suggestions.workloads} update={update} />
        <LabelInput name="pod" label="Pod" value={filters.pod} options={suggestions.pods} update={update} />
        <LabelInput name="node" label="Node" value={filters.node} options={suggestions.nodes} update={update} />
        <LabelInput name="service" label="Service" value={filters.service} options={suggestions.services} update={update} />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-zinc-500">Source</span>
          <select value={filters.source ?? ""} onChange={(e) => update({ source: e.target.value })} className={`${controlClass} w-32`}>
            <option value="">all</option>
            {LOG_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-48 flex-1 flex-col gap-1">
          <span className="text-xs text-zinc-500">Other labels</span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="region=eu, pool=web" className={`${controlClass} font-mono`} spellCheck={false} />
        </label>
        {filters.traceId ? (
          <FilterChip clearLabel="Clear the trace filter" onClear={() => update({ traceId: undefined })} className="self-center">
            trace {filters.traceId.slice(0, 12)}…
          </FilterChip>
        ) : null}
        {filtered ? (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs"
            onClick={() => update(Object.fromEntries(LOG_PAGE_FILTER_KEYS.map((k) => [k, undefined])))}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
