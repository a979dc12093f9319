import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { ResourceKind } from "@/lib/schemas/resource";

type Spec = Record<string, unknown>;
type Errors = Record<string, string>;

const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The kind-specific part of the resource form. Names are paths the server names in its errors. */
export function SpecFields({ kind, spec, errors }: { kind: ResourceKind; spec: Spec; errors: Errors }) {
  const e = (path: string) => errors[`spec.${path}`];
  switch (kind) {
    case "vm":
      return (
        <div className="grid grid-cols-2 gap-4">
          <InputField name="spec.cpu:number" label="vCPUs" type="number" defaultValue={num(spec.cpu) ?? 2} error={e("cpu")} />
          <InputField name="spec.memoryMiB:number" label="Memory (MiB)" type="number" defaultValue={num(spec.memoryMiB) ?? 4096} error={e("memoryMiB")} />
          <InputField name="spec.storageGiB:number" label="Disk (GiB)" type="number" defaultValue={num(spec.storageGiB) ?? 40} error={e("storageGiB")} />
          <InputField name="spec.network" label="Network" defaultValue={str(spec.network) ?? "default"} error={e("network")} />
          <SelectField name="spec.os" label="Operating system" options={["linux", "windows", "freebsd"]} defaultValue={str(spec.os) ?? "linux"} error={e("os")} />
        </div>
      );
    case "container": {
      const resources = (spec.resources ?? {}) as Spec;
      const ports = (spec.ports as Array<{ containerPort: number }> | undefined) ?? [];
      return (
        <div className="grid grid-cols-2 gap-4">
          <InputField name="spec.image" label="Image" defaultValue={str(spec.image) ?? ""} placeholder="stratus/demo-http" error={e("image")} />
          <InputField name="spec.replicas:number" label="Replicas" type="number" defaultValue={num(spec.replicas) ?? 1} error={e("replicas")} />
          <InputField name="spec.resources.cpuMillis:number" label="CPU request (millicores)" type="number" defaultValue={num(resources.cpuMillis) ?? 250} error={e("resources.cpuMillis")} />
          <InputField name="spec.resources.memoryMiB:number" label="Memory request (MiB)" type="number" defaultValue={num(resources.memoryMiB) ?? 128} error={e("resources.memoryMiB")} />
          <InputField name="spec.ports.0.containerPort:number" label="Container port" type="number" defaultValue={ports[0]?.containerPort} hint="Optional" error={e("ports.0.containerPort")} />
          <TextareaField name="spec.env:lines" label="Environment" rows={3} defaultValue={toKeyValueLines((spec.env ?? {}) as Record<string, string>)} hint="NAME=value per line" error={e("env")} />
        </div>
      );
    }
    case "function":
      return (
        <div className="grid grid-cols-2 gap-4">
          <SelectField name="spec.runtime" label="Runtime" options={["nodejs20", "nodejs22", "python3.12", "go1.x", "java21"]} defaultValue={str(spec.runtime) ?? "nodejs22"} error={e("runtime")} />
          <InputField name="spec.handler" label="Handler" defaultValue={str(spec.handler) ?? "index.handler"} error={e("handler")} />
          <InputField name="spec.timeoutMs:number" label="Timeout (ms)" type="number" defaultValue={num(spec.timeoutMs) ?? 3000} error={e("timeoutMs")} />
          <InputField name="spec.memoryMiB:number" label="Memory (MiB)" type="number" defaultValue={num(spec.memoryMiB) ?? 256} error={e("memoryMiB")} />
          <TextareaField name="spec.env:lines" label="Environment" rows={3} defaultValue={toKeyValueLines((spec.env ?? {}) as Record<string, string>)} hint="NAME=value per line" error={e("env")} />
        </div>
      );
    case "storage":
      return (
        <div className="grid grid-cols-2 gap-4">
          <InputField name="spec.sizeGiB:number" label="Size (GiB)" type="number" defaultValue={num(spec.sizeGiB) ?? 100} error={e("sizeGiB")} />
          <SelectField name="spec.class" label="Class" options={["standard", "ssd", "archive"]} defaultValue={str(spec.class) ?? "standard"} error={e("class")} />
          <SelectField name="spec.accessMode" label="Access mode" options={["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"]} defaultValue={str(spec.accessMode) ?? "ReadWriteOnce"} error={e("accessMode")} />
        </div>
      );
    case "network":
      return (
        <div className="grid grid-cols-2 gap-4">
          <InputField name="spec.cidr" label="CIDR" defaultValue={str(spec.cidr) ?? "10.0.0.0/16"} error={e("cidr")} />
          <TextareaField name="spec.subnets:list" label="Subnets" rows={3} defaultValue={((spec.subnets as string[] | undefined) ?? []).join("\n")} hint="One CIDR per line" error={e("subnets") ?? Object.entries(errors).find(([k]) => k.startsWith("spec.subnets."))?.[1]} />
        </div>
      );
  }
}
