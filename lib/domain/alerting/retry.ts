import type { Rng } from "../random";

export interface RetryPolicy {
  /** The first retry waits about this long; each next one twice as long … */
  baseMs: number;
  /** … up to this. */
  maxMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

export const DEFAULT_WEBHOOK_RETRY: RetryPolicy = { baseMs: 2_000, maxMs: 300_000, maxAttempts: 8 };

/**
 * The wait after the `failures`-th failed attempt: exponential backoff capped at maxMs, with "equal jitter" (half
 * fixed, half random) so receivers that failed together do not retry together yet no wait collapses to zero.
 */
export function retryDelayMs(failures: number, policy: RetryPolicy, rng: Rng): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return cap / 2 + rng() * (cap / 2);
}

/** After `failures` failed attempts: when to try again, or give up once maxAttempts are spent. */
export function nextRetry(failures: number, policy: RetryPolicy, now: number, rng: Rng): { retryAt: number } | { giveUp: true } {
  if (failures >= policy.maxAttempts) return { giveUp: true };
  return { retryAt: now + Math.round(retryDelayMs(failures, policy, rng)) };
}
