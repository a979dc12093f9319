"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RatePoint } from "./pool-stats-data";

const time = (t: number) => new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Requests and errors per second through a pool's proxy, live. */
export function PoolTrafficChart({ points }: { points: RatePoint[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label="Requests and errors per second through the pool">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis dataKey="t" tickFormatter={time} tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} minTickGap={40} />
          <YAxis tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} allowDecimals={false} />
          <Tooltip
            labelFormatter={(t) => time(Number(t))}
            contentStyle={{ background: "var(--color-zinc-900)", border: "none", borderRadius: 6, color: "white", fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="rps" name="requests/s" stroke="#0284c7" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="errorsPerSec" name="errors/s" stroke="#dc2626" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
