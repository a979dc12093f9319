import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Dispatcher } from "undici";
import type { BackendEntry } from "./backend-entry";
import { clientAddress, forwardRequestHeaders, forwardResponseHeaders, hasNoBody, isReplayable } from "./http/headers";
import { badGatewayProblem, gatewayTimeoutProblem, noBackendProblem, sendProblem } from "./http/problem";
import { childTraceparent } from "./http/traceparent";
import type { ProxySettings } from "./settings";
import type { RequestCounters } from "./stats/request-counters";
import { classifyUpstreamError, describeUpstreamError } from "./upstream-error";

/** A backend that can take the request, or why there is none (a string: no wrapper allocated per request). */
export type RoutePick = (BackendEntry & { upstream: NonNullable<BackendEntry["upstream"]> }) | string;

/** What a request needs from its pool: a pick, and bookkeeping around each backend attempt. */
export interface PoolRouter {
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

/**
 * One client request through the proxy. It is its own undici dispatch handler, and it avoids per-request
 * closures and listeners on the hot path (a timer argument instead of a closure, one `close` listener per
 * client connection): pick → dispatch → stream the response back with backpressure; on a connect failure
 * before any response, an idempotent request without a body is sent once more to a different backend.
 */
export class ProxyExchange implements Dispatcher.DispatchHandler {
  private readonly startedAt = performance.now();
  private readonly clientIp: string | undefined;
  private readonly headers: string[];
  private readonly body: IncomingMessage | null;
  private readonly replayable: boolean;
  private readonly socket: TrackedSocket;
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
    const trace = childTraceparent(req.headers.traceparent, settings.ids);
    this.headers = forwardRequestHeaders(req.rawHeaders, {
      remoteAddress: req.socket.remoteAddress ?? "unknown",
      proto: "http",
      traceparent: trace.header,
      keepTracestate: trace.continued,
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
      this.finishAttempt(502, true);
      this.res.destroy();
      this.complete(true);
      return;
    }
    const failure = classifyUpstreamError(error);
    this.finishAttempt(failure === "timeout" ? 504 : 502, true);
    if (failure === "connect" && this.replayable && !this.retried) {
      this.retried = true;
      this.attempt(this.entry?.config.id ?? null);
      return;
    }
    const timeoutMs = this.router.settings.upstreamTimeoutMs;
    sendProblem(this.res, failure === "timeout" ? gatewayTimeoutProblem(timeoutMs) : badGatewayProblem(describeUpstreamError(error)));
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
    this.finishAttempt(504, true);
    sendProblem(this.res, gatewayTimeoutProblem(this.router.settings.upstreamTimeoutMs));
    this.complete(true);
    this.controller?.abort(new UpstreamTimeoutError("no response headers before the deadline"));
  }

  private attempt(exclude: string | null): void {
    const entry = this.router.pick(this.clientIp, exclude);
    if (typeof entry === "string") {
      sendProblem(
        this.res,
        exclude === null ? noBackendProblem(entry) : badGatewayProblem(`the backend refused the connection and no other could take the retry (${entry})`),
      );
      this.complete(true);
      return;
    }
    this.entry = entry;
    this.controller = null;
    this.responded = false;
    this.router.attemptStarted(entry);
    this.attemptStartedAt = performance.now();
    this.deadline = setTimeout(onDeadline, this.router.settings.upstreamTimeoutMs, this);
    entry.upstream.dispatch({ path: this.req.url ?? "/", method: this.req.method as Dispatcher.HttpMethod, headers: this.headers, body: this.body }, this);
  }

  private finishAttempt(status: number | null, failed: boolean): void {
    if (this.entry === null) return;
    this.router.attemptFinished(this.entry, status, performance.now() - this.attemptStartedAt, failed);
  }

  private complete(failed: boolean): void {
    if (this.done) return;
    this.done = true;
    this.socket[ACTIVE]?.delete(this);
    this.router.counters.finished(performance.now() - this.startedAt, failed);
  }

  private clearDeadline(): void {
    if (this.deadline === null) return;
    clearTimeout(this.deadline);
    this.deadline = null;
  }
}
