/**
 * Head sampling for the data plane's spans, decided the same way at every hop:
 * - a caller's valid traceparent decides (parent-based: its sampled flag, bit 0 of trace-flags);
 * - otherwise the trace id decides (like OpenTelemetry's TraceIdRatioBased): its rightmost 56 bits, which W3C
 *   Trace Context level 2 makes random, read (to the 52 bits a double holds exactly) as a fraction in [0, 1) and
 *   compared with the rate. A trace id is
 *   therefore sampled at every rate above its fraction, so every service using the same rate agrees.
 * Failed requests are recorded whatever the head decision (`keepSpans`), so errors are never sampled away.
 */

/** The default share of traces recorded when STRATUS_TRACE_SAMPLE_RATE is unset. */
export const DEFAULT_SAMPLE_RATE = 0.1;

const TWO_TO_52 = 2 ** 52;

/** The trace id's randomness in [0, 1): the top 52 of its rightmost 56 bits (13 hex digits after the 18th). */
export function traceIdFraction(traceId: string): number {
  return Number.parseInt(traceId.slice(18, 31), 16) / TWO_TO_52;
}

export function ratioSampled(traceId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (!(rate > 0)) return false;
  return traceIdFraction(traceId) < rate;
}

/** The head decision: the parent's sampled flag when there is a parent, else the ratio on the trace id. */
export function headSampled(parentFlags: string | null, traceId: string, rate: number): boolean {
  if (parentFlags !== null) return (Number.parseInt(parentFlags, 16) & 1) === 1;
  return ratioSampled(traceId, rate);
}

/** Errors are always kept. */
export const keepSpans = (sampled: boolean, failed: boolean): boolean => sampled || failed;

/** A rate from the environment: unset means the default; anything but a number in [0, 1] is a configuration error. */
export function parseSampleRate(raw: string | undefined, name = "STRATUS_TRACE_SAMPLE_RATE"): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SAMPLE_RATE;
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`${name} must be a number from 0 to 1 (the share of traces recorded), not ${JSON.stringify(raw)}`);
  return rate;
}
