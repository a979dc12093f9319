"use client";

import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { useNow } from "@/components/ui/use-now";
import { formatDuration, formatMiB, formatMillicores } from "@/lib/format";
import { LIST_REFRESH_MS, podKeys } from "@/lib/query-keys";
import type { Pod } from "@/lib/server/dal/pods";
import { getPodAction } from "@/app/(console)/pods/actions";
import { KillPodButton } from "./kill-pod-button";
import { PodPhaseBadge } from "./pod-phase";
import { cpuOfRequest } from "./usage";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm tabular-nums">{children}</dd>
    </div>
  );
}

const none = <span className="text-zinc-400">—</span>;

/** The pods of the same workload (by the label the engine gives them), or the owner itself. */
function siblingsHref(pod: Pod): string {
  const [key, value] = Object.entries(pod.labels).find(([k]) => k === "stratus.io/workload") ?? Object.entries(pod.labels).find(([k]) => k === "app") ?? [];
  return key ? `/pods?selector=${encodeURIComponent(`${key}=${value}`)}` : `/resources/${pod.ownerId}`;
}

/** What the runtime observes of the pod's process, live: where it listens, its pid and usage, and why. */
export function PodRuntime({ initial }: { initial: Pod }) {
  const { data: pod } = useQuery({ queryKey: podKeys.detail(initial.id), queryFn: () => getPodAction(initial.id), initialData: initial, refetchInterval: LIST_REFRESH_MS });
  const now = useNow();
  const router = useRouter();
  // The page around this card was rendered once: when the pod changes (an edit, phase, readiness, node, a kill),
  // render it again.
  const changed =
    pod !== null &&
    pod !== undefined &&
    (pod.version !== initial.version || pod.phase !== initial.phase || pod.ready !== initial.ready || pod.nodeName !== initial.nodeName || pod.killRequested !== initial.killRequested);
  useEffect(() => {
    if (changed) router.refresh();
  }, [changed, router]);
  if (pod === null) {
    return (
      <Card title="Process">
        <p role="status" className="flex gap-2 text-sm text-amber-900 dark:text-amber-200">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            This pod is gone; what follows is how it was.{" "}
            {initial.ownerId ? (
              <>
                A failed or evicted pod of a workload is deleted and replaced by a new one:{" "}
                <Link className="text-sky-700 underline dark:text-sky-400" href={siblingsHref(initial)}>see its pods</Link>.
              </>
            ) : (
              <Link className="text-sky-700 underline dark:text-sky-400" href="/pods">Back to pods</Link>
            )}
          </span>
        </p>
      </Card>
    );
  }
  const cpu = pod.usage?.cpuMillicores;
  const share = cpuOfRequest(pod);
  return (
    <Card title="Process" actions={<KillPodButton pod={pod} />}>
      <dl className="grid grid-cols-2 gap-x-8 gap-y-4 md:grid-cols-3 lg:grid-cols-6">
        <Fact label="Phase"><PodPhaseBadge phase={pod.phase} /> {pod.ready ? <span className="text-emerald-600 dark:text-emerald-400">ready</span> : <span className="text-zinc-500">not ready</span>}</Fact>
        <Fact label="Host port">{pod.hostPort ? <a className="font-mono text-sky-700 hover:underline dark:text-sky-400" href={`http://127.0.0.1:${pod.hostPort}/`} target="_blank" rel="noreferrer">127.0.0.1:{pod.hostPort}</a> : none}</Fact>
        <Fact label="PID">{pod.pid ?? none}</Fact>
        <Fact label="CPU">{cpu == null ? none : <>{formatMillicores(Math.round(cpu))}{share === null ? null : <span className="text-zinc-500"> · {share}% of request</span>}</>}</Fact>
        <Fact label="Memory">{pod.usage?.memoryMiB == null ? none : formatMiB(Math.round(pod.usage.memoryMiB))}</Fact>
        <Fact label="Started">{pod.startedAt ? (now === null ? "" : `${formatDuration(now - Date.parse(pod.startedAt))} ago`) : none}</Fact>
      </dl>
      <p className="mt-4 text-sm">
        <span className="text-zinc-500">Runtime says: </span>
        {pod.killRequested ? "kill requested; the worker kills the process on its next pass." : pod.message ?? (pod.pid ? "running." : "no process yet (the worker starts one once the pod is bound to a node).")}
      </p>
    </Card>
  );
}
