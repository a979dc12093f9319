/** Query keys from one factory, so invalidation after a mutation hits exactly the right lists. */
const keysFor = <E extends string>(entity: E) => ({
  all: [entity] as const,
  list: (query: Record<string, string | undefined>) => [entity, "list", query] as const,
  detail: (id: string) => [entity, "detail", id] as const,
});

export const resourceKeys = keysFor("resources");
export const nodeKeys = keysFor("nodes");
export const podKeys = keysFor("pods");
export const poolKeys = keysFor("pools");
export const backendKeys = keysFor("backends");
export const overviewKeys = keysFor("overview");
export const autoscalerKeys = keysFor("autoscalers");
export const scaleDecisionKeys = keysFor("scale-decisions");
export const engineKeys = keysFor("engine");
export const metricKeys = keysFor("metrics");
export const alertKeys = keysFor("alerts");
export const alertRuleKeys = keysFor("alert-rules");
export const silenceKeys = keysFor("silences");
export const logKeys = keysFor("logs");
export const traceKeys = keysFor("traces");

/** Lists poll at this interval; React Query pauses polling while the tab is hidden. */
export const LIST_REFRESH_MS = 5_000;
