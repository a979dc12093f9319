/**
 * GET a JSON document from the REST API in the browser (the session cookie rides along). A refusal or failure
 * throws an Error carrying the problem+json `detail`, so a chart can say what went wrong.
 */
export async function fetchJson<T>(path: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  const res = await fetch(`${path}?${search}`, { signal, headers: { accept: "application/json" } });
  if (res.ok) return (await res.json()) as T;
  const problem = (await res.json().catch(() => null)) as { detail?: string; title?: string } | null;
  if (res.status === 401) throw new Error("Your session has ended: sign in again.");
  throw new Error(problem?.detail ?? problem?.title ?? `The request failed (HTTP ${res.status}).`);
}
