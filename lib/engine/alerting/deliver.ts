import "server-only";
import { nextRetry, type RetryPolicy } from "@/lib/domain/alerting";
import type { Rng } from "@/lib/domain/random";
import { loadDueNotifications, recordDeliveryAttempt, type DeliveryOutcome } from "@/lib/server/dal/engine/alerts";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import type { WebhookSender } from "./webhook-sender";

export interface DeliveryOptions {
  sender: WebhookSender;
  policy: RetryPolicy;
  rng: Rng;
  /** Notifications attempted per run, and at once. */
  batch?: number;
  concurrency?: number;
}

/**
 * Attempt every due notification once: delivered on a 2xx, otherwise retried later on the backoff schedule until
 * its attempts are spent, or failed at once when retrying cannot help (the SSRF guard refused the address).
 * At most `concurrency` requests are in flight, each bounded by the sender's timeouts.
 */
export async function deliverDueNotifications(write: EngineWriteCtx, now: number, options: DeliveryOptions): Promise<number> {
  const due = await loadDueNotifications(new Date(now), options.batch ?? 20);
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const n = due[next++]!;
      const result = await options.sender.post(n.url, n.payload);
      await recordDeliveryAttempt(write, n.id, outcomeOf(result, n.attempts + 1, now, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, due.length) }, worker));
  return due.length;
}

function outcomeOf(result: Awaited<ReturnType<WebhookSender["post"]>>, attempt: number, now: number, options: DeliveryOptions): DeliveryOutcome {
  if (result.ok) return { status: "delivered", at: new Date(now) };
  if (!result.retry) return { status: "failed", error: result.error };
  const retry = nextRetry(attempt, options.policy, now, options.rng);
  if ("giveUp" in retry) return { status: "failed", error: `gave up after ${attempt} attempts: ${result.error}` };
  return { status: "pending", nextAttemptAt: new Date(retry.retryAt), error: result.error };
}
