import type { BackendEntry } from "./backend-entry";
import type { Socket } from "node:net";
import { clientAddress, forwardRequestHeaders, forwardResponseHeaders, headerValue, headerValues, isReplayable, requestHead } from "./http/headers";
import { badGatewayProblem, gatewayTimeoutProblem, noBackendProblem, sendProblem, type ProxyProblem } from "./http/problem";
import { childTraceparent, formatTraceparent, isSampled, type ChildTrace } from "./http/traceparent";
import type { ClientConnection, ClientRequest, Exchange } from "./http1/client-connection";
import type { MessageHead } from "./http1/llhttp";
import { UpstreamSocketError, type UpstreamConnection, type UpstreamHandler } from "./http1/upstream-connection";
import type { UpstreamPool } from "./http1/upstream-pool";
import type { ProxySettings } from "./settings";
import type { RequestCounters } from "./stats/request-counters";
import { proxySpans, type AttemptTrace } from "./tracing/proxy-spans";
import { classifyUpstreamError, describeUpstreamError, upstreamErrorType } from "./upstream-error";

/** A backend that can take the request, or why there is none (a string: no wrapper allocated per request). */
export type RoutePick = (BackendEntry & { upstream: UpstreamPool }) | string;

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

function onDeadline(exchange: ProxyExchange): void {
  exchange.deadlineReached();
}

/** performance.now() → microseconds since the epoch, for spans. */
const epochUs = (at: number) => Math.round((performance.timeOrigin + at) * 1000);

/** The header list with its traceparent value replaced (a retry is a new span). */
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

/** Request body bytes held while no upstream connection is ready, before the client is asked to wait. */
const MAX_HELD_BODY_BYTES = 64 * 1024;

/**
 * One client request through the proxy: pick → an upstream connection → the request head and body → the response
 * streamed back with backpressure both ways. On a connect failure before any response, an idempotent request
 * without a body is sent once more to a different backend. It avoids per-request closures on the hot path (a
 * timer argument instead of a closure). When the pool records spans, each attempt is a CLIENT span whose id is
 * the backend's traceparent parent, and the finished request's spans go to the sink if the trace is sampled or
 * the request failed.
 */
export class ProxyExchange implements Exchange, UpstreamHandler {
  private startedAt = 0;
  private readonly clientIp: string | undefined;
  private headers: string[];
  readonly resendable: boolean;
  readonly expectsNoBody: boolean;
  private readonly trace: ChildTrace;
  /** Every backend attempt, kept only when the pool records spans. */
  private readonly attempts: AttemptTrace[] | null;
  /** What the client was answered with, and why it failed (for the server span). */
  private answeredStatus: number | null = null;
  private errorType: string | null = null;
  private problemDetail: string | null = null;
  private entry: (BackendEntry & { upstream: UpstreamPool }) | null = null;
  private connection: UpstreamConnection | null = null;
  private attemptStartedAt = 0;
  /** Our own deadline for the response headers. */
  private deadline: NodeJS.Timeout | null = null;
  /** Request body that arrived before a connection was ready. */
  private heldBody: Buffer[] | null = null;
  private heldBytes = 0;
  private requestComplete: boolean;
  private onUpstreamDrain: (() => void) | null = null;
  private onClientDrain: (() => void) | null = null;
  private status = 0;
  private responded = false;
  private retried = false;
  private started = false;
  private clientGone = false;
  private done = false;

  constructor(
    private readonly request: ClientRequest,
    private readonly client: ClientConnection,
    private readonly router: PoolRouter,
  ) {
    const { settings } = router;
    const remoteAddress = client.socket.remoteAddress;
    this.clientIp = clientAddress(request.headers, remoteAddress, settings.clientIpHeader);
    this.trace = childTraceparent(headerValue(request.headers, "traceparent"), settings.ids, settings.tracing?.sampleNewTrace);
    this.attempts = settings.tracing === null ? null : [];
    this.headers = forwardRequestHeaders(request.headers, {
      remoteAddress: remoteAddress ?? "unknown",
      proto: "http",
      traceparent: this.trace.header,
      keepTracestate: this.trace.continued,
      via: settings.via,
    });
    // Connection and Upgrade are hop-by-hop, but a protocol switch asks the next hop for one too.
    if (request.upgrade !== null) this.headers.push("connection", "upgrade", "upgrade", request.upgrade);
    this.requestComplete = !request.hasBody;
    this.resendable = isReplayable(request.method, request.hasBody);
    this.expectsNoBody = request.method === "HEAD";
  }

  // Exchange: driven by the client connection

  start(): void {
    this.started = true;
    this.startedAt = performance.now();
    this.router.counters.started();
    this.attempt(null);
  }

  requestBody(chunk: Buffer): void {
    if (this.done) return;
    const connection = this.connection;
    if (connection === null) {
      (this.heldBody ??= []).push(chunk);
      this.heldBytes += chunk.length;
      if (this.heldBytes > MAX_HELD_BODY_BYTES) this.client.pauseReading();
      return;
    }
    if (!this.sendBody(connection.socket, chunk) && this.onUpstreamDrain === null) {
      this.client.pauseReading();
      this.onUpstreamDrain = () => {
        this.onUpstreamDrain = null;
        this.client.resumeReading();
      };
      connection.socket.once("drain", this.onUpstreamDrain);
    }
  }

  requestEnded(): void {
    this.requestComplete = true;
    const connection = this.connection;
    if (connection === null || this.done) return;
    if (this.request.chunked) connection.socket.write("0\r\n\r\n", "latin1");
    connection.requestEnded();
  }

  /** The client's connection closed before we finished: stop the backend request. */
  clientClosed(): void {
    if (this.done || !this.started) return;
    this.clearDeadline();
    this.clientGone = true;
    this.releaseUpstream();
    this.finishAttempt(null, false);
    this.complete(false);
  }

  // UpstreamHandler: driven by the backend connection

  onUpstream(connection: UpstreamConnection): void {
    if (this.done) {
      connection.giveBack();
      return;
    }
    this.connection = connection;
    const socket = connection.socket;
    const { request } = this;
    socket.write(requestHead(request.method, request.url, this.headers, this.entry!.upstream.target.hostHeader, request.chunked), "latin1");
    const held = this.heldBody;
    if (held !== null) {
      this.heldBody = null;
      this.heldBytes = 0;
      for (const chunk of held) this.sendBody(socket, chunk);
      this.client.resumeReading();
    }
    if (this.requestComplete) {
      if (request.hasBody && request.chunked) socket.write("0\r\n\r\n", "latin1");
      connection.requestEnded();
    }
  }

  onResponseHead(head: MessageHead): void {
    this.clearDeadline();
    const forwarded = forwardResponseHeaders(head.headers);
    if (forwarded.unsupportedCoding) {
      this.releaseUpstream();
      this.finishAttempt(502, true, "unsupported_transfer_coding");
      this.answer(badGatewayProblem("the backend used a transfer coding other than chunked"));
      this.complete(true);
      return;
    }
    this.responded = true;
    this.status = head.statusCode;
    this.answeredStatus = head.statusCode;
    this.client.writeHead(head.statusCode, head.statusMessage, forwarded.headers, forwarded.hasLength);
  }

  onResponseBody(chunk: Buffer): void {
    if (!this.client.writeBody(chunk)) this.waitForClient();
  }

  onResponseEnd(): void {
    this.connection = null;
    this.client.endResponse();
    this.finishAttempt(this.status, this.status >= 500);
    this.complete(this.status >= 500);
  }

  onUpstreamError(error: Error): void {
    this.connection = null;
    this.clearDeadline();
    if (this.done) return;
    if (this.responded) {
      // Headers are out: all we can do is cut the response short so the client sees it failed.
      this.finishAttempt(502, true, upstreamErrorType(error));
      this.client.abortResponse();
      this.notifyError(502, `the response was cut short: ${describeUpstreamError(error)}`);
      this.complete(true);
      return;
    }
    const failure = classifyUpstreamError(error);
    this.finishAttempt(failure === "timeout" ? 504 : 502, true, upstreamErrorType(error));
    if (failure === "connect" && this.resendable && !this.retried) {
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

  onUpgrade(head: MessageHead, socket: Socket, leftover: Buffer): void {
    this.connection = null;
    this.clearDeadline();
    if (this.done || this.request.upgrade === null) {
      socket.destroy(); // gone meanwhile, or a switch nobody asked for
      if (!this.done) this.onUpstreamError(new UpstreamSocketError("UPSTREAM_PARSE_ERROR", "the backend switched protocols unasked"));
      return;
    }
    this.status = 101;
    this.answeredStatus = 101;
    const forwarded = forwardResponseHeaders(head.headers).headers;
    forwarded.push("connection", "upgrade", "upgrade", headerValues(head.headers, "upgrade")[0] ?? this.request.upgrade);
    this.client.tunnel(head.statusMessage, forwarded, socket, leftover);
    this.finishAttempt(101, false);
    this.complete(false);
  }

  startClientBatch(): void {
    this.client.startBatch();
  }

  endClientBatch(): void {
    if (!this.client.endBatch()) this.waitForClient();
  }

  /** The client reads slower than the backend sends: stop reading the backend until the client drains. */
  private waitForClient(): void {
    const connection = this.connection;
    if (connection === null || this.onClientDrain !== null) return; // the response ended, or already waiting
    connection.pause();
    this.onClientDrain = () => {
      this.onClientDrain = null;
      this.connection?.resume();
    };
    this.client.whenDrained(this.onClientDrain);
  }

  /** No response headers in time: answer 504 now, even if the connect is still pending, and abort the attempt. */
  deadlineReached(): void {
    this.deadline = null;
    if (this.done || this.responded) return;
    this.releaseUpstream();
    this.finishAttempt(504, true, "timeout");
    this.answer(gatewayTimeoutProblem(this.router.settings.upstreamTimeoutMs));
    this.complete(true);
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
    this.responded = false;
    this.router.attemptStarted(entry);
    this.attemptStartedAt = performance.now();
    if (this.attempts !== null) this.traceAttempt(entry);
    this.deadline = setTimeout(onDeadline, this.router.settings.upstreamTimeoutMs, this);
    entry.upstream.dispatch(this);
  }

  /** A body chunk in the request's own framing; false when the backend is slow to read. */
  private sendBody(socket: UpstreamConnection["socket"], chunk: Buffer): boolean {
    if (!this.request.chunked) return socket.write(chunk);
    socket.write(`${chunk.length.toString(16)}\r\n`, "latin1");
    socket.write(chunk);
    return socket.write("\r\n", "latin1");
  }

  /** Give up the attempt's connection (it cannot be reused mid-request) or its place in the pool's queue. */
  private releaseUpstream(): void {
    const connection = this.connection;
    this.connection = null;
    if (connection !== null) connection.abort();
    else this.entry?.upstream.cancel(this);
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
    const endedAt = performance.now();
    this.router.counters.finished(endedAt - this.startedAt, failed);
    if (this.attempts !== null && (failed || isSampled(this.trace.context))) this.recordSpans(endedAt, failed);
  }

  /** The proxy's own answer (502/503/504 problem details). */
  private answer(problem: ProxyProblem): void {
    if (!this.client.headersSent) {
      this.answeredStatus = problem.status;
      this.problemDetail = problem.detail;
    }
    sendProblem(this.client, problem);
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
      method: this.request.method,
      target: this.request.url,
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
