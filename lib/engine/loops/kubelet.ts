import type { PodCpuSample } from "@/lib/domain/autoscaling";
import { heartbeatNodes } from "@/lib/server/dal/engine/nodes";
import { recordPodStatus, type ObservedPodStatus } from "@/lib/server/dal/engine/pods";
import type { EnginePod } from "@/lib/server/dal/engine/snapshot";
import type { EngineDeps } from "../deps";
import { workloadOf, type EngineEvents } from "../events";
import { UnknownImageError, type ObservedPod, type RuntimeDriver } from "../runtime/driver";

const ACTIVE = new Set(["pending", "running", "unknown"]);

/**
 * Readiness, as kube's probes judge it: ready on a pass, not ready only after FAILURE_THRESHOLD failures in a row,
 * so one slow answer on a busy machine does not pull a pod out of its pool.
 */
const FAILURE_THRESHOLD = 3;
const probeFailures = new Map<string, number>();

async function judgeReady(pod: EnginePod, port: number): Promise<boolean> {
  if (await probeReady(port)) {
    probeFailures.delete(pod.name);
    return true;
  }
  const failures = (probeFailures.get(pod.name) ?? 0) + 1;
  probeFailures.set(pod.name, failures);
  return pod.ready && failures < FAILURE_THRESHOLD;
}

async function probeReady(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** The autoscaler speaks Kubernetes' capitalised phases. */
const kubePhase = (phase: string) => (phase.charAt(0).toUpperCase() + phase.slice(1)) as PodCpuSample["phase"];

function exitMessage(observed: ObservedPod): string {
  return observed.exitSignal ? `process killed by ${observed.exitSignal}` : `process exited with code ${observed.exitCode}`;
}

/**
 * The node agents of the local runtime (kube's kubelet): heartbeat every node that is up, run the processes of the
 * pods bound to it, report phase, readiness and usage, and stop processes whose pod is gone. A node whose agent is
 * stopped (a simulated machine failure) neither heartbeats nor keeps its processes.
 */
export async function tick(deps: EngineDeps): Promise<void> {
  if (!deps.runtime) return;
  const { driver, metrics } = deps.runtime;
  const { snapshot, write, now } = deps;
  const liveNodes = new Set(snapshot.nodes.filter((n) => !n.agentStopped).map((n) => n.name));
  await heartbeatNodes(write, [...liveNodes], new Date(now));

  const wanted = new Map(snapshot.pods.filter((p) => p.nodeName && liveNodes.has(p.nodeName) && ACTIVE.has(p.phase)).map((p) => [p.name, p]));
  for (const running of driver.list()) {
    const pod = wanted.get(running.name);
    if (!pod || pod.nodeName !== running.nodeName) {
      // Deleted, moved, or its machine "died": a dead machine's processes die with it.
      const nodeDied = running.nodeName && !liveNodes.has(running.nodeName);
      if (nodeDied) driver.kill(running.name);
      if (running.state === "running") {
        const why = nodeDied ? `its node ${running.nodeName} is down` : pod ? `the pod moved to ${pod.nodeName}` : "the pod was deleted";
        deps.events({ level: nodeDied ? "warn" : "info", message: `pod ${running.name}: process ${nodeDied ? "killed" : "stopped"}: ${why}`, pod: running.name, node: running.nodeName, workload: running.workload });
      }
      await driver.stop(running.name);
      if (pod === undefined) {
        metrics.forget(running.name);
        probeFailures.delete(running.name);
      }
    }
  }

  await driver.sample(now);
  for (const pod of wanted.values()) {
    const status = await observe(driver, pod, deps.events, snapshot.workloads);
    if (status.phase === "running" && status.ready !== pod.ready) {
      deps.events({
        level: status.ready ? "info" : "warn",
        message: status.ready ? `pod ${pod.name} is ready` : `pod ${pod.name} is not ready: ${pod.ready ? `its /healthz failed ${FAILURE_THRESHOLD} times in a row` : (status.message ?? "starting")}`,
        pod: pod.name,
        node: pod.nodeName,
        workload: workloadOf(pod, snapshot.workloads),
      });
    }
    if (status.usage?.cpuMillicores != null) {
      metrics.add({ podId: pod.name, ready: status.ready, phase: kubePhase(status.phase), cpuMillis: status.usage.cpuMillicores, requestMillis: pod.requests.cpuMillis, at: now });
    }
    await recordPodStatus(write, pod, status);
  }
}

type Workloads = EngineDeps["snapshot"]["workloads"];

async function observe(driver: RuntimeDriver, pod: EnginePod, events: EngineEvents, workloads: Workloads): Promise<ObservedPodStatus> {
  const workload = workloadOf(pod, workloads);
  const about = { pod: pod.name, node: pod.nodeName, workload };
  if (pod.killRequested) {
    driver.kill(pod.name);
    events({ level: "warn", message: `pod ${pod.name}: killing its process, as requested`, ...about });
  }
  let observed = driver.observe(pod.name);
  if (observed?.state === "exited" || pod.killRequested) {
    // Give a killed process a moment to be reaped so its exit is reported as such.
    observed = driver.observe(pod.name);
    if (observed?.state === "exited") {
      driver.forget(pod.name);
      events({ level: observed.exitCode === 0 ? "info" : "error", message: `pod ${pod.name}: ${exitMessage(observed)}`, ...about, labels: observed.exitSignal ? { signal: observed.exitSignal } : { exitCode: String(observed.exitCode) } });
      return { phase: "failed", ready: false, message: exitMessage(observed), hostPort: null, pid: null, startedAt: null, usage: null, killRequested: false };
    }
  }
  if (!observed) {
    const container = pod.containers[0];
    try {
      observed = await driver.ensureRunning({ name: pod.name, image: container?.image ?? "", nodeName: pod.nodeName!, env: {}, workload });
      events({ level: "info", message: `pod ${pod.name}: started ${container?.image ?? ""} on node ${pod.nodeName} (pid ${observed.pid}, port ${observed.port})`, ...about });
    } catch (error) {
      if (!(error instanceof UnknownImageError)) throw error;
      events({ level: "error", message: `pod ${pod.name}: cannot start: ${error.message}`, ...about });
      return { phase: "failed", ready: false, message: error.message, hostPort: null, pid: null, startedAt: null, usage: null, killRequested: false };
    }
  }
  const ready = observed.state === "running" && (await judgeReady(pod, observed.port));
  return {
    phase: "running",
    ready,
    message: ready ? null : "starting: waiting for /healthz",
    hostPort: observed.port,
    pid: observed.pid,
    startedAt: new Date(observed.startedAt),
    usage: { cpuMillicores: observed.cpuMillicores, memoryMiB: observed.memoryMiB, at: new Date().toISOString() },
    ...(pod.killRequested ? { killRequested: false as const } : {}),
  };
}
