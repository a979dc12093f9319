import { labelValue } from "./labels";
import type { NodeSelectorRequirement, NodeSelectorTerm } from "./types";

const INTEGER = /^[+-]?\d+$/;

/** kube `Gt`/`Lt`: both the label and the single value must parse as integers, else no match. */
function compareIntegers(label: string, values: readonly string[] | undefined, greater: boolean): boolean {
  const bound = values?.length === 1 ? values[0] : undefined;
  if (bound === undefined || !INTEGER.test(label) || !INTEGER.test(bound)) return false;
  return greater ? BigInt(label) > BigInt(bound) : BigInt(label) < BigInt(bound);
}

/** kube NodeSelectorRequirement semantics (k8s.io/component-helpers/scheduling/corev1/nodeaffinity). */
export function requirementMatches(
  requirement: NodeSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const value = labelValue(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt":
      return value !== undefined && compareIntegers(value, requirement.values, requirement.operator === "Gt");
  }
}

/** AND of the expressions; an empty term matches nothing ("a null or empty term matches no objects"). */
export function termMatches(term: NodeSelectorTerm, labels: Readonly<Record<string, string>>): boolean {
  return term.matchExpressions.length > 0 && term.matchExpressions.every((r) => requirementMatches(r, labels));
}

/** OR of the terms. */
export function anyTermMatches(terms: readonly NodeSelectorTerm[], labels: Readonly<Record<string, string>>): boolean {
  return terms.some((term) => termMatches(term, labels));
}
