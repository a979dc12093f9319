import type { OpenEpisode, Transition } from "./types";

/** What one evaluation saw for a group with an open episode or a new breach; null: no series of the group any more. */
export type Observation = { breaching: boolean; value: number } | null;

export interface EpisodeStep {
  /** The episode still open after this evaluation, or null (never opened, or just resolved). */
  open: OpenEpisode | null;
  transitions: Transition[];
}

/**
 * The alert state machine for one (rule, group): inactive → pending on the first breach, pending → firing once it
 * has breached for `forSeconds` without a break (at once when forSeconds is 0), firing → resolved when it no longer
 * breaches. A pending episode that clears ends resolved without ever firing (`firedAt` stays null), and a group
 * that breaches after its episode resolved opens a new one: the caller starts it from `open: null`.
 */
export function stepEpisode(open: OpenEpisode | null, observation: Observation, now: number, forSeconds: number): EpisodeStep {
  const breaching = observation?.breaching ?? false;
  if (open === null) {
    if (!breaching) return { open: null, transitions: [] };
    const value = observation!.value;
    if (forSeconds <= 0) {
      return { open: { state: "firing", activeSince: now, firedAt: now, value }, transitions: [{ from: null, to: "firing", at: now, value, note: null }] };
    }
    return { open: { state: "pending", activeSince: now, firedAt: null, value }, transitions: [{ from: null, to: "pending", at: now, value, note: null }] };
  }
  if (!breaching) {
    const value = observation?.value ?? open.value;
    const why = observation === null ? "no series matched" : "no longer breaching";
    const note = open.state === "pending" ? `${why} after ${seconds(now - open.activeSince)} of the ${forSeconds} s needed: never fired` : why;
    return { open: null, transitions: [{ from: open.state, to: "resolved", at: now, value, note }] };
  }
  const value = observation!.value;
  if (open.state === "pending" && now - open.activeSince >= forSeconds * 1000) {
    const note = `breached for ${seconds(now - open.activeSince)}`;
    return { open: { ...open, state: "firing", firedAt: now, value }, transitions: [{ from: "pending", to: "firing", at: now, value, note }] };
  }
  return { open: { ...open, value }, transitions: [] };
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
