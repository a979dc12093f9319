/**
 * The demo load: a gentle base rate with a burst every few minutes, so within a minute of `npm start` charts move
 * and an autoscaler has something to react to, then calms down and scales back in.
 */
export interface LoadSettings {
  enabled: boolean;
  /** Requests per second outside bursts. */
  rps: number;
  /** CPU work per request in the demo service, ms. */
  workMs: number;
  /** Every `periodMs`, a burst of `burstFactor` × rps for `burstMs`. */
  periodMs: number;
  burstMs: number;
  burstFactor: number;
}

export const DEFAULT_LOAD: LoadSettings = {
  enabled: true,
  rps: 15,
  workMs: 12,
  periodMs: 240_000,
  burstMs: 90_000,
  burstFactor: 4,
};

/** The target rate at `elapsedMs` since the generator started; the first burst starts after 20 s. */
export function rateAt(settings: LoadSettings, elapsedMs: number): number {
  if (!settings.enabled || elapsedMs < 0) return 0;
  const phase = (elapsedMs - 20_000) % settings.periodMs;
  const bursting = elapsedMs >= 20_000 && phase < settings.burstMs;
  return bursting ? settings.rps * settings.burstFactor : settings.rps;
}

/** How many requests to send in a slot of `slotMs`, carrying the fractional remainder so the mean rate is exact. */
export function requestsForSlot(rate: number, slotMs: number, carry: number): { count: number; carry: number } {
  const exact = (rate * slotMs) / 1000 + carry;
  const count = Math.floor(exact + 1e-9); // tolerate float error so k slots of 1/k really add up to 1
  return { count, carry: exact - count };
}
