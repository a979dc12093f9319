import { decideScale, recordDecision } from "@/lib/domain/autoscaling";
import { applyScaleDecision, loadEnabledAutoscalers } from "@/lib/server/dal/engine/autoscalers";
import type { EngineDeps } from "../deps";

/** How often each autoscaler decides (HPA: 15 s; shorter here so the demo reacts within a minute). */
const EVALUATION_INTERVAL_MS = 5_000;

/**
 * Autoscalers: each decides from its workload's recent pod CPU (real readings of the pod processes) with the policy
 * in lib/domain/autoscaling, and a change goes through the same audited write as a person's.
 * Without a local runtime (a tick through the API) there are no readings, so nothing is decided.
 */
export async function tick({ snapshot, write, now, runtime, events }: EngineDeps): Promise<void> {
  if (!runtime) return;
  for (const autoscaler of await loadEnabledAutoscalers()) {
    if (autoscaler.lastDecisionAt !== null && now - autoscaler.lastDecisionAt < EVALUATION_INTERVAL_MS) continue;
    const workload = snapshot.workloads.find((w) => w.id === autoscaler.targetId);
    if (!workload) continue;
    // Samples are keyed by pod name, which the runtime knows even after the pod object is gone.
    const podIds = snapshot.pods.filter((p) => p.ownerId === workload.id && p.phase !== "failed" && p.phase !== "succeeded").map((p) => p.name);
    const decision = decideScale({ currentReplicas: workload.spec.replicas, cpuSamples: runtime.metrics.forPods(podIds) }, autoscaler.policy, autoscaler.history, now);
    const applied = decision.result.action !== "none";
    const history = recordDecision(autoscaler.history, applied ? decision.persist : { ...decision.persist, events: [] }, autoscaler.policy, now);
    await applyScaleDecision(write, autoscaler, decision, history, new Date(now));
    if (applied) {
      const { desiredReplicas, reason } = decision.result;
      events({
        level: "info",
        message: `autoscaler ${autoscaler.name}: scaled ${workload.name} from ${workload.spec.replicas} to ${desiredReplicas} replicas: ${reason}`,
        workload: workload.name,
        labels: { autoscaler: autoscaler.name },
      });
    }
  }
}
