import type { ConnectTarget, SsrfGuard } from "../engine/net";
import type { BackendConfig } from "./types";

/** Whether the data plane may connect to a backend, and where exactly. */
export type Admission = { readonly ok: true; readonly target: ConnectTarget } | { readonly ok: false; readonly reason: string };

/**
 * Vet every backend address with the SSRF guard before the data plane connects to it. A name whose lookup
 * fails keeps the address vetted last time (a DNS hiccup should not drain a pool); a refusal never does.
 */
export async function admitBackends(
  guard: SsrfGuard,
  backends: readonly BackendConfig[],
  previous: (backend: BackendConfig) => ConnectTarget | null,
): Promise<Map<string, Admission>> {
  const decisions = await Promise.all(backends.map((b) => guard.resolve(b.address, b.port)));
  const admissions = new Map<string, Admission>();
  backends.forEach((backend, i) => {
    const decision = decisions[i]!;
    const last = previous(backend);
    if (decision.ok) admissions.set(backend.id, { ok: true, target: decision.target });
    else if (decision.code === "resolution_failed" && last !== null) admissions.set(backend.id, { ok: true, target: last });
    else admissions.set(backend.id, { ok: false, reason: decision.reason });
  });
  return admissions;
}

export const sameTarget = (a: ConnectTarget | null, b: ConnectTarget | null): boolean =>
  a !== null && b !== null && a.origin === b.origin && a.hostHeader === b.hostHeader;
