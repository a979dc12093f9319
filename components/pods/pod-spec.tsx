import type { ReactNode } from "react";
import { Labels } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatMiB, formatMillicores } from "@/lib/format";
import type { Pod } from "@/lib/server/dal/pods";
import { describeAffinity, describeToleration } from "./describe";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase">{title}</h3>
      {children}
    </div>
  );
}

const None = ({ children }: { children: ReactNode }) => <p className="text-sm text-zinc-400 dark:text-zinc-500">{children}</p>;

function Lines({ lines, empty }: { lines: string[]; empty: string }) {
  if (lines.length === 0) return <None>{empty}</None>;
  return (
    <ul className="list-disc space-y-0.5 pl-4 text-sm marker:text-zinc-400">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** What the pod runs and the constraints it was created with (fixed after creation). */
export function PodSpec({ pod }: { pod: Pod }) {
  return (
    <Card title="Spec">
      <div className="grid gap-x-8 gap-y-5 md:grid-cols-2">
        <Section title={`Containers (${pod.containers.length})`}>
          <ul className="space-y-1 text-sm">
            {pod.containers.map((c) => (
              <li key={c.name} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{c.name}</span>
                <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{c.image}</code>
                {c.ports.length ? <span className="text-xs text-zinc-500">ports {c.ports.map((p) => p.containerPort).join(", ")}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Requests">
          <p className="text-sm tabular-nums">
            {formatMillicores(pod.requests.cpuMillis)} CPU · {formatMiB(pod.requests.memoryMiB)} memory
          </p>
        </Section>
        <Section title="Volumes">
          {pod.volumes.length === 0 ? (
            <None>No volumes.</None>
          ) : (
            <ul className="space-y-0.5 text-sm">
              {pod.volumes.map((v) => (
                <li key={v.name}>
                  <span className="font-medium">{v.name}</span> <span className="text-zinc-500">at</span> <code className="font-mono text-xs">{v.mountPath}</code>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Node selector">
          {Object.keys(pod.nodeSelector).length === 0 ? <None>Any node.</None> : <Labels labels={pod.nodeSelector} />}
        </Section>
        <Section title="Tolerations">
          <Lines lines={pod.tolerations.map(describeToleration)} empty="None: the scheduler keeps it off nodes with NoSchedule or NoExecute taints." />
        </Section>
        <Section title="Affinity">
          <Lines lines={describeAffinity(pod.affinity)} empty="No affinity rules." />
        </Section>
        <Section title="Labels">
          <Labels labels={pod.labels} />
        </Section>
      </div>
    </Card>
  );
}
