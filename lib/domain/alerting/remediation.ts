import type { Labels, Remediation, RemediationTarget } from "./types";

export type Resolved = { ok: true; target: RemediationTarget } | { ok: false; reason: string };

/** `127.0.0.1:8080`, `[::1]:8080` → address and port (how the backend label names a backend). */
export function parseHostPort(text: string): { address: string; port: number } | null {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[3]);
  if (port < 1 || port > 65_535) return null;
  return { address: match[1] ?? match[2]!, port };
}

function fromLabel(labels: Labels, name: string): string | { reason: string } {
  const value = labels[name];
  return value ? value : { reason: `the alert has no "${name}" label to take the target from` };
}

/** The concrete target of a rule's remediation for one alert: fixed ids as given, templates filled from its labels. */
export function resolveRemediation(remediation: Remediation, labels: Labels): Resolved {
  switch (remediation.action) {
    case "scale":
      return { ok: true, target: { action: "scale", resourceId: remediation.resourceId, change: remediation.to !== undefined ? { to: remediation.to } : { by: remediation.by ?? 1 } } };
    case "drain": {
      const nodeName = remediation.nodeName ?? fromLabel(labels, remediation.nodeFromLabel ?? "node");
      return typeof nodeName === "string" ? { ok: true, target: { action: "drain", nodeName } } : { ok: false, reason: nodeName.reason };
    }
    case "eject": {
      if (remediation.backendId) return { ok: true, target: { action: "eject", backend: { id: remediation.backendId } } };
      const backend = fromLabel(labels, remediation.backendFromLabel ?? "backend");
      if (typeof backend !== "string") return { ok: false, reason: backend.reason };
      const pool = fromLabel(labels, remediation.poolFromLabel ?? "pool");
      if (typeof pool !== "string") return { ok: false, reason: pool.reason };
      const hostPort = parseHostPort(backend);
      if (!hostPort) return { ok: false, reason: `the backend label "${backend}" is not address:port` };
      return { ok: true, target: { action: "eject", backend: { pool, ...hostPort } } };
    }
  }
}

export interface ReplicaBounds {
  min: number;
  max: number;
  /** Who sets the bounds, for the refusal ("autoscaler web-cpu"). */
  source: string;
}

/**
 * The replica count a scale remediation asks for, or why not: it must stay within what the resource schema allows
 * and, when the workload has an autoscaler, within its [min, max] — the same limits a person editing it meets.
 */
export function scaledReplicas(current: number, change: { by: number } | { to: number }, bounds: readonly ReplicaBounds[]): { ok: true; replicas: number } | { ok: false; reason: string } {
  const replicas = "to" in change ? change.to : current + change.by;
  for (const b of bounds) {
    if (replicas < b.min || replicas > b.max) return { ok: false, reason: `${replicas} replicas is outside ${b.source}'s range ${b.min}–${b.max}` };
  }
  return { ok: true, replicas };
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** The button's words: "Scale web +1", "Drain node-a1", "Eject 127.0.0.1:40123 from web". */
export function describeRemediation(target: RemediationTarget, names: { resource?: string } = {}): string {
  switch (target.action) {
    case "scale": {
      const what = names.resource ?? "the workload";
      return "to" in target.change ? `Scale ${what} to ${target.change.to}` : `Scale ${what} ${signed(target.change.by)}`;
    }
    case "drain":
      return `Drain ${target.nodeName}`;
    case "eject":
      return "id" in target.backend ? "Eject the backend" : `Eject ${target.backend.address}:${target.backend.port} from ${target.backend.pool}`;
  }
}
