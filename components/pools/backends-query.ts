/** One page of a pool's backends, oldest first: shared by the pool page (first render) and the live table. */
export const BACKENDS_PAGE = 100;

export const backendsQuery = (cursor?: string): Record<string, string | undefined> => ({ sort: "createdAt", limit: String(BACKENDS_PAGE), cursor });
