"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cpuAxisMax, cpuTicks, replicaAxisMax, replicaTicks, timeTicks, type ScalingGuide, type ScalingPoint } from "./scaling-data";

const guideColor: Record<ScalingGuide["kind"], string> = { up: "#ef4444", down: "#10b981", target: "#a1a1aa" };
const clock = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
const clockSeconds = (ms: number) => new Date(ms).toLocaleTimeString("en-GB");

/** Average CPU utilization each decision saw, against the policy's lines, and the replica count it left. */
export function ScalingChart({ points, guides, domain, maxReplicas }: { points: ScalingPoint[]; guides: ScalingGuide[]; domain: [number, number]; maxReplicas: number }) {
  const cpuMax = cpuAxisMax(points, guides);
  const replicaMax = replicaAxisMax(points, maxReplicas);
  // Ticks every 3 minutes on the local clock (getTimezoneOffset is minutes behind UTC).
  const offsetMs = -new Date(domain[1]).getTimezoneOffset() * 60_000;
  return (
    <div className="h-72 w-full" role="img" aria-label="Average CPU utilization per decision against the scaling thresholds, and the replica count, over the last 15 minutes">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={domain}
            allowDataOverflow
            ticks={timeTicks(domain, 3 * 60_000, offsetMs)}
            tickFormatter={clock}
            tick={{ fontSize: 12, fill: "currentColor" }}
            stroke="currentColor"
            strokeOpacity={0.3}
            minTickGap={40}
          />
          <YAxis yAxisId="cpu" domain={[0, cpuMax]} ticks={cpuTicks(cpuMax)} unit="%" tick={{ fontSize: 12, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} />
          <YAxis
            yAxisId="replicas"
            orientation="right"
            domain={[0, replicaMax]}
            ticks={replicaTicks(replicaMax)}
            allowDecimals={false}
            tick={{ fontSize: 12, fill: "currentColor" }}
            stroke="currentColor"
            strokeOpacity={0.3}
            width={32}
          />
          <Tooltip
            labelFormatter={(v) => clockSeconds(Number(v))}
            formatter={(value, name) => (name === "Replicas" ? [value, name] : [value === null ? "no reading" : `${value}%`, name])}
            contentStyle={{ background: "var(--color-zinc-900)", border: "none", borderRadius: 6, color: "white", fontSize: 12 }}
            cursor={{ stroke: "currentColor", strokeOpacity: 0.2 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
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
          <Line yAxisId="cpu" dataKey="cpu" name="Average CPU" type="linear" stroke="#0284c7" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line yAxisId="replicas" dataKey="replicas" name="Replicas" type="stepAfter" stroke="#a78bfa" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
