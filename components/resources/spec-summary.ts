import type { z } from "zod";
import { formatMiB, formatMillicores } from "@/lib/format";
import type { ContainerSpec, FunctionSpec, NetworkSpec, StorageSpec, VmSpec } from "@/lib/schemas/resource";
import type { Resource } from "@/lib/server/dal/resources";

/** One line describing a resource's spec, by kind. */
export function specSummary(r: Pick<Resource, "kind" | "spec">): string {
  switch (r.kind) {
    case "vm": {
      const s = r.spec as z.output<typeof VmSpec>;
      return `${s.cpu} vCPU · ${formatMiB(s.memoryMiB)} · ${s.storageGiB} GiB disk · ${s.os}`;
    }
    case "container": {
      const s = r.spec as z.output<typeof ContainerSpec>;
      return `${s.image} × ${s.replicas} · ${formatMillicores(s.resources.cpuMillis)} · ${formatMiB(s.resources.memoryMiB)}`;
    }
    case "function": {
      const s = r.spec as z.output<typeof FunctionSpec>;
      return `${s.runtime} · ${s.handler} · ${s.timeoutMs} ms · ${formatMiB(s.memoryMiB)}`;
    }
    case "storage": {
      const s = r.spec as z.output<typeof StorageSpec>;
      return `${s.sizeGiB} GiB · ${s.class}`;
    }
    case "network": {
      const s = r.spec as z.output<typeof NetworkSpec>;
      return s.subnets.length ? `${s.cidr} · ${s.subnets.length} subnets` : s.cidr;
    }
  }
}
