import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { Http1Parser, isParseError, type MessageHandler, type MessageHead, type ParseError } from "./llhttp";

/** A client's request head, as the proxy forwards it. */
export interface ClientRequest {
  readonly method: string;
  readonly url: string;
  /** Raw [name, value, …] list. */
  readonly headers: string[];
  readonly versionMinor: number;
  /** The client keeps the connection open after this exchange. */
  readonly keepAlive: boolean;
  /** A body follows (Content-Length > 0 or chunked). */
  readonly hasBody: boolean;
  /** Its body came chunked (it is forwarded chunked too). */
  readonly chunked: boolean;
  /** It asks to switch protocols (WebSocket and the like): the `Upgrade` value, else null. */
  readonly upgrade: string | null;
}

/** One request's life on the connection; the proxy's exchange. */
export interface Exchange {
  start(): void;
  requestBody(chunk: Buffer): void;
  requestEnded(): void;
  clientClosed(): void;
}

export type ExchangeFactory = (request: ClientRequest, connection: ClientConnection) => Exchange;

/** Body chunks up to this size are merged into the write of the head. */
const MAX_MERGED_BYTES = 16 * 1024;

/** Requests a client may pipeline ahead of the one being answered before we stop reading. */
const MAX_PIPELINED = 16;

/** How the response body is framed towards the client. */
const enum Framing {
  None,
  Raw,
  Chunked,
}

/**
 * One client connection: requests parsed by llhttp, answered strictly in order (pipelined ones wait their turn),
 * keep-alive per HTTP/1.1 (1.0 clients on request), `Expect: 100-continue` answered at once, malformed input
 * answered 400 (431 for an oversized head) and the connection closed, as node:http does.
 */
export class ClientConnection implements MessageHandler {
  private readonly parser = new Http1Parser("request", this);
  /** queue[0] is being answered; the rest wait. */
  private readonly queue: Array<{ readonly request: ClientRequest; readonly exchange: Exchange }> = [];
  /** The exchange whose request body is arriving. */
  private receiving: Exchange | null = null;
  private framing = Framing.None;
  private keepAlive = true;
  /** No more requests are read (a close was asked for, an upgrade, a parse error, or the listener closing). */
  private reading = true;
  private pendingError: ParseError | null = null;
  private pausedForPipeline = false;
  /** Bytes after an upgrade request's head, while its backend has not answered; null when no switch is pending. */
  private tunnelPrefix: Buffer[] | null = null;
  /** The connection is a relay now (after a 101), no longer HTTP. */
  private tunneled = false;
  /** Response bytes held back (latin1) while a batch lasts, so head and a small body go out in one write. */
  private pending = "";
  private batching = false;
  closed = false;
  headersSent = false;
  /** For the listener's sweep: when the connection last went idle, and when a request head began arriving. */
  idleSince = performance.now();
  headStartedAt = 0;

  constructor(
    readonly socket: Socket,
    private readonly exchangeFor: ExchangeFactory,
  ) {
    socket.on("data", this.onData);
    socket.on("error", () => {});
    socket.on("close", () => this.onClose());
  }

  /** Nothing in flight and nothing half-read: safe to close. */
  get idle(): boolean {
    return this.queue.length === 0 && this.headStartedAt === 0;
  }

  /** The request being answered. */
  get request(): ClientRequest {
    return this.queue[0]!.request;
  }

  /** Answer the current request's head. `hasLength`: the headers carry Content-Length for the body. */
  writeHead(status: number, reason: string, headers: readonly string[], hasLength: boolean): void {
    const request = this.request;
    this.headersSent = true;
    const noBody = request.method === "HEAD" || status === 204 || status === 304 || status < 200;
    // Close after this answer if the client asked, or if it is the last one and no more requests will be read.
    let keepAlive = this.keepAlive && request.keepAlive && (this.reading || this.queue.length > 1 || this.pendingError !== null);
    let head = `HTTP/1.1 ${status} ${reason || STATUS_CODES[status] || "Unknown"}\r\n`;
    for (let i = 0; i < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`;
    if (noBody) this.framing = Framing.None;
    else if (hasLength) this.framing = Framing.Raw;
    else if (request.versionMinor >= 1) {
      this.framing = Framing.Chunked;
      head += "transfer-encoding: chunked\r\n";
    } else {
      this.framing = Framing.Raw; // an HTTP/1.0 client reads to the end of the connection
      keepAlive = false;
    }
    this.keepAlive = keepAlive;
    if (!keepAlive) head += "connection: close\r\n";
    else if (request.versionMinor === 0) head += "connection: keep-alive\r\n";
    this.pending = `${head}\r\n`;
    if (!this.batching) this.flush();
  }

  /** A body chunk; false when the client is slow (wait for `whenDrained`; within a batch, `endBatch` says). */
  writeBody(chunk: Buffer): boolean {
    if (this.framing === Framing.None || chunk.length === 0) return true;
    const framed = this.framing === Framing.Chunked;
    if (this.batching && chunk.length <= MAX_MERGED_BYTES) {
      // Small chunks ride in the same write as the head and each other: one syscall per upstream read.
      this.pending += framed ? `${chunk.length.toString(16)}\r\n${chunk.toString("latin1")}\r\n` : chunk.toString("latin1");
      return true;
    }
    this.flush();
    if (!framed) return this.socket.write(chunk);
    this.socket.write(`${chunk.length.toString(16)}\r\n`, "latin1");
    this.socket.write(chunk);
    return this.socket.write("\r\n", "latin1");
  }

  whenDrained(resume: () => void): void {
    this.socket.once("drain", resume);
  }

  /** The response is complete: answer the next pipelined request, or close if this one asked for it. */
  endResponse(): void {
    if (this.framing === Framing.Chunked) this.pending += "0\r\n\r\n";
    this.flush();
    this.framing = Framing.None;
    this.headersSent = false;
    this.queue.shift();
    const next = this.queue[0];
    if (!this.keepAlive) this.socket.end();
    else if (next !== undefined) next.exchange.start();
    else if (this.pendingError !== null) this.answerParseError(this.pendingError);
    else this.idleSince = performance.now();
    if (this.pausedForPipeline && this.queue.length < MAX_PIPELINED) {
      this.pausedForPipeline = false;
      this.socket.resume();
    }
  }

  /** Cut the response short: the client sees a truncated message and a closed connection. */
  abortResponse(): void {
    this.keepAlive = false;
    this.socket.destroy();
  }

  /** A complete response of the proxy's own (problem details). */
  respond(status: number, headers: readonly string[], body: string): void {
    if (this.closed) return;
    this.startBatch();
    this.writeHead(status, "", [...headers, "content-length", String(Buffer.byteLength(body))], true);
    if (this.framing !== Framing.None) this.pending += body;
    this.endBatch();
    this.endResponse();
  }

  /** What one upstream read produces (head, body, end) is written as one string at `endBatch`. */
  startBatch(): void {
    this.batching = true;
  }

  /** Write the batch; false when the client is slow (wait for `whenDrained`). */
  endBatch(): boolean {
    this.batching = false;
    return this.flush();
  }

  /** Request-body backpressure: stop and restart reading from the client. */
  pauseReading(): void {
    this.socket.pause();
  }

  resumeReading(): void {
    if (!this.pausedForPipeline) this.socket.resume();
  }

  /** The listener is closing: finish what is in flight, take no new request, close when idle. */
  closeWhenIdle(): void {
    if (this.tunneled) return; // a tunnel lasts until either side closes (or the drain deadline)
    this.reading = false;
    this.keepAlive = false;
    if (this.queue.length === 0) this.socket.end();
  }

  /** The listener's sweep: a head that takes too long is answered 408, an idle keep-alive connection closed. */
  sweep(now: number, idleTimeoutMs: number, headersTimeoutMs: number): void {
    if (this.tunneled) return;
    if (this.headStartedAt !== 0 && this.queue.length === 0 && now - this.headStartedAt > headersTimeoutMs) {
      this.reading = false;
      this.writeError(408);
    } else if (this.idle && now - this.idleSince > idleTimeoutMs) {
      this.socket.destroy();
    }
  }

  // MessageHandler: the request parser's callbacks

  onHead(head: MessageHead): boolean {
    this.headStartedAt = 0;
    const headers = head.headers;
    let hasBody = false;
    let chunked = false;
    let expect: string | null = null;
    let refusal: readonly [status: number, reason: string] | null = null;
    let upgradeValue: string | undefined;
    for (let i = 0; i < headers.length; i += 2) {
      const name = headers[i]!;
      if (name.length === 14 && name.toLowerCase() === "content-length") hasBody = headers[i + 1] !== "0";
      else if (name.length === 17 && name.toLowerCase() === "transfer-encoding") {
        hasBody = chunked = true;
        // Only chunked is re-framed; another coding (gzip, …) would reach the backend mislabelled (RFC 9112 §6.1).
        if (headers[i + 1]!.trim().toLowerCase() !== "chunked") refusal = [501, "unsupported transfer coding"];
      } else if (name.length === 6 && name.toLowerCase() === "expect") expect = headers[i + 1]!.toLowerCase();
      else if (name.length === 7 && name.toLowerCase() === "upgrade") upgradeValue = headers[i + 1]!;
    }
    if (expect !== null && expect !== "100-continue") refusal ??= [417, "unsupported Expect"];
    // llhttp stops parsing after an upgrade head; the connection then closes after this exchange.
    if (head.upgrade || !head.keepAlive || refusal !== null) this.reading = false;
    // A protocol switch is relayed when it is the only request in flight; CONNECT (a forward proxy's tunnel) is not.
    const upgrade = head.upgrade && refusal === null && head.method !== "CONNECT" && this.queue.length === 0 ? (upgradeValue ?? null) : null;
    if (upgrade !== null) this.tunnelPrefix = [];
    const request: ClientRequest = { method: head.method, url: head.url, headers, versionMinor: head.versionMinor, keepAlive: head.keepAlive && !head.upgrade, hasBody, chunked, upgrade };
    if (refusal === null && expect !== null && head.versionMinor >= 1 && this.queue.length === 0) this.socket.write("HTTP/1.1 100 Continue\r\n\r\n", "latin1");
    const exchange = refusal !== null ? this.refusal(refusal[0], refusal[1]) : this.exchangeFor(request, this);
    this.queue.push({ request, exchange });
    this.receiving = exchange;
    if (this.queue.length === 1) exchange.start();
    if (this.queue.length >= MAX_PIPELINED) {
      this.pausedForPipeline = true;
      this.socket.pause();
    }
    return false;
  }

  onBody(chunk: Buffer): void {
    this.receiving?.requestBody(chunk);
  }

  onComplete(): void {
    const exchange = this.receiving;
    this.receiving = null;
    exchange?.requestEnded();
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.tunnelPrefix !== null) {
      this.tunnelPrefix.push(chunk); // the new protocol's first bytes, held until the backend agrees to switch
      return;
    }
    if (!this.reading && this.receiving === null) return; // bytes after the last request we take
    if (this.headStartedAt === 0 && this.receiving === null) this.headStartedAt = performance.now();
    const parsed = this.parser.execute(chunk);
    if (isParseError(parsed)) {
      this.reading = false;
      if (this.queue.length === 0) this.answerParseError(parsed);
      else this.pendingError = parsed;
    } else if (parsed < chunk.length) {
      // An upgrade head (onHead set tunnelPrefix during execute): what follows it is the new protocol's.
      (this.tunnelPrefix as Buffer[] | null)?.push(chunk.subarray(parsed));
    }
  };

  /**
   * The backend agreed to switch protocols: answer 101 and from then on relay bytes both ways (with backpressure);
   * either side closing closes the other.
   */
  tunnel(reason: string, headers: readonly string[], upstream: Socket, leftover: Buffer): void {
    const prefix = this.tunnelPrefix ?? [];
    this.tunnelPrefix = null;
    this.queue.shift();
    if (this.closed) {
      upstream.destroy();
      return;
    }
    this.tunneled = true;
    const client = this.socket;
    let head = `HTTP/1.1 101 ${reason || "Switching Protocols"}\r\n`;
    for (let i = 0; i < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`;
    client.write(`${head}\r\n`, "latin1");
    if (leftover.length > 0) client.write(leftover);
    for (const chunk of prefix) upstream.write(chunk);
    client.off("data", this.onData);
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** A request answered by the proxy itself, in its turn, without reaching a backend. */
  private refusal(status: number, message: string): Exchange {
    return { start: () => this.respond(status, ["content-type", "text/plain"], `${message}\n`), requestBody() {}, requestEnded() {}, clientClosed() {} };
  }

  /** Write what is held back; false when the socket's buffer is full. */
  private flush(): boolean {
    const pending = this.pending;
    if (pending === "") return true;
    this.pending = "";
    return this.socket.write(pending, "latin1");
  }

  private answerParseError(error: ParseError): void {
    this.writeError(error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400);
  }

  private writeError(status: number): void {
    this.keepAlive = false;
    this.socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`, "latin1");
  }

  private onClose(): void {
    this.closed = true;
    this.parser.close();
    for (const { exchange } of this.queue) exchange.clientClosed();
    this.queue.length = 0;
  }
}
