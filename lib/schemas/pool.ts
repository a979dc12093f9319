import { z } from "zod";
import { Id, Labels, ObjectName, Port, Version } from "./common";

export const PoolAlgorithms = [
  "round_robin",
  "least_connections",
  "weighted_round_robin",
  "ip_hash",
  "least_response_time",
] as const;
export type PoolAlgorithm = (typeof PoolAlgorithms)[number];

/**
 * Active health-check settings. Defaults follow AWS ELB's thresholds shape but with a console-friendly cadence
 * (ELB: interval 30 s, timeout 5 s, healthy 5, unhealthy 2): 5 s / 2 s / 3 / 2, so an operator sees changes quickly.
 */
export const HealthCheck = z
  .object({
    path: z.string().startsWith("/", "Path must start with /").max(2048).default("/healthz"),
    intervalMs: z.number().int().min(1000, "Interval must be at least 1000 ms").max(300_000).default(5000),
    timeoutMs: z.number().int().min(100).max(120_000).default(2000),
    healthyThreshold: z.number().int().min(1).max(10).default(3),
    unhealthyThreshold: z.number().int().min(1).max(10).default(2),
    expectedStatus: z.number().int().min(200).max(499).default(200),
  })
  .refine((h) => h.timeoutMs < h.intervalMs, { path: ["timeoutMs"], message: "Timeout must be shorter than the interval" });
export type HealthCheck = z.infer<typeof HealthCheck>;
export const DEFAULT_HEALTH_CHECK: HealthCheck = HealthCheck.parse({});

export const CreatePoolInput = z.object({
  name: ObjectName,
  algorithm: z.enum(PoolAlgorithms).default("round_robin"),
  listenPort: Port.min(1024, "Use a port ≥ 1024").nullish(),
  healthCheck: HealthCheck.default(DEFAULT_HEALTH_CHECK),
  ownerId: Id.nullish(),
  labels: Labels,
});
export type CreatePoolInput = z.infer<typeof CreatePoolInput>;

export const UpdatePoolInput = z.object({
  version: Version,
  name: ObjectName.optional(),
  algorithm: z.enum(PoolAlgorithms).optional(),
  listenPort: Port.min(1024, "Use a port ≥ 1024").nullish(),
  healthCheck: HealthCheck.optional(),
  ownerId: Id.nullish(),
  labels: Labels.optional(),
});
export type UpdatePoolInput = z.infer<typeof UpdatePoolInput>;

export const BackendHealths = ["healthy", "unhealthy", "unknown"] as const;

export const CreateBackendInput = z.object({
  address: z.union([z.ipv4(), z.ipv6(), z.hostname()], { message: "Address must be an IP address or host name" }),
  port: Port,
  weight: z.number().int().min(1).max(1000).default(1),
  maxConnections: z.number().int().min(1).max(1_000_000).default(1000),
});
export type CreateBackendInput = z.infer<typeof CreateBackendInput>;

export const UpdateBackendInput = z.object({
  version: Version,
  weight: z.number().int().min(1).max(1000).optional(),
  maxConnections: z.number().int().min(1).max(1_000_000).optional(),
  health: z.enum(BackendHealths).optional(),
  /** Take the backend out of rotation (true) or put it back (false), whatever its health. */
  disabled: z.boolean().optional(),
});
export type UpdateBackendInput = z.infer<typeof UpdateBackendInput>;
