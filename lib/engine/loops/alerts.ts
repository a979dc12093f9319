import { DEFAULT_WEBHOOK_RETRY, type RetryPolicy } from "@/lib/domain/alerting";
import { pruneAlertHistory } from "@/lib/server/dal/engine/alerts";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import { deliverDueNotifications } from "../alerting/deliver";
import { evaluateAlertRules, type EvaluationState } from "../alerting/evaluate";
import { GuardedWebhookSender, type WebhookSender } from "../alerting/webhook-sender";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";
import { SsrfGuard } from "../net";

export interface AlertsLoopOptions {
  /** A rule is evaluated at most this often; default STRATUS_ALERT_EVAL_INTERVAL_MS or 10 s. */
  intervalMs?: number;
  /** The console's address, for links in notifications; default STRATUS_PUBLIC_URL or http://localhost:$PORT. */
  externalUrl?: string;
  /** Resolved alerts and settled notifications are kept this long; default STRATUS_ALERT_HISTORY_DAYS or 30 days. */
  historyDays?: number;
  sender?: WebhookSender;
  policy?: RetryPolicy;
}

const PRUNE_INTERVAL_MS = 600_000;

const envList = (value: string | undefined) => value?.split(",").map((s) => s.trim()).filter(Boolean);

/**
 * Webhook receivers live anywhere (chat, pagers), so any address is allowed but the guard's denied ranges (link-local,
 * cloud metadata); STRATUS_ALERT_WEBHOOK_ALLOWED_CIDRS narrows that, e.g. to a private relay.
 */
export function defaultWebhookSender(): WebhookSender {
  const allow = envList(process.env.STRATUS_ALERT_WEBHOOK_ALLOWED_CIDRS) ?? ["0.0.0.0/0", "::/0"];
  return new GuardedWebhookSender({ guard: new SsrfGuard({ allow }), timeoutMs: Number(process.env.STRATUS_ALERT_WEBHOOK_TIMEOUT_MS ?? 5_000) });
}

/**
 * Alerting: each pass evaluates the enabled rules that are due (pending → firing → resolved, with history) and
 * starts delivering due webhook notifications in the background — one batch at a time, bounded by the sender's
 * timeouts — so a slow receiver never holds up the other loops.
 */
export function alertsLoop(options: AlertsLoopOptions = {}): Loop & { close(): Promise<void>; delivered(): Promise<void> } {
  const intervalMs = options.intervalMs ?? Number(process.env.STRATUS_ALERT_EVAL_INTERVAL_MS ?? 10_000);
  const externalUrl = (options.externalUrl ?? process.env.STRATUS_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  const sender = options.sender ?? defaultWebhookSender();
  const policy = options.policy ?? DEFAULT_WEBHOOK_RETRY;
  const historyMs = (options.historyDays ?? Number(process.env.STRATUS_ALERT_HISTORY_DAYS ?? 30)) * 86_400_000;
  const state: EvaluationState = { lastEvaluated: new Map() };
  let lastPrune = Number.NEGATIVE_INFINITY;
  let delivering: Promise<void> | null = null;

  const deliver = (write: EngineWriteCtx, now: number, rng: EngineDeps["rng"]) => {
    delivering ??= deliverDueNotifications(write, now, { sender, policy, rng })
      .then(() => undefined)
      .catch((error: unknown) => console.error("alert notifications: delivery failed", error))
      .finally(() => (delivering = null));
  };

  return {
    name: "alerts",
    async tick({ write, now, rng }: EngineDeps) {
      const errors = await evaluateAlertRules(write, now, state, { intervalMs, externalUrl });
      deliver(write, now, rng);
      if (now - lastPrune >= PRUNE_INTERVAL_MS) {
        lastPrune = now;
        await pruneAlertHistory(write, new Date(now - historyMs));
      }
      if (errors.length > 0) throw new Error(`alert rules failed: ${errors.join("; ")}`);
    },
    /** The delivery under way, if any (tests and shutdown wait for it). */
    async delivered() {
      await delivering;
    },
    async close() {
      await delivering;
      await sender.close();
    },
  };
}
