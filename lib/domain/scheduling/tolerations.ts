import type { Taint, TaintEffect, Toleration } from "./types";

/** kube `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go): empty effect/key are wildcards. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (toleration.operator === "Exists") return true;
  return (toleration.value ?? "") === (taint.value ?? "");
}

export function isTolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((toleration) => toleratesTaint(toleration, taint));
}

/** Index of the first taint with one of `effects` that no toleration tolerates, or -1. */
export function firstUntolerated(
  tolerations: readonly Toleration[],
  taints: readonly Taint[],
  effects: readonly TaintEffect[],
): number {
  return taints.findIndex((taint) => effects.includes(taint.effect) && !isTolerated(tolerations, taint));
}

/** The taint kube adds on cordon; a pod tolerating it may still land on a cordoned node. */
export const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
/** The taint kube's node lifecycle controller adds to NotReady nodes. */
export const NOT_READY_TAINT: Taint = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" };

export function formatTaint(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ""}}`;
}
