import { Agent, request } from "undici";
import { guardedConnector, SsrfGuard } from "../net";

export type WebhookResult = { ok: true; status: number } | { ok: false; retry: boolean; error: string };

export interface WebhookSender {
  post(url: string, payload: unknown): Promise<WebhookResult>;
  close(): Promise<void>;
}

export interface WebhookSenderOptions {
  guard: SsrfGuard;
  /** Connect, response headers and body each; default 5 s. */
  timeoutMs?: number;
  userAgent?: string;
}

/**
 * POSTs alert notifications as JSON. The URL's host goes through the SSRF guard and the request is sent to the
 * vetted address (with the URL's Host, and its name for TLS), so a DNS answer cannot steer it elsewhere; redirects
 * are never followed; every phase has a timeout. A refusal by the guard is final, anything else may be retried.
 */
export class GuardedWebhookSender implements WebhookSender {
  private readonly guard: SsrfGuard;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly agent: Agent;

  constructor(options: WebhookSenderOptions) {
    this.guard = options.guard;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.userAgent = options.userAgent ?? "stratus-alerts/1";
    this.agent = new Agent({ connect: guardedConnector(this.guard, { timeoutMs: this.timeoutMs }), keepAliveTimeout: 10_000 });
  }

  async post(url: string, payload: unknown): Promise<WebhookResult> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { ok: false, retry: false, error: `not a URL: ${url}` };
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") return { ok: false, retry: false, error: `${target.protocol} URLs are not sent to` };
    if (target.username || target.password) return { ok: false, retry: false, error: "URLs with credentials are not sent to" };
    const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
    const host = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
    const decision = await this.guard.resolve(host, port);
    if (!decision.ok) return { ok: false, retry: decision.code === "resolution_failed", error: `refused by the SSRF guard: ${decision.reason}` };
    const origin = decision.target.origin.replace(/^http:/, target.protocol);
    try {
      const res = await request(`${origin}${target.pathname}${target.search}`, {
        method: "POST",
        dispatcher: this.agent,
        headers: { host: decision.target.hostHeader, "content-type": "application/json", "user-agent": this.userAgent },
        body: JSON.stringify(payload),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs * 2),
      });
      await res.body.dump();
      if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true, status: res.statusCode };
      const redirect = res.statusCode >= 300 && res.statusCode < 400 ? " (redirects are not followed)" : "";
      return { ok: false, retry: true, error: `HTTP ${res.statusCode}${redirect}` };
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { ok: false, retry: true, error: `${code ? `${code}: ` : ""}${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
