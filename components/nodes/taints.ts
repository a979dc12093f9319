import { TaintEffects, type Taint } from "@/lib/schemas/node";

export type TaintParseResult = { ok: true; taints: Taint[] } | { ok: false; error: string };

const EFFECTS: readonly string[] = TaintEffects;

/**
 * Parse taints written one per line as `key=value:Effect` or `key:Effect` (kubectl's `taint` syntax).
 * Blank lines and `#` comments are skipped. The first bad line is reported with its line number.
 */
export function parseTaints(text: string): TaintParseResult {
  const taints: Taint[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const where = `Line ${index + 1}`;
    const colon = line.lastIndexOf(":");
    if (colon === -1) return { ok: false, error: `${where}: add an effect, e.g. ${line}:NoSchedule` };
    const effect = line.slice(colon + 1).trim();
    if (!EFFECTS.includes(effect)) {
      return { ok: false, error: `${where}: the effect must be one of ${TaintEffects.join(", ")} (got "${effect}")` };
    }
    const keyValue = line.slice(0, colon);
    const eq = keyValue.indexOf("=");
    const key = (eq === -1 ? keyValue : keyValue.slice(0, eq)).trim();
    const value = eq === -1 ? undefined : keyValue.slice(eq + 1).trim();
    if (key === "") return { ok: false, error: `${where}: the taint key is missing` };
    if (/\s/.test(key) || (value !== undefined && /\s/.test(value))) {
      return { ok: false, error: `${where}: keys and values cannot contain spaces` };
    }
    const identity = `${key}:${effect}`;
    if (seen.has(identity)) return { ok: false, error: `${where}: duplicate taint ${key} with effect ${effect}` };
    seen.add(identity);
    taints.push(value === undefined || value === "" ? { key, effect: effect as Taint["effect"] } : { key, value, effect: effect as Taint["effect"] });
  }
  return { ok: true, taints };
}

/** One taint in the same syntax `parseTaints` reads. */
export const formatTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`;

/** The textarea text for a node's taints; `parseTaints(formatTaints(x))` gives `x` back. */
export const formatTaints = (taints: readonly Taint[]) => taints.map(formatTaint).join("\n");
