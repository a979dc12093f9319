"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AllocationPoint } from "./allocation-data";
import { axisProps, gridProps, legendProps, tooltipStyle } from "./chart-theme";

/** Requested CPU and memory as a percent of each node's allocatable capacity. */
export function NodeAllocationChart({ data }: { data: AllocationPoint[] }) {
  return (
    <div className="h-64 w-full text-zinc-600 dark:text-zinc-400" role="img" aria-label="Requested CPU and memory per node, percent of allocatable">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="node" {...axisProps} />
          <YAxis domain={[0, 100]} unit="%" {...axisProps} />
          <Tooltip formatter={(v) => `${v}%`} isAnimationActive={false} {...tooltipStyle} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
          <Legend {...legendProps} iconType="square" />
          <Bar dataKey="cpu" name="CPU requested" fill="#0ea5e9" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="memory" name="Memory requested" fill="#a78bfa" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
