/** Numbers for explanations: at most two decimals, no trailing zeros (1.5, 0.33, 4). */
export function fmt(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : String(value);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
