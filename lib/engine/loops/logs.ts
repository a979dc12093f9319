import { pruneLogs } from "@/lib/server/dal/logs";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";

const RETENTION_INTERVAL_MS = 60_000;

/**
 * Log retention: once a minute, records older than STRATUS_LOG_RETENTION_HOURS (default 24) are deleted, in
 * chunks. Like metrics, logs are observations, not decisions: the deletes are not fenced.
 */
export function logRetentionLoop(): Loop {
  let last = Number.NEGATIVE_INFINITY;
  return {
    name: "logs",
    async tick({ write, now }: EngineDeps) {
      if (now - last < RETENTION_INTERVAL_MS) return;
      last = now;
      await pruneLogs({ ctx: write.ctx, now });
    },
  };
}
