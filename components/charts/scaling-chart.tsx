"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, gridProps, legendProps, tooltipStyle } from "./chart-theme";
import { cpuAxisMax, cpuTicks, replicaAxisMax, replicaTicks, type ScalingGuide, type ScalingPoint } from "./scaling-data";
import { formatInstant, timeAxisProps } from "./time-axis";

const guideColor: Record<ScalingGuide["kind"], string> = { up: "#ef4444", down: "#10b981", target: "#a1a1aa" };

/** Average CPU utilization each decision saw, against the policy's lines, and the replica count it left. */
export function ScalingChart({ points, guides, domain, maxReplicas, label }: { points: ScalingPoint[]; guides: ScalingGuide[]; domain: [number, number]; maxReplicas: number; label: string }) {
  const cpuMax = cpuAxisMax(points, guides);
  const replicaMax = replicaAxisMax(points, maxReplicas);
  return (
    <div className="h-72 w-full text-zinc-600 dark:text-zinc-400" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="at" {...timeAxisProps(domain)} {...axisProps} />
          <YAxis yAxisId="cpu" domain={[0, cpuMax]} ticks={cpuTicks(cpuMax)} unit="%" {...axisProps} />
          <YAxis yAxisId="replicas" orientation="right" domain={[0, replicaMax]} ticks={replicaTicks(replicaMax)} allowDecimals={false} width={32} {...axisProps} />
          <Tooltip
            labelFormatter={(v) => formatInstant(Number(v))}
            formatter={(value, name) => (name === "Replicas" ? [value, name] : [value === null ? "no reading" : `${value}%`, name])}
            isAnimationActive={false}
            {...tooltipStyle}
          />
          <Legend {...legendProps} />
          {guides.map((g) => (
            <ReferenceLine
              key={`${g.kind}-${g.value}`}
              yAxisId="cpu"
              y={g.value}
              stroke={guideColor[g.kind]}
              strokeDasharray="5 4"
              ifOverflow="extendDomain"
              label={{ value: g.label, position: "insideTopLeft", fontSize: 11, fill: guideColor[g.kind] }}
            />
          ))}
          <Line yAxisId="cpu" dataKey="cpu" name="Average CPU" type="linear" stroke="#0ea5e9" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line yAxisId="replicas" dataKey="replicas" name="Replicas" type="stepAfter" stroke="#a78bfa" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
