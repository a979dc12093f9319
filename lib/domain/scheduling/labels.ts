/** Label lookups and matchLabels selectors over the plain JSON label objects the database stores. */

/**
 * A label's value, or undefined. The typeof check keeps inherited members such as `constructor`
 * or `__proto__` from reading as labels on a plain object.
 */
export function labelValue(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  const value = labels[key];
  return typeof value === "string" ? value : undefined;
}

/** A matchLabels selector compiled once: a canonical key (for indexing) and its pairs. */
export interface LabelSelector {
  readonly key: string;
  readonly pairs: readonly (readonly [string, string])[];
}

export function compileSelector(matchLabels: Readonly<Record<string, string>>): LabelSelector {
  // Object keys are unique, so the comparator never sees equal keys.
  const pairs = Object.entries(matchLabels).sort(([a], [b]) => (a < b ? -1 : 1));
  return { key: JSON.stringify(pairs), pairs };
}

/** Every pair must be present with the same value; the empty selector matches every pod (Kubernetes semantics). */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of selector.pairs) {
    if (labelValue(labels, key) !== value) return false;
  }
  return true;
}
