import { z } from "zod";

/** `GET /api/v1/pools/{id}/backends/{backendId}/health-history`: newest first, a page at a time. */
export const HealthHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{1,18}$/, "Not a cursor this API returned").optional(),
});
export type HealthHistoryQuery = z.infer<typeof HealthHistoryQuery>;
