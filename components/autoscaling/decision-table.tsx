"use client";

import { ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";
import { averageCpuPercent } from "@/components/charts/scaling-data";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td, Th } from "@/components/ui/table";
import type { ScaleAction } from "@/lib/domain/autoscaling";
import type { ScaleDecisionRecord } from "@/lib/server/dal/autoscalers";
import { actionNames, shortenIds } from "./policy-summary";

const actionTone: Record<ScaleAction, Tone> = { scale_up: "info", scale_down: "warn", none: "neutral" };
const PAGE = 30;

/** Every rule the decision applied, in order, and what it concluded: the "why did it scale" view. */
function Explanation({ decision }: { decision: ScaleDecisionRecord }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <h4 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase">Explanation</h4>
        <ul className="space-y-1 text-sm break-words">
          {decision.explanation.map((sentence, i) => (
            <li key={i}>{shortenIds(sentence)}</li>
          ))}
        </ul>
      </div>
      <div className="min-w-0">
        <h4 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase">Rules applied</h4>
        <table className="w-full text-left text-xs" aria-label="Rules applied, in order">
          <thead className="text-zinc-500">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Rule</th>
              <th scope="col" className="py-1 pr-2 font-medium">Saw</th>
              <th scope="col" className="py-1 pr-2 font-medium">Effect</th>
              <th scope="col" className="py-1 text-right font-medium">Replicas</th>
            </tr>
          </thead>
          <tbody>
            {decision.steps.map((step, i) => (
              <tr key={i} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <td className="py-1 pr-2 font-mono">{step.rule}</td>
                <td className="py-1 pr-2 break-words">{shortenIds(step.detail)}</td>
                <td className="py-1 pr-2">{step.effect}</td>
                <td className="py-1 text-right tabular-nums">{step.replicas ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Decisions newest first; each row opens to its explanation. `time` formats a timestamp (null before hydration). */
export function DecisionTable({ decisions, time }: { decisions: ScaleDecisionRecord[]; time: (iso: string) => string | null }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [onlyScaling, setOnlyScaling] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const rows = onlyScaling ? decisions.filter((d) => d.action !== "none") : decisions;
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={onlyScaling} onChange={(e) => setOnlyScaling(e.target.checked)} className="size-4 accent-sky-600" />
        Only decisions that scaled
      </label>
      {rows.length === 0 ? (
        <p className="py-4 text-sm text-zinc-500">No scaling in the last 15 minutes: every decision kept the replica count.</p>
      ) : (
        <div className="-mx-4 overflow-x-auto">
          <table aria-label="Scaling decisions, newest first" className="w-full text-left text-sm">
            <thead>
              <tr>
                <Th>
                  <span className="sr-only">Explain</span>
                </Th>
                <Th>Time</Th>
                <Th>Result</Th>
                <Th style={{ textAlign: "right" }}>Replicas</Th>
                <Th style={{ textAlign: "right" }}>Avg CPU</Th>
                <Th>Reason</Th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((d) => {
                const expanded = open.has(d.id);
                const cpu = averageCpuPercent(d);
                const at = time(d.at);
                return (
                  <Fragment key={d.id}>
                    <tr className={`${d.action === "none" ? "" : "bg-sky-50/40 dark:bg-sky-950/20"} hover:bg-zinc-50 dark:hover:bg-zinc-800/50`}>
                      <Td className="w-0">
                        <button
                          type="button"
                          onClick={() => toggle(d.id)}
                          aria-expanded={expanded}
                          aria-controls={`decision-${d.id}`}
                          aria-label={`Why: decision ${at ?? d.at}`}
                          className="-my-1 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
                        >
                          <ChevronRight className={`size-4 transition-transform ${expanded ? "rotate-90" : ""}`} aria-hidden />
                        </button>
                      </Td>
                      <Td className="whitespace-nowrap tabular-nums">{at ?? ""}</Td>
                      <Td className="whitespace-nowrap"><Badge tone={actionTone[d.action]}>{actionNames[d.action]}</Badge></Td>
                      <Td className="text-right whitespace-nowrap tabular-nums">
                        {d.currentReplicas}
                        {d.desiredReplicas !== d.currentReplicas ? <> → <span className="font-medium">{d.desiredReplicas}</span></> : null}
                      </Td>
                      <Td className="text-right tabular-nums">{cpu === null ? <span className="text-zinc-400">—</span> : `${cpu}%`}</Td>
                      <Td className="text-zinc-600 dark:text-zinc-400">{shortenIds(d.reason)}</Td>
                    </tr>
                    {expanded ? (
                      <tr id={`decision-${d.id}`}>
                        <td colSpan={6} className="border-b border-zinc-100 bg-zinc-50/60 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-950/40">
                          <Explanation decision={d} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown ? (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
          </Button>
        </div>
      ) : null}
    </>
  );
}
