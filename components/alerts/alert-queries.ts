/** The alert list queries the page renders first and the live lists then poll (shared by server and client). */
export const ACTIVE_QUERY = { state: "pending,firing", limit: "500" };

export const historyQuery = (cursor?: string) => ({ state: "resolved", limit: "20", ...(cursor ? { cursor } : {}) });

/** The rule list's URL-held state. */
export const RULE_LIST_KEYS = ["q", "enabled", "severity", "sort", "cursor"] as const;
