import type { Socket } from "node:net";
import { Http1Parser, isParseError, type MessageHandler, type MessageHead } from "./llhttp";

/** What one request on an upstream connection reports back (the proxy exchange). */
export interface UpstreamHandler {
  /** A connection is ready: send the request head (and body) on `connection.socket`. */
  onUpstream(connection: UpstreamConnection): void;
  /** The final response head (1xx interim responses are skipped). */
  onResponseHead(head: MessageHead): void;
  onResponseBody(chunk: Buffer): void;
  onResponseEnd(): void;
  /** Connecting failed, or the connection failed before the response ended. */
  onUpstreamError(error: Error): void;
  /**
   * The backend switched protocols (101): the socket is the handler's now, no longer the pool's, with the bytes
   * that followed the head.
   */
  onUpgrade(head: MessageHead, socket: Socket, leftover: Buffer): void;
  /** HEAD: the response has no body whatever its headers say. */
  readonly expectsNoBody: boolean;
  /** The request may be sent again on a fresh connection if a reused one turns out to be dead. */
  readonly resendable: boolean;
  /** Batch the client writes that one upstream read causes into one syscall. */
  startClientBatch(): void;
  endClientBatch(): void;
}

/** Where a connection goes when its exchange ends. */
export interface ConnectionOwner {
  release(connection: UpstreamConnection): void;
  discard(connection: UpstreamConnection): void;
  /** A reused connection died before any answer: send `handler`'s request again on a new one. */
  resend(handler: UpstreamHandler): void;
}

/** Margin before a backend's announced keep-alive timeout within which an idle connection is not reused. */
const KEEP_ALIVE_MARGIN_MS = 1_000;

/**
 * When an idle connection stops being safe to reuse: the backend's `Keep-Alive: timeout=N` less a margin, as
 * undici does, so a request never races the backend closing it (a request with a body could not be sent again).
 */
export function reusableUntil(headers: readonly string[], now = performance.now()): number {
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    if (name.length !== 10 || name.toLowerCase() !== "keep-alive") continue;
    const timeout = /(?:^|[,\s])timeout=(\d+)/i.exec(headers[i + 1]!);
    if (timeout !== null) return now + Number(timeout[1]) * 1000 - KEEP_ALIVE_MARGIN_MS;
  }
  return Number.POSITIVE_INFINITY;
}

/** An upstream failure with a code the proxy classifies (see upstream-error.ts). */
export class UpstreamSocketError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One keep-alive HTTP/1.1 connection to a backend, carrying one request at a time. The socket's own timeout
 * (the upstream timeout) reaps it when idle and fails a response body that stalls.
 */
export class UpstreamConnection implements MessageHandler {
  private readonly parser: Http1Parser;
  private handler: UpstreamHandler | null = null;
  /** Served a request before: a failure before any answer may just mean the backend closed it while idle. */
  private reused = false;
  private answered = false;
  private interim = false;
  private responseKeepAlive = true;
  private requestSent = false;
  /** After this (performance.now() ms) the backend may have closed the idle connection: do not reuse it. */
  reusableUntil = Number.POSITIVE_INFINITY;
  /** The 101 head, once the backend switched protocols. */
  private upgradeHead: MessageHead | null = null;
  private error: Error | null = null;
  closed = false;

  constructor(
    readonly socket: Socket,
    private readonly owner: ConnectionOwner,
    timeoutMs: number,
  ) {
    this.parser = new Http1Parser("response", this);
    socket.setTimeout(timeoutMs);
    socket.on("data", this.onSocketData);
    socket.on("timeout", this.onSocketTimeout);
    socket.on("error", this.onSocketError);
    socket.on("close", this.onSocketClose);
  }

  /** Hand the connection to a request; it writes its head through `onUpstream`. */
  assign(handler: UpstreamHandler): void {
    this.handler = handler;
    this.answered = false;
    this.interim = false;
    this.requestSent = false;
    handler.onUpstream(this);
  }

  /** The request (head and body) is fully written: the connection may be reused once the response ends. */
  requestEnded(): void {
    this.requestSent = true;
  }

  /** The request no longer wants it before sending anything (it gave up while connecting): reuse it. */
  giveBack(): void {
    this.handler = null;
    this.owner.release(this);
  }

  /** Stop the request: the connection cannot be reused. */
  abort(): void {
    this.handler = null;
    this.socket.destroy();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  onHead(head: MessageHead): boolean {
    const handler = this.handler;
    if (head.statusCode === 101 && handler !== null) {
      this.upgradeHead = head; // llhttp stops after this head; the rest of the bytes belong to the new protocol
      return false;
    }
    this.interim = head.statusCode < 200;
    if (handler === null || this.interim) return false;
    this.responseKeepAlive = head.keepAlive && !head.upgrade;
    this.reusableUntil = reusableUntil(head.headers);
    handler.onResponseHead(head);
    return handler.expectsNoBody;
  }

  onBody(chunk: Buffer): void {
    this.handler?.onResponseBody(chunk);
  }

  onComplete(): void {
    if (this.interim || this.upgradeHead !== null) return;
    const handler = this.handler;
    if (handler === null) return;
    this.handler = null;
    this.reused = true;
    // Released first, so a request waiting for a connection can take this one.
    if (this.responseKeepAlive && this.requestSent && !this.closed) this.owner.release(this);
    else this.socket.destroy();
    handler.onResponseEnd();
  }

  private readonly onSocketData = (chunk: Buffer): void => {
    const handler = this.handler;
    if (handler === null) {
      this.socket.destroy(); // bytes nobody asked for: the connection is out of step
      return;
    }
    this.answered = true;
    handler.startClientBatch();
    const parsed = this.parser.execute(chunk);
    handler.endClientBatch();
    if (isParseError(parsed)) this.socket.destroy(new UpstreamSocketError("UPSTREAM_PARSE_ERROR", `invalid response from the backend (${parsed.code})`));
    else if (this.upgradeHead !== null) this.handOver(handler, this.upgradeHead, chunk.subarray(parsed));
  };

  private readonly onSocketTimeout = (): void => {
    this.socket.destroy(new UpstreamSocketError("UND_ERR_BODY_TIMEOUT", "the backend stalled"));
  };

  private readonly onSocketError = (error: Error): void => {
    this.error = error;
  };

  private readonly onSocketClose = (): void => this.onClose();

  /** After a 101: the socket leaves the pool for the handler's tunnel, without our listeners or timeout. */
  private handOver(handler: UpstreamHandler, head: MessageHead, leftover: Buffer): void {
    const socket = this.socket;
    socket.off("data", this.onSocketData).off("timeout", this.onSocketTimeout).off("error", this.onSocketError).off("close", this.onSocketClose);
    socket.setTimeout(0);
    this.handler = null;
    this.parser.close();
    this.owner.discard(this);
    handler.onUpgrade(head, socket, leftover);
  }

  private onClose(): void {
    this.closed = true;
    const handler = this.handler;
    // End of input completes a close-delimited body (onComplete then clears the handler).
    if (handler !== null && this.answered) this.parser.finish();
    this.parser.close();
    this.owner.discard(this);
    if (handler === null || this.handler === null) return;
    this.handler = null;
    if (this.reused && !this.answered && handler.resendable) {
      this.owner.resend(handler);
      return;
    }
    handler.onUpstreamError(this.error ?? new UpstreamSocketError("UPSTREAM_CLOSED", "the backend closed the connection"));
  }
}
