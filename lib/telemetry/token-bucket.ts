/**
 * A token bucket for ingest backpressure: `rate` tokens a second up to `burst`. `take(n, now)` either spends n
 * tokens or says how many seconds until it could (the Retry-After). The clock is a parameter, so tests step it.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(n: number, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = Math.max(this.last, now);
    if (n <= this.tokens) {
      this.tokens -= n;
      return { ok: true };
    }
    // A request larger than the burst can never pass whole: tell it to wait a full refill, and to split it.
    const deficit = Math.min(n, this.burst) - this.tokens;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(deficit / this.rate)) };
  }
}
