import { z } from "zod";
import { EnvVars, Labels, ObjectName, Port, Version } from "./common";

/** Kind-specific configurations, after the seed's VMConfig / ContainerConfig / FunctionConfig / Storage / Network. */
export const VmSpec = z.object({
  cpu: z.number().int().min(1, "At least 1 vCPU").max(256),
  memoryMiB: z.number().int().min(128).max(4_194_304),
  storageGiB: z.number().int().min(1).max(65_536),
  network: z.string().trim().min(1, "Network is required").max(63),
  os: z.enum(["linux", "windows", "freebsd"]),
});

export const ContainerSpec = z.object({
  image: z.string().trim().min(1, "Image is required").max(255),
  replicas: z.number().int().min(0).max(1000).default(1),
  resources: z.object({
    cpuMillis: z.number().int().min(1).max(256_000),
    memoryMiB: z.number().int().min(1).max(4_194_304),
  }),
  ports: z.array(z.object({ name: z.string().max(15).optional(), containerPort: Port })).max(32).default([]),
  volumes: z.array(z.object({ name: z.string().min(1).max(63), mountPath: z.string().startsWith("/") })).max(32).default([]),
  env: EnvVars,
});

export const FunctionSpec = z.object({
  runtime: z.enum(["nodejs20", "nodejs22", "python3.12", "go1.x", "java21"]),
  handler: z.string().trim().min(1, "Handler is required").max(128),
  timeoutMs: z.number().int().min(100).max(900_000),
  memoryMiB: z.number().int().min(128).max(10_240),
  env: EnvVars,
});

export const StorageSpec = z.object({
  sizeGiB: z.number().int().min(1).max(65_536),
  class: z.enum(["standard", "ssd", "archive"]),
  accessMode: z.enum(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"]).default("ReadWriteOnce"),
  encrypted: z.boolean().default(true),
});

const cidr = z.cidrv4({ message: "Not an IPv4 CIDR (e.g. 10.0.0.0/16)" });
export const NetworkSpec = z.object({
  cidr,
  subnets: z.array(cidr).max(64).default([]),
  public: z.boolean().default(false),
});

export const ResourceKinds = ["vm", "container", "function", "storage", "network"] as const;
export type ResourceKind = (typeof ResourceKinds)[number];

const base = { name: ObjectName, labels: Labels };

export const CreateResourceInput = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("vm"), spec: VmSpec }),
  z.object({ ...base, kind: z.literal("container"), spec: ContainerSpec }),
  z.object({ ...base, kind: z.literal("function"), spec: FunctionSpec }),
  z.object({ ...base, kind: z.literal("storage"), spec: StorageSpec }),
  z.object({ ...base, kind: z.literal("network"), spec: NetworkSpec }),
]);
export type CreateResourceInput = z.infer<typeof CreateResourceInput>;

/** The spec schema of one kind, used by PATCH (the kind itself never changes). */
export const specSchemaByKind = {
  vm: VmSpec,
  container: ContainerSpec,
  function: FunctionSpec,
  storage: StorageSpec,
  network: NetworkSpec,
} as const satisfies Record<ResourceKind, z.ZodType>;

export const UpdateResourceInput = z.object({
  version: Version,
  name: ObjectName.optional(),
  labels: Labels.optional(),
  spec: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateResourceInput = z.infer<typeof UpdateResourceInput>;

export const ResourceOutput = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ResourceKinds),
  labels: z.record(z.string(), z.string()),
  spec: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
