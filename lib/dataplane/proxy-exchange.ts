import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Dispatcher } from "undici";
import type { BackendEntry } from "./backend-entry";
import { clientAddress, forwardRequestHeaders, forwardResponseHeaders, hasNoBody, isReplayable } from "./http/headers";
import { badGatewayProblem, gatewayTimeoutProblem, noBackendProblem, sendProblem, type ProxyProblem } from "./http/problem";
import { childTraceparent, formatTraceparent, isSampled, type ChildTrace } from "./http/traceparent";
import type { ProxySettings } from "./settings";
import type { RequestCounters } from "./stats/request-counters";
import { proxySpans, type AttemptTrace } from "./tracing/proxy-spans";
import { classifyUpstreamError, describeUpstreamError, upstreamErrorType } from "./upstream-error";

/** A backend that can take the request, or why there is none (a string: no wrapper allocated per request). */
export type RoutePick = (BackendEntry & { upstream: NonNullable<BackendEntry["upstream"]> }) | string;

/** What a request needs from its pool: a pick, and bookkeeping around each backend attempt. */
export interface PoolRouter {
  readonly id: string;
  readonly name: string;
  readonly settings: ProxySettings;
  readonly counters: RequestCounters;
  /** A backend for this client; `exclude` is the one that just failed (retries go elsewhere). */
  pick(clientIp: string | undefined, exclude: string | null): RoutePick;
  attemptStarted(entry: BackendEntry): void;
  /** `status`: the backend's, the 502/504 a proxy-side failure counts as, or null when the client went away. */
  attemptFinished(entry: BackendEntry, status: number | null, latencyMs: number, failed: boolean): void;
}

class ClientClosedError extends Error {
  readonly code = "CLIENT_CLOSED";
}

class UpstreamTimeoutError extends Error {
  readonly code = "UND_ERR_HEADERS_TIMEOUT";
}

/** The exchanges in progress on a client connection, so one `close` listener per connection serves them all. */
const ACTIVE = Symbol("stratus.activeExchanges");
type TrackedSocket = Socket & { [ACTIVE]?: Set<ProxyExchange> };

function onClientSocketClose(this: TrackedSocket): void {
  const active = this[ACTIVE];
  if (active === undefined) return;
  for (const exchange of active) exchange.clientClosed();
  active.clear();
}

function onDeadline(exchange: ProxyExchange): void {
  exchange.deadlineReached();
}

/** performance.now() → microseconds since the epoch, for spans. */
const epochUs = (at: number) => Math.round((performance.timeOrigin + at) * 1000);

/** The header list with its traceparent value replaced (a retry is a new span), as a copy: undici may hold the old one. */
function withTraceparent(headers: readonly string[], traceparent: string): string[] {
  const copy = [...headers];
  for (let i = copy.length - 2; i >= 0; i -= 2) {
    if (copy[i] === "traceparent") {
      copy[i + 1] = traceparent;
      break;
    }
  }
  return copy;
}

/**
 * One client request through the proxy. It is its own undici dispatch handler, and it avoids per-request
 * closures and listeners on the hot path (a timer argument instead of a closure, one `close` listener per
 * client connection): pick → dispatch → stream the response back with backpressure; on a connect failure
 * before any response, an idempotent request without a body is sent once more to a different backend.
 * When the pool records spans, each attempt is a CLIENT span whose id is the backend's traceparent parent, and
 * the finished request's spans go to the sink if the trace is sampled or the request failed.
 */
export class ProxyExchange implements Dispatcher.DispatchHandler {
  private readonly startedAt = performance.now();
  private readonly clientIp: string | undefined;
  private headers: string[];
  private readonly body: IncomingMessage | null;
  private readonly replayable: boolean;
  private readonly socket: TrackedSocket;
  private readonly trace: ChildTrace;
  /** Every backend attempt, kept only when the pool records spans. */
  private readonly attempts: AttemptTrace[] | null;
  /** What the client was answered with, and why it failed (for the server span). */
  private answeredStatus: number | null = null;
  private errorType: string | null = null;
  private problemDetail: string | null = null;
  private entry: BackendEntry | null = null;
  private controller: Dispatcher.DispatchController | null = null;
  private attemptStartedAt = 0;
  /** Our own deadline for the response headers: undici's timers tick at ~1 s, too coarse for a 504. */
  private deadline: NodeJS.Timeout | null = null;
  /** The latest body chunk, held back so a one-chunk body goes out with `end()` in a single write. */
  private held: Buffer | null = null;
  private onDrain: (() => void) | null = null;
  private status = 0;
  private responded = false;
  private retried = false;
  private clientGone = false;
  private done = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly router: PoolRouter,
  ) {
    const { settings } = router;
    this.socket = req.socket;
    this.clientIp = clientAddress(req.headers, req.socket.remoteAddress, settings.clientIpHeader);
    this.trace = childTraceparent(req.headers.traceparent, settings.ids, settings.tracing?.sampleNewTrace);
    this.attempts = settings.tracing === null ? null : [];
    this.headers = forwardRequestHeaders(req.rawHeaders, {
      remoteAddress: req.socket.remoteAddress ?? "unknown",
      proto: "http",
      traceparent: this.trace.header,
      keepTracestate: this.trace.continued,
      via: settings.via,
    });
    this.body = hasNoBody(req.headers) ? null : req;
    this.replayable = isReplayable(req.method ?? "GET", req.headers);
  }

  start(): void {
    this.router.counters.started();
    let active = this.socket[ACTIVE];
    if (active === undefined) {
      active = new Set();
      this.socket[ACTIVE] = active;
      this.socket.once("close", onClientSocketClose);
    }
    active.add(this);
    this.attempt(null);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.clientGone) controller.abort(new ClientClosedError("client closed the connection"));
    else if (this.done) controller.abort(new UpstreamTimeoutError("abandoned after the deadline"));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    this.controller = controller;
    if (this.done) {
      controller.abort(new UpstreamTimeoutError("abandoned after the deadline"));
      return;
    }
    this.clearDeadline();
    this.responded = true;
    this.status = statusCode;
    this.answeredStatus = statusCode;
    const forwarded = forwardResponseHeaders(headers);
    if (statusMessage) this.res.writeHead(statusCode, statusMessage, forwarded);
    else this.res.writeHead(statusCode, forwarded);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const previous = this.held;
    this.held = chunk;
    if (previous === null || this.res.write(previous)) return;
    controller.pause();
    this.onDrain ??= () => this.controller?.resume();
    this.res.once("drain", this.onDrain);
  }

  onResponseEnd(): void {
    const last = this.held;
    this.held = null;
    if (last === null) this.res.end();
    else this.res.end(last);
    this.finishAttempt(this.status, this.status >= 500);
    this.complete(this.status >= 500);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.clearDeadline();
    if (this.done) return; // abandoned at the deadline: already answered and accounted for
    if (this.clientGone) {
      this.finishAttempt(null, false);
      this.complete(false);
      return;
    }
    if (this.responded) {
      // Headers are out: all we can do is cut the response short so the client sees it failed.
      this.finishAttempt(502, true, upstreamErrorType(error));
      this.res.destroy();
      this.notifyError(502, `the response was cut short: ${describeUpstreamError(error)}`);
      this.complete(true);
      return;
    }
    const failure = classifyUpstreamError(error);
    this.finishAttempt(failure === "timeout" ? 504 : 502, true, upstreamErrorType(error));
    if (failure === "connect" && this.replayable && !this.retried) {
      this.retried = true;
      const failed = this.entry?.config.id ?? null;
      if (failed !== null) {
        this.router.settings.emit({ type: "upstream_retry", poolId: this.router.id, backendId: failed, error: describeUpstreamError(error), traceId: this.trace.context.traceId });
      }
      this.attempt(failed);
      return;
    }
    const timeoutMs = this.router.settings.upstreamTimeoutMs;
    this.answer(failure === "timeout" ? gatewayTimeoutProblem(timeoutMs) : badGatewayProblem(describeUpstreamError(error)));
    this.complete(true);
  }

  /** The client's connection closed before we finished: stop the backend request. */
  clientClosed(): void {
    if (this.done) return;
    this.clearDeadline();
    this.clientGone = true;
    this.controller?.abort(new ClientClosedError("client closed the connection"));
  }

  /** No response headers in time: answer 504 now, even if the connect is still pending, and abort the attempt. */
  deadlineReached(): void {
    this.deadline = null;
    if (this.done || this.responded) return;
    this.finishAttempt(504, true, "timeout");
    this.answer(gatewayTimeoutProblem(this.router.settings.upstreamTimeoutMs));
    this.complete(true);
    this.controller?.abort(new UpstreamTimeoutError("no response headers before the deadline"));
  }

  private attempt(exclude: string | null): void {
    const entry = this.router.pick(this.clientIp, exclude);
    if (typeof entry === "string") {
      if (exclude === null) this.errorType = "no_backend";
      this.answer(exclude === null ? noBackendProblem(entry) : badGatewayProblem(`the backend refused the connection and no other could take the retry (${entry})`));
      this.complete(true);
      return;
    }
    this.entry = entry;
    this.controller = null;
    this.responded = false;
    this.router.attemptStarted(entry);
    this.attemptStartedAt = performance.now();
    if (this.attempts !== null) this.traceAttempt(entry);
    this.deadline = setTimeout(onDeadline, this.router.settings.upstreamTimeoutMs, this);
    entry.upstream.dispatch({ path: this.req.url ?? "/", method: this.req.method as Dispatcher.HttpMethod, headers: this.headers, body: this.body }, this);
  }

  private finishAttempt(status: number | null, failed: boolean, errorType: string | null = null): void {
    if (this.entry === null) return;
    const endedAt = performance.now();
    this.router.attemptFinished(this.entry, status, endedAt - this.attemptStartedAt, failed);
    const attempt = this.attempts?.at(-1);
    if (attempt === undefined) return;
    attempt.endUs = epochUs(endedAt);
    attempt.status = status;
    attempt.failed = failed;
    attempt.errorType = errorType ?? (failed && status !== null ? String(status) : null);
    if (failed) this.errorType = attempt.errorType;
  }

  private complete(failed: boolean): void {
    if (this.done) return;
    this.done = true;
    this.socket[ACTIVE]?.delete(this);
    const endedAt = performance.now();
    this.router.counters.finished(endedAt - this.startedAt, failed);
    if (this.attempts !== null && (failed || isSampled(this.trace.context))) this.recordSpans(endedAt, failed);
  }

  /** The proxy's own answer (502/503/504 problem details). */
  private answer(problem: ProxyProblem): void {
    if (!this.res.headersSent) {
      this.answeredStatus = problem.status;
      this.problemDetail = problem.detail;
    }
    sendProblem(this.res, problem);
    this.notifyError(problem.status, problem.detail);
  }

  /** An error the proxy answered (or cut short) goes to the event stream, with the trace id, for the logs. */
  private notifyError(status: number, detail: string): void {
    const { id: poolId, settings } = this.router;
    settings.emit({ type: "upstream_error", poolId, backendId: this.entry?.config.id ?? null, status, error: detail, traceId: this.trace.context.traceId });
  }

  /** A new CLIENT span; a retry gets its own span id, sent to the backend as its parent. */
  private traceAttempt(entry: BackendEntry): void {
    const attempts = this.attempts!;
    let spanId = this.trace.context.parentId;
    if (attempts.length > 0) {
      spanId = this.router.settings.ids.spanId();
      this.headers = withTraceparent(this.headers, formatTraceparent({ ...this.trace.context, parentId: spanId }));
    }
    const { id, address, port, podName } = entry.config;
    const startUs = epochUs(this.attemptStartedAt);
    attempts.push({ spanId, backendId: id, address, port, podName: podName ?? null, startUs, endUs: startUs, status: null, failed: false, errorType: null });
  }

  private recordSpans(endedAt: number, failed: boolean): void {
    const { settings } = this.router;
    const spans = proxySpans({
      traceId: this.trace.context.traceId,
      parentSpanId: this.trace.parent?.parentId ?? null,
      serverSpanId: settings.ids.spanId(),
      poolId: this.router.id,
      poolName: this.router.name,
      method: this.req.method ?? "GET",
      target: this.req.url ?? "/",
      clientAddress: this.clientIp,
      startUs: epochUs(this.startedAt),
      endUs: epochUs(endedAt),
      status: this.clientGone ? null : this.answeredStatus,
      failed,
      errorType: failed ? (this.errorType ?? (this.answeredStatus !== null ? String(this.answeredStatus) : "error")) : null,
      statusMessage: this.problemDetail,
      attempts: this.attempts!,
    });
    for (const span of spans) settings.tracing!.sink.push(span);
  }

  private clearDeadline(): void {
    if (this.deadline === null) return;
    clearTimeout(this.deadline);
    this.deadline = null;
  }
}
