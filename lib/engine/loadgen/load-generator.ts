import { rateAt, requestsForSlot, type LoadSettings } from "./pattern";

const SLOT_MS = 100;
const MAX_IN_FLIGHT = 32;

/**
 * Sends the demo load at a target URL (a pool's listener) on loopback. Bounded: at most MAX_IN_FLIGHT requests at
 * once; a slot whose requests cannot start is skipped, never queued, so a slow target cannot pile up work.
 */
export class LoadGenerator {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = Date.now();
  private carry = 0;
  private inFlight = 0;
  sent = 0;
  failed = 0;

  constructor(
    private settings: LoadSettings,
    private target: string | null,
  ) {}

  configure(settings: LoadSettings, target: string | null): void {
    if (settings.enabled && !this.settings.enabled) this.startedAt = Date.now();
    this.settings = settings;
    this.target = target;
  }

  start(): void {
    this.timer ??= setInterval(() => this.slot(), SLOT_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private slot(): void {
    if (!this.target) return;
    const { count, carry } = requestsForSlot(rateAt(this.settings, Date.now() - this.startedAt), SLOT_MS, this.carry);
    this.carry = carry;
    for (let i = 0; i < count && this.inFlight < MAX_IN_FLIGHT; i++) void this.send(this.target);
  }

  private async send(target: string): Promise<void> {
    this.inFlight++;
    try {
      const res = await fetch(`${target}/?work=${this.settings.workMs}`, { signal: AbortSignal.timeout(5000) });
      await res.body?.cancel();
      if (res.status >= 500) this.failed++;
      this.sent++;
    } catch {
      this.failed++;
    } finally {
      this.inFlight--;
    }
  }
}
