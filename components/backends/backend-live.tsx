"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/fetch-json";
import { backendKeys, LIST_REFRESH_MS } from "@/lib/query-keys";
import type { Backend } from "@/lib/server/dal/backends";

export const healthTone: Record<Backend["health"], Tone> = { healthy: "good", unhealthy: "bad", unknown: "neutral" };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** The backend as the pool routes to it, kept live: address, weight, connection cap and its health now. */
export function BackendLive({ initial }: { initial: Backend }) {
  const { data = initial, error } = useQuery({
    queryKey: backendKeys.detail(initial.id),
    queryFn: ({ signal }) => fetchJson<Backend>(`/api/v1/pools/${initial.poolId}/backends/${initial.id}`, {}, signal),
    initialData: initial,
    refetchInterval: LIST_REFRESH_MS,
  });
  return (
    <Card title="Backend">
      {error ? (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Backend">
        <Fact label="Address">
          <span className="font-mono text-[13px]">
            {data.address}:{data.port}
          </span>
        </Fact>
        <Fact label="Weight">{data.weight}</Fact>
        <Fact label="Max connections">{data.maxConnections.toLocaleString("en-GB")}</Fact>
        <Fact label="Health now">
          <Badge tone={healthTone[data.health]}>{data.health}</Badge>
        </Fact>
      </dl>
    </Card>
  );
}
