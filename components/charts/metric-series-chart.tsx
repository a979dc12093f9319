"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, formatTick, formatValue, gridProps, legendProps, tooltipStyle } from "./chart-theme";
import type { ChartRow } from "./metric-series-data";
import { seriesColors } from "./series-colors";
import { formatInstant, timeAxisProps } from "./time-axis";

export interface ChartLine {
  /** The row column the line reads. */
  key: string;
  /** The legend's name (the key when absent). */
  name?: string;
  /** A fixed colour for a line with a meaning (errors red); otherwise a stable one from its key. */
  color?: string;
}

export interface ChartGuide {
  value: number;
  label: string;
  color: string;
}

const HEIGHT = { sm: "h-48", md: "h-72" } as const;

/**
 * Series over a fixed time window, one line (or stacked area) each. Polled, so nothing animates; the x domain is
 * the query window, so the chart slides with time rather than rescaling to whatever points arrived.
 */
export function MetricSeriesChart({
  rows,
  lines,
  domain,
  label,
  unit,
  stacked = false,
  stepped = false,
  guides = [],
  height = "md",
  empty = "No samples in this range yet.",
}: {
  rows: ChartRow[];
  lines: ChartLine[];
  /** The query window; null until the first answer (the frame keeps its height meanwhile). */
  domain: [number, number] | null;
  label: string;
  unit?: string;
  stacked?: boolean;
  /** Draw as steps (counts, replicas) rather than slopes. */
  stepped?: boolean;
  guides?: ChartGuide[];
  height?: keyof typeof HEIGHT;
  empty?: string;
}) {
  if (domain === null) {
    return (
      <div className={`grid ${HEIGHT[height]} w-full place-items-center text-sm text-zinc-500`} role="img" aria-label={label} aria-busy>
        Loading…
      </div>
    );
  }
  const colors = seriesColors(lines.map((l) => l.key));
  const type = stepped ? "stepAfter" : "monotone";
  return (
    <div className={`relative ${HEIGHT[height]} w-full text-zinc-600 dark:text-zinc-400`} role="img" aria-label={label}>
      {rows.length === 0 ? <p className="absolute inset-0 grid place-items-center text-sm text-zinc-500">{empty}</p> : null}
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="t" {...timeAxisProps(domain)} {...axisProps} />
          <YAxis tickFormatter={formatTick} width={48} allowDecimals={!stepped} {...axisProps} unit={unit && unit.length <= 2 ? unit : undefined} />
          <Tooltip labelFormatter={(t) => formatInstant(Number(t))} formatter={(v) => formatValue(Number(v), unit)} isAnimationActive={false} {...tooltipStyle} />
          <Legend {...legendProps} />
          {guides.map((g) => (
            <ReferenceLine key={`${g.label}-${g.value}`} y={g.value} stroke={g.color} strokeDasharray="5 4" ifOverflow="extendDomain" label={{ value: g.label, position: "insideTopLeft", fontSize: 11, fill: g.color }} />
          ))}
          {lines.map((l) =>
            stacked ? (
              <Area key={l.key} dataKey={l.key} name={l.name ?? l.key} type={type} stackId="1" stroke={l.color ?? colors[l.key]} fill={l.color ?? colors[l.key]} fillOpacity={0.25} isAnimationActive={false} />
            ) : (
              <Line key={l.key} dataKey={l.key} name={l.name ?? l.key} type={type} stroke={l.color ?? colors[l.key]} strokeWidth={1.75} dot={false} connectNulls={false} isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
