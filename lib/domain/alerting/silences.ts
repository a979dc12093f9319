import type { Labels, SilenceSpec } from "./types";

/** Alertmanager's rule: a silence mutes an alert when every matcher equals one of its labels, while startsAt ≤ now < endsAt. */
export function silenceMatches(silence: SilenceSpec, labels: Labels, now: number): boolean {
  if (now < silence.startsAt || now >= silence.endsAt) return false;
  return silence.matchers.length > 0 && silence.matchers.every((m) => labels[m.label] === m.value);
}

/** The silence muting these labels now (the one ending last, so the answer is stable while several overlap), or null. */
export function findSilence(silences: readonly SilenceSpec[], labels: Labels, now: number): SilenceSpec | null {
  let found: SilenceSpec | null = null;
  for (const s of silences) {
    if (silenceMatches(s, labels, now) && (found === null || s.endsAt > found.endsAt)) found = s;
  }
  return found;
}

export type SilenceStatus = "pending" | "active" | "expired";

export function silenceStatus(silence: Pick<SilenceSpec, "startsAt" | "endsAt">, now: number): SilenceStatus {
  if (now >= silence.endsAt) return "expired";
  return now < silence.startsAt ? "pending" : "active";
}
