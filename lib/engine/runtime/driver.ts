/**
 * The runtime driver: where pods' containers actually run. The local driver runs each pod as an OS process on this
 * machine; a Kubernetes driver could implement the same interface by creating real pods.
 */
export interface PodRuntimeSpec {
  name: string;
  image: string;
  nodeName: string;
  env: Record<string, string>;
  /** The workload (owner) the pod belongs to, carried on its log lines; null for a bare pod. */
  workload?: string | null;
}

export type ProcessState = "running" | "exited";

export interface ObservedPod {
  name: string;
  nodeName: string;
  workload: string | null;
  pid: number | null;
  port: number;
  state: ProcessState;
  exitCode: number | null;
  exitSignal: string | null;
  startedAt: number;
  /** Latest CPU use in millicores and resident memory, sampled from the OS. */
  cpuMillicores: number | null;
  memoryMiB: number | null;
}

export interface RuntimeDriver {
  /** Start the pod's process unless it already runs; idempotent. Throws UnknownImageError for images it cannot run. */
  ensureRunning(spec: PodRuntimeSpec): Promise<ObservedPod>;
  /** Stop gracefully (SIGTERM, then SIGKILL after a grace period). */
  stop(name: string): Promise<void>;
  /** Kill at once, as a crash would. */
  kill(name: string): void;
  observe(name: string): ObservedPod | undefined;
  list(): ObservedPod[];
  /** Forget an exited pod's record once its pod object has been dealt with. */
  forget(name: string): void;
  /** Refresh CPU and memory readings. */
  sample(now: number): Promise<void>;
  close(): Promise<void>;
}

export class UnknownImageError extends Error {
  constructor(readonly image: string, readonly known: string[]) {
    super(`The local runtime cannot run image "${image}"; it runs: ${known.join(", ")}.`);
    this.name = "UnknownImageError";
  }
}
