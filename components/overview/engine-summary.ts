import type { EngineStatus } from "@/lib/server/dal/engine/status";

/** A loop that has not passed for this long is stalled: the worker passes about once a second. */
export const STALE_LOOP_MS = 10_000;

export type LoopHealth = "ok" | "stale" | "error";

export function loopHealth(loop: Pick<EngineStatus["loops"][number], "lagMs" | "error">): LoopHealth {
  if (loop.error) return "error";
  return loop.lagMs > STALE_LOOP_MS ? "stale" : "ok";
}

/** One sentence on who leads, for the card's header line. */
export function leaderSummary(leader: EngineStatus["leader"]): string {
  if (!leader) return "No worker has run yet. Start one with “npm run worker” (npm start runs one).";
  return leader.live
    ? `Led by ${leader.holder} (epoch ${leader.epoch}).`
    : `The lease of ${leader.holder} (epoch ${leader.epoch}) has expired: no worker is leading. Start one with “npm run worker”.`;
}
