/** Keep only the named, single-valued search parameters (Next passes arrays for repeated keys). */
export function pickQuery<K extends string>(params: Record<string, string | string[] | undefined>, keys: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, typeof params[k] === "string" ? params[k] : undefined])) as Record<K, string | undefined>;
}
