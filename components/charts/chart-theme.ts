/**
 * The look every chart shares. Axes, grid and cursor draw in `currentColor` at low opacity, so they follow the text
 * colour of light and dark mode; the tooltip is a dark panel with a light border, readable on either background.
 */
export const gridProps = { strokeDasharray: "3 3", stroke: "currentColor", strokeOpacity: 0.12, vertical: false } as const;

export const axisProps = { tick: { fontSize: 11, fill: "currentColor", fillOpacity: 0.75 }, stroke: "currentColor", strokeOpacity: 0.3 } as const;

export const tooltipStyle = {
  contentStyle: { background: "#18181b", border: "1px solid #3f3f46", borderRadius: 6, color: "#f4f4f5", fontSize: 12 },
  labelStyle: { color: "#a1a1aa", marginBottom: 2 },
  itemStyle: { padding: 0 },
  cursor: { stroke: "currentColor", strokeOpacity: 0.25 },
} as const;

export const legendProps = { wrapperStyle: { fontSize: 12 }, iconType: "plainline" } as const;

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Axis ticks: short (1.2K). */
export const formatTick = (v: number) => compact.format(v);
/** Tooltip values: up to two decimals, with the unit. */
export const formatValue = (v: number, unit = "") => `${precise.format(v)}${unit ? ` ${unit}` : ""}`;
