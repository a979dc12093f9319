import { createRequire } from "node:module";

/**
 * Node's own llhttp binding, the parser behind node:http, driven directly: the proxy frames HTTP/1.1 on raw
 * sockets instead of going through node:http's IncomingMessage/ServerResponse and undici's request objects,
 * which cost ~2.5× the CPU per proxied request (see the data-plane bench). Reached through `_http_common`, the
 * module node:http itself imports it from; the parser's strictness (request smuggling, header limits) is Node's.
 */
interface ParserConstructor {
  new (): RawParser;
  readonly REQUEST: number;
  readonly RESPONSE: number;
  readonly kOnMessageBegin: number;
  readonly kOnHeaders: number;
  readonly kOnHeadersComplete: number;
  readonly kOnBody: number;
  readonly kOnMessageComplete: number;
  readonly kLenientNone: number;
}

interface RawParser {
  initialize(type: number, resource: object, maxHeaderSize: number, lenient: number): void;
  /** Bytes consumed, or an Error with an llhttp `code` (HPE_*). */
  execute(data: Buffer): number | ParseError;
  /** Signal end of input: completes a close-delimited message, or reports a truncated one. */
  finish(): number | ParseError | undefined;
  close(): void;
  [callback: number]: unknown;
}

export interface ParseError extends Error {
  readonly code: string;
  readonly bytesParsed: number;
}

const { HTTPParser, methods } = createRequire(import.meta.url)("_http_common") as { HTTPParser: ParserConstructor; methods: readonly string[] };

/** One parsed message head. `headers` is the raw [name, value, …] list, names in their original case. */
export interface MessageHead {
  readonly versionMinor: number;
  readonly headers: string[];
  /** Requests: method and target. Responses: status and reason phrase. */
  readonly method: string;
  readonly url: string;
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly upgrade: boolean;
  /** Whether the connection stays open after this message (version, `Connection` header and framing). */
  readonly keepAlive: boolean;
}

export interface MessageHandler {
  /** Return true to parse no body (a response to HEAD). */
  onHead(head: MessageHead): boolean;
  /** A body chunk, already de-chunked; it is a view of the input buffer. */
  onBody(chunk: Buffer): void;
  onComplete(): void;
}

/** Node's default limit for a message head (16 KiB), beyond which a request is answered 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * An incremental HTTP/1.x parser for one connection. Heads with more header lines than llhttp hands over at once
 * arrive in pieces (`kOnHeaders`), gathered here the way node:http does.
 */
export class Http1Parser {
  private readonly parser = new HTTPParser();
  private pendingHeaders: string[] = [];
  private pendingUrl = "";

  constructor(
    kind: "request" | "response",
    private readonly handler: MessageHandler,
  ) {
    const parser = this.parser;
    parser.initialize(kind === "request" ? HTTPParser.REQUEST : HTTPParser.RESPONSE, {}, MAX_HEADER_BYTES, HTTPParser.kLenientNone);
    parser[HTTPParser.kOnMessageBegin] = () => {};
    parser[HTTPParser.kOnHeaders] = (headers: string[], url: string) => {
      for (const item of headers) this.pendingHeaders.push(item);
      this.pendingUrl += url;
    };
    parser[HTTPParser.kOnHeadersComplete] = (
      _versionMajor: number,
      versionMinor: number,
      headers: string[] | undefined,
      method: number | undefined,
      url: string | undefined,
      statusCode: number | undefined,
      statusMessage: string | undefined,
      upgrade: boolean,
      keepAlive: boolean,
    ): number => {
      let allHeaders = headers;
      let target = url;
      if (allHeaders === undefined) {
        allHeaders = this.pendingHeaders;
        target = this.pendingUrl;
        this.pendingHeaders = [];
        this.pendingUrl = "";
      }
      const skipBody = handler.onHead({
        versionMinor,
        headers: allHeaders,
        method: method === undefined ? "" : (methods[method] ?? ""),
        url: target ?? "",
        statusCode: statusCode ?? 0,
        statusMessage: statusMessage ?? "",
        upgrade,
        keepAlive,
      });
      return skipBody ? 1 : 0;
    };
    parser[HTTPParser.kOnBody] = (chunk: Buffer) => handler.onBody(chunk);
    parser[HTTPParser.kOnMessageComplete] = () => handler.onComplete();
  }

  /** Feed bytes; returns how many were parsed (fewer after an upgrade head), or the parse error. */
  execute(data: Buffer): number | ParseError {
    return this.parser.execute(data);
  }

  /** The input ended: completes a close-delimited body; an error when a message was cut short. */
  finish(): ParseError | null {
    const result = this.parser.finish();
    return result instanceof Error ? result : null;
  }

  close(): void {
    this.parser.close();
  }
}

export const isParseError = (value: number | ParseError): value is ParseError => typeof value !== "number";
