import { z } from "zod";

/** Query parameters shared by every list endpoint and list page. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  /** Kubernetes-style label selector: `app=web,tier!=db,env`. */
  selector: z.string().trim().max(500).optional(),
  /** A field name, prefixed with `-` for descending. */
  sort: z.string().trim().max(40).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
