import { z } from "zod";

export const AuditOutcomes = ["success", "denied", "failed"] as const;

const time = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), "Use a date and time, e.g. 2026-11-25T14:00")
  .transform((s) => new Date(s));

/** Audit filters, all held in the URL: actor (id or name), object type, verb, outcome, time range; cursor paging. */
export const AuditQuery = z.object({
  actor: z.string().trim().max(200).optional(),
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(100).optional(),
  verb: z.string().trim().max(40).optional(),
  outcome: z.enum(AuditOutcomes).optional(),
  from: time.optional(),
  to: time.optional(),
  cursor: z.string().regex(/^\d{1,19}$/, "Malformed cursor").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AUDIT_FILTER_KEYS = ["actor", "objectType", "verb", "outcome", "from", "to", "cursor"] as const;
