"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AllocationPoint } from "./allocation-data";

/** Requested CPU and memory as a percent of each node's allocatable capacity. */
export function NodeAllocationChart({ data }: { data: AllocationPoint[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Requested CPU and memory per node, percent of allocatable">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis dataKey="node" tick={{ fontSize: 12, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} />
          <Tooltip
            formatter={(v) => `${v}%`}
            contentStyle={{ background: "var(--color-zinc-900)", border: "none", borderRadius: 6, color: "white", fontSize: 12 }}
            cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="cpu" name="CPU requested" fill="#0284c7" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="memory" name="Memory requested" fill="#a78bfa" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
