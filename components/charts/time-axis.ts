/** The time (x) axis every chart shares: round tick steps for the span, labels that say as much as the span needs. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TICK_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];

/** Time ticks on whole multiples of `stepMs` (in the browser's time zone offset `offsetMs`) inside the domain. */
export function timeTicks([start, end]: [number, number], stepMs: number, offsetMs = 0): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil((start + offsetMs) / stepMs) * stepMs - offsetMs; t <= end; t += stepMs) ticks.push(t);
  return ticks;
}

/** The roundest tick step giving at most `most` ticks over the span (a day apart past that). */
export function tickStepFor(spanMs: number, most = 6): number {
  return TICK_STEPS.find((s) => spanMs / s <= most) ?? Math.ceil(spanMs / most / (24 * HOUR)) * 24 * HOUR;
}

/**
 * Ticks for a domain in the browser's zone: `offsetMinutes` is `getTimezoneOffset()` (minutes behind UTC), passed in
 * so this stays pure.
 */
export function axisTicks(domain: [number, number], offsetMinutes: number): number[] {
  return timeTicks(domain, tickStepFor(domain[1] - domain[0]), -offsetMinutes * MINUTE);
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const dayClock = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const seconds = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Tick labels: the clock within a day, the date too past one. */
export function tickFormatter(spanMs: number): (t: number) => string {
  return spanMs > 24 * HOUR ? (t) => dayClock.format(t) : (t) => clock.format(t);
}

/** Tooltip headings: to the second, with the date. */
export const formatInstant = (t: number) => seconds.format(t);

/** Recharts XAxis props for time over a fixed window: ticks on round clock times in the browser's zone. */
export function timeAxisProps(domain: [number, number]) {
  return {
    type: "number",
    scale: "time",
    domain,
    allowDataOverflow: true,
    ticks: axisTicks(domain, new Date(domain[1]).getTimezoneOffset()),
    tickFormatter: tickFormatter(domain[1] - domain[0]),
    minTickGap: 40,
  } as const;
}
