import { stepEpisode } from "./episode";
import { alertLabels, evaluateRule, groupLabelsOf } from "./evaluate";
import { findSilence } from "./silences";
import { alertSummary } from "./summary";
import type { AlertState, Labels, OpenEpisode, RuleSpec, SeriesValue, SilenceSpec, Transition } from "./types";

/** An episode the store holds open for a rule. */
export interface OpenAlert {
  id: string;
  fingerprint: string;
  labels: Labels;
  episode: OpenEpisode;
  silencedBy: string | null;
}

/** What to store for one alert after an evaluation; `id` null creates the episode. */
export interface AlertWrite {
  id: string | null;
  fingerprint: string;
  labels: Labels;
  groupLabels: Labels;
  state: AlertState;
  value: number;
  summary: string;
  activeSince: number;
  firedAt: number | null;
  resolvedAt: number | null;
  silencedBy: string | null;
  /** State changes to record as history. */
  transitions: Transition[];
  /** A notification to send: on firing, and on resolving after it fired; null also when muted by a silence. */
  notify: "firing" | "resolved" | null;
}

/**
 * One evaluation of a rule against the episodes it holds open: every group of series steps its episode (new
 * breaches open one, open ones without a matching group see "no data"), the summary and value follow the latest
 * reading, and each firing or resolution of a fired alert asks for a notification unless a silence mutes it — which
 * the history then says.
 */
export function planRuleEvaluation(rule: RuleSpec, series: readonly SeriesValue[], open: readonly OpenAlert[], silences: readonly SilenceSpec[], now: number): AlertWrite[] {
  const observed = new Map(evaluateRule(rule, series).map((g) => [g.fingerprint, g]));
  const byFingerprint = new Map(open.map((a) => [a.fingerprint, a]));
  const writes: AlertWrite[] = [];
  for (const fp of new Set([...byFingerprint.keys(), ...observed.keys()])) {
    const current = byFingerprint.get(fp) ?? null;
    const group = observed.get(fp) ?? null;
    const step = stepEpisode(current?.episode ?? null, group, now, rule.forSeconds);
    if (current === null && step.open === null) continue; // never breached: nothing to store
    const groupLabels = group?.groupLabels ?? groupLabelsOf(current!.labels, rule.groupBy);
    const labels = alertLabels(rule, groupLabels);
    const last = step.transitions.at(-1);
    const value = last?.value ?? step.open!.value;
    const silence = findSilence(silences, labels, now);
    const wanted = last?.to === "firing" ? "firing" : last?.to === "resolved" && last.from === "firing" ? "resolved" : null;
    const muted = wanted !== null && silence !== null;
    const transitions = muted ? step.transitions.map((t) => (t === last ? { ...t, note: [t.note, `notification muted by silence ${silence.id}`].filter(Boolean).join("; ") } : t)) : step.transitions;
    const episode = step.open ?? current!.episode;
    writes.push({
      id: current?.id ?? null,
      fingerprint: fp,
      labels,
      groupLabels,
      state: step.open?.state ?? "resolved",
      value,
      summary: alertSummary(rule, groupLabels, value),
      activeSince: episode.activeSince,
      firedAt: step.open?.firedAt ?? current?.episode.firedAt ?? null,
      resolvedAt: step.open === null ? now : null,
      silencedBy: silence?.id ?? null,
      transitions,
      notify: muted ? null : wanted,
    });
  }
  return writes;
}
