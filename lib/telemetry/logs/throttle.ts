import { TokenBucket } from "../token-bucket";

/**
 * Per-key rate limit for noisy log events (a dead backend fails every request): each key may pass `rate` a second
 * with bursts of `burst`; what is held back is counted and reported with the next event that passes, so the log
 * says "and 57 more like it" instead of carrying them all. At most `maxKeys` keys are tracked (then it starts over).
 */
export class EventThrottle {
  private readonly keys = new Map<string, { bucket: TokenBucket; suppressed: number }>();

  constructor(
    private readonly rate = 2,
    private readonly burst = 10,
    private readonly maxKeys = 1_000,
  ) {}

  /** null: hold this one back; otherwise how many were held back since the last one that passed. */
  admit(key: string, now: number): { suppressed: number } | null {
    let entry = this.keys.get(key);
    if (!entry) {
      if (this.keys.size >= this.maxKeys) this.keys.clear();
      entry = { bucket: new TokenBucket(this.rate, this.burst, now), suppressed: 0 };
      this.keys.set(key, entry);
    }
    if (!entry.bucket.take(1, now).ok) {
      entry.suppressed++;
      return null;
    }
    const suppressed = entry.suppressed;
    entry.suppressed = 0;
    return { suppressed };
  }
}
