/**
 * Kubernetes equality-based label selectors: `app=web,tier!=db,env,!legacy`.
 * `k=v` / `k==v` must equal, `k!=v` must not equal (or be absent), `k` must exist, `!k` must not exist.
 */
export type Requirement =
  | { op: "eq"; key: string; value: string }
  | { op: "neq"; key: string; value: string }
  | { op: "exists"; key: string }
  | { op: "absent"; key: string };

export type SelectorResult = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

const KEY = /^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

export function parseSelector(text: string): SelectorResult {
  const requirements: Requirement[] = [];
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    const requirement = parseRequirement(part);
    if (typeof requirement === "string") return { ok: false, error: requirement };
    requirements.push(requirement);
  }
  return { ok: true, requirements };
}

function parseRequirement(part: string): Requirement | string {
  const match = /^(!?)([^=!]+?)\s*(?:(==|=|!=)\s*(.*))?$/.exec(part);
  if (!match) return `Cannot read "${part}": use key=value, key!=value, key or !key`;
  const [, bang, key = "", op, value = ""] = match;
  if (!KEY.test(key)) return `Invalid label key "${key}"`;
  if (op === undefined) return bang ? { op: "absent", key } : { op: "exists", key };
  if (bang) return `Cannot combine ! with an operator in "${part}"`;
  if (!VALUE.test(value)) return `Invalid label value "${value}"`;
  return op === "!=" ? { op: "neq", key, value } : { op: "eq", key, value };
}

export function matchesSelector(labels: Record<string, string>, requirements: Requirement[]): boolean {
  return requirements.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    switch (r.op) {
      case "eq":
        return has && labels[r.key] === r.value;
      case "neq":
        return !has || labels[r.key] !== r.value;
      case "exists":
        return has;
      case "absent":
        return !has;
    }
  });
}
