import { RecentLogs } from "@/components/logs/recent-logs";
import { RecentTraces } from "@/components/traces/recent-traces";
import { Card } from "@/components/ui/card";

/** The backend's recent logs (its pod's) and the recent traces the pool sent through it (to its pod). */
export function BackendSignals({ poolId, podName }: { poolId: string; podName: string | null }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Recent logs">
        {podName ? <RecentLogs filter={{ pod: podName }} limit={30} label={`Recent logs of ${podName}`} /> : <p className="text-sm text-zinc-500">No pod behind this backend, so no logs of its own.</p>}
      </Card>
      <Card title="Recent traces">
        {podName ? <RecentTraces filter={{ poolId, podName }} limit={5} /> : <p className="text-sm text-zinc-500">No pod behind this backend: traces name the pod they reached, so none can be matched to it.</p>}
      </Card>
    </div>
  );
}
