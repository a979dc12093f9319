/** Readable one-liners for a pod's scheduling constraints (tolerations, affinity), as an operator would say them. */

type Toleration = Record<string, string | undefined>;
interface MatchExpression {
  key: string;
  operator: string;
  values?: string[];
}
interface Term {
  matchExpressions?: MatchExpression[];
}
interface PodTerm {
  labelSelector?: Record<string, string>;
  topologyKey?: string;
}
interface Affinity {
  nodeAffinity?: { required?: Term[]; preferred?: Array<{ weight: number; preference: Term }> };
  podAntiAffinity?: { required?: PodTerm[]; preferred?: Array<{ weight: number; term: PodTerm }> };
  topologySpread?: Array<{ maxSkew: number; topologyKey: string; whenUnsatisfiable?: string; labelSelector?: Record<string, string> }>;
}

export function describeToleration(t: Toleration): string {
  const effect = t.effect ? `${t.effect} taints` : "taints of any effect";
  if (!t.key) return t.operator === "Exists" ? `Tolerates all ${effect}` : `Tolerates ${effect} with an empty key`;
  if (t.operator === "Exists") return `Tolerates ${effect} with key ${t.key}`;
  return `Tolerates ${effect} ${t.key}=${t.value ?? ""}`;
}

export function describeExpression(e: MatchExpression): string {
  const values = e.values ?? [];
  switch (e.operator) {
    case "In":
      return values.length === 1 ? `${e.key} = ${values[0]}` : `${e.key} in (${values.join(", ")})`;
    case "NotIn":
      return values.length === 1 ? `${e.key} ≠ ${values[0]}` : `${e.key} not in (${values.join(", ")})`;
    case "Exists":
      return `has ${e.key}`;
    case "DoesNotExist":
      return `has no ${e.key}`;
    case "Gt":
      return `${e.key} > ${values[0] ?? "?"}`;
    case "Lt":
      return `${e.key} < ${values[0] ?? "?"}`;
    default:
      return `${e.key} ${e.operator} ${values.join(", ")}`;
  }
}

const describeTerm = (t: Term) => (t.matchExpressions ?? []).map(describeExpression).join(" and ") || "any node";
const selector = (s: Record<string, string> | undefined) =>
  Object.entries(s ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(", ") || "all pods";

/** One line per rule; an empty list when the pod has no affinity rules. */
export function describeAffinity(affinity: Record<string, unknown>): string[] {
  const a = affinity as Affinity;
  const lines: string[] = [];
  const required = a.nodeAffinity?.required ?? [];
  if (required.length) lines.push(`Must run on a node where ${required.map(describeTerm).join(", or where ")}`);
  for (const p of a.nodeAffinity?.preferred ?? []) lines.push(`Prefers (weight ${p.weight}) nodes where ${describeTerm(p.preference)}`);
  for (const t of a.podAntiAffinity?.required ?? []) lines.push(`Must not share a ${t.topologyKey ?? "node"} with pods matching ${selector(t.labelSelector)}`);
  for (const p of a.podAntiAffinity?.preferred ?? []) {
    lines.push(`Prefers (weight ${p.weight}) not to share a ${p.term.topologyKey ?? "node"} with pods matching ${selector(p.term.labelSelector)}`);
  }
  for (const s of a.topologySpread ?? []) {
    const hard = (s.whenUnsatisfiable ?? "DoNotSchedule") === "DoNotSchedule";
    lines.push(`Spread pods matching ${selector(s.labelSelector)} across ${s.topologyKey}, at most ${s.maxSkew} apart (${hard ? "required" : "best effort"})`);
  }
  return lines;
}
