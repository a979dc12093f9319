/**
 * Turn a form's flat FormData into the nested, typed object the zod schemas expect.
 * A field's name is its path plus an optional type suffix: `spec.cpu:number`, `public:bool`,
 * `labels:lines` (one `key=value` per line), `subnets:list` (comma or newline separated), `ownerId:optional`.
 * Numeric segments make arrays (`containers.0.image`). Server errors name the path without the suffix.
 */
export type FormValue = string | File;

export function formDataToObject(entries: Iterable<[string, FormValue]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawName, raw] of entries) {
    if (rawName.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    if (typeof raw !== "string") continue;
    const [path, type] = rawName.split(":") as [string, string | undefined];
    const value = convert(raw, type);
    if (value !== undefined) setPath(out, path.split("."), value);
  }
  return out;
}

function convert(raw: string, type: string | undefined): unknown {
  switch (type) {
    case "number":
      return raw.trim() === "" ? undefined : Number(raw);
    case "bool":
      return raw === "on" || raw === "true";
    case "lines":
      return parseKeyValueLines(raw);
    case "list":
      return raw.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
    case "optional":
      return raw.trim() === "" ? undefined : raw;
    case "nullable":
      return raw.trim() === "" ? null : raw;
    default:
      return raw;
  }
}

/** `key=value` per line; blank lines ignored. A line without `=` becomes a key with an empty value. */
export function parseKeyValueLines(text: string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    if (eq === -1) record[trimmed] = "";
    else record[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  }
  return record;
}

export const toKeyValueLines = (record: Record<string, string>) =>
  Object.entries(record)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");

/** Set a dotted path, creating arrays where the next segment is an index (`ports.0.containerPort`). */
function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target;
  path.slice(0, -1).forEach((key, i) => {
    const next = node[key];
    const container = /^\d+$/.test(path[i + 1]!) ? [] : {};
    node = (typeof next === "object" && next !== null ? next : (node[key] = container)) as Record<string, unknown>;
  });
  node[path[path.length - 1]!] = value;
}
