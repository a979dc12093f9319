import type { Labels } from "@/lib/telemetry/labels";
import type { LogLevel } from "@/lib/telemetry/logs/record";

/**
 * Something the engine or the data plane did or saw — a pod started or exited, a node went NotReady, a backend
 * turned unhealthy, a scale decision, an upstream error — written to the log store as one record. Emitting one
 * never blocks and never throws: the worker's bounded log writer takes it.
 */
export interface EngineEvent {
  level: LogLevel;
  message: string;
  /** engine (default) or dataplane. */
  source?: "engine" | "dataplane";
  pod?: string | null;
  node?: string | null;
  workload?: string | null;
  traceId?: string | null;
  labels?: Labels;
}

export type EngineEvents = (event: EngineEvent) => void;

/** Where events go when nothing records them (a pass run through the API, most tests). */
export const noEvents: EngineEvents = () => {};

/** The workload a pod belongs to: its owner among the snapshot's workloads, else the label the replicas loop sets. */
export const workloadOf = (pod: { ownerId: string | null; labels: Record<string, string> }, workloads: ReadonlyArray<{ id: string; name: string }>): string | null =>
  (pod.ownerId ? workloads.find((w) => w.id === pod.ownerId)?.name : undefined) ?? pod.labels["stratus.io/workload"] ?? null;
