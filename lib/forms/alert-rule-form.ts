import type { Remediation } from "@/lib/domain/alerting";

/**
 * The rule form shows the remediation as a few plain fields — an action, a fixed target or "take it from this
 * label", and for scale "by" or "to" with an amount — while the API takes one object per action. These translate
 * the form's fields (after formDataToObject) into that object and back.
 */
export interface RemediationFormFields {
  action?: unknown;
  resourceId?: unknown;
  /** scale: "by" | "to" */
  mode?: unknown;
  amount?: unknown;
  /** drain and eject: "fixed" | "label" */
  target?: unknown;
  nodeName?: unknown;
  nodeFromLabel?: unknown;
  backendId?: unknown;
  backendFromLabel?: unknown;
  poolFromLabel?: unknown;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

function withoutUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** The remediation the form describes, null for none; anything malformed passes through for the schema to name. */
export function remediationFromForm(fields: RemediationFormFields | undefined): Record<string, unknown> | null {
  const action = fields?.action;
  if (action === undefined || action === "") return null;
  const byLabel = fields!.target === "label";
  switch (action) {
    case "scale":
      return withoutUndefined({ action, resourceId: text(fields!.resourceId), [fields!.mode === "to" ? "to" : "by"]: fields!.amount });
    case "drain":
      return withoutUndefined({ action, ...(byLabel ? { nodeFromLabel: text(fields!.nodeFromLabel) } : { nodeName: text(fields!.nodeName) }) });
    case "eject":
      return withoutUndefined({
        action,
        ...(byLabel ? { backendFromLabel: text(fields!.backendFromLabel), poolFromLabel: text(fields!.poolFromLabel) } : { backendId: text(fields!.backendId) }),
      });
    default:
      return { action };
  }
}

/** The form's initial values for a stored remediation. */
export function remediationFormValues(remediation: Remediation | null | undefined) {
  return {
    action: remediation?.action ?? "",
    resourceId: remediation?.action === "scale" ? remediation.resourceId : "",
    mode: remediation?.action === "scale" && remediation.to !== undefined ? "to" : "by",
    amount: remediation?.action === "scale" ? (remediation.to ?? remediation.by ?? 1) : 1,
    target: (remediation?.action === "drain" && remediation.nodeFromLabel) || (remediation?.action === "eject" && remediation.backendFromLabel) ? "label" : "fixed",
    nodeName: remediation?.action === "drain" ? (remediation.nodeName ?? "") : "",
    nodeFromLabel: remediation?.action === "drain" ? (remediation.nodeFromLabel ?? "node") : "node",
    backendId: remediation?.action === "eject" ? (remediation.backendId ?? "") : "",
    backendFromLabel: remediation?.action === "eject" ? (remediation.backendFromLabel ?? "backend") : "backend",
    poolFromLabel: remediation?.action === "eject" ? (remediation.poolFromLabel ?? "pool") : "pool",
  };
}

/** Where a remediation error shows in the form: `remediation.by`/`to` under the amount, the rest under their field. */
export function remediationErrorField(path: string): keyof RemediationFormFields | null {
  if (!path.startsWith("remediation")) return null;
  const field = path.slice("remediation.".length);
  if (field === "by" || field === "to") return "amount";
  return (["action", "resourceId", "nodeName", "nodeFromLabel", "backendId", "backendFromLabel", "poolFromLabel"] as const).find((f) => f === field) ?? "action";
}

/** The whole rule input from the form's object: remediation mapped, everything else as the schema names it. */
export function alertRuleInputFromForm(fields: Record<string, unknown>): Record<string, unknown> {
  const { remediation, ...rest } = fields;
  return { ...rest, remediation: remediationFromForm(remediation as RemediationFormFields | undefined) };
}
