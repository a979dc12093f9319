import "server-only";
import { Engine, type PassReport } from "./engine";
import { alertsLoop } from "./loops/alerts";
import { logRetentionLoop } from "./loops/logs";
import { metricsLoop } from "./loops/metrics";

/**
 * One pass for a deployment without a long-lived worker (a cron calling `POST /api/v1/engine/tick`): the control
 * loops plus every loop that needs only the database — the engine's own metrics with rollups and retention, log
 * retention, and alert evaluation with webhook delivery (awaited, so the call returns once notifications went out or
 * were rescheduled). Loops that need a local runtime (pod processes, health checks, data plane, span buffer) live
 * in a worker. If a worker holds the lease, nothing runs (`leader: false`; `GET /api/v1/engine` names the leader).
 */
export async function passWithoutWorker(holder: string): Promise<PassReport> {
  const alerts = alertsLoop({ intervalMs: 0 });
  const engine = new Engine({ holder, leaseTtlMs: 10_000, loops: [metricsLoop(), logRetentionLoop(), alerts] });
  try {
    const report = await engine.pass();
    if (report.leader) {
      await alerts.delivered();
      await engine.release();
    }
    return report;
  } finally {
    await alerts.close();
  }
}
