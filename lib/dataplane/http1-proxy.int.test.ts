/**
 * HTTP/1.1 semantics of the data plane's own framing (llhttp on raw sockets): bodies both ways, chunked and
 * close-delimited messages, HEAD, pipelining, Expect, malformed input, keep-alive reuse and backends that close.
 * Backends here are plain node:http servers (and one raw socket server) on loopback.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, createServer as createNetServer, type Server as NetServer } from "node:net";
import { Readable, type Duplex } from "node:stream";
import { request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { DataPlane } from "./data-plane";
import type { DataPlaneOptions, PoolConfig } from "./types";

/** What the echo backend saw. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly rawHeaders: string[];
  readonly bodyBytes: number;
  readonly bodySha256: string;
}

const BIG_BYTES = 4 * 1024 * 1024;
const FIREHOSE_BYTES = 64 * 1024 * 1024;
let firehoseWritten = 0;
const bigBody = Buffer.alloc(BIG_BYTES, "0123456789abcdef");
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

function echoBackend(req: IncomingMessage, res: ServerResponse): void {
  const hash = createHash("sha256");
  let bytes = 0;
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    hash.update(chunk);
  });
  req.on("end", () => {
    const path = req.url ?? "/";
    if (path.startsWith("/big")) {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": BIG_BYTES }).end(bigBody);
    } else if (path.startsWith("/firehose")) {
      // Small chunks as fast as the proxy takes them (honouring backpressure), up to FIREHOSE_BYTES.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const piece = Buffer.alloc(2048, "f");
      const pump = () => {
        while (firehoseWritten < FIREHOSE_BYTES) {
          firehoseWritten += piece.length;
          if (!res.write(piece)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    } else if (path.startsWith("/chunked")) {
      res.writeHead(200, { "content-type": "text/plain" });
      for (const part of ["alpha ", "beta ", "gamma"]) res.write(part);
      res.end();
    } else if (path.startsWith("/head")) {
      res.writeHead(200, { "content-type": "text/plain", "content-length": 10 }).end(req.method === "HEAD" ? undefined : "0123456789");
    } else if (path.startsWith("/nocontent")) {
      res.writeHead(204).end();
    } else if (path.startsWith("/cookies")) {
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      res.setHeader("connection", "keep-alive, x-hop");
      res.setHeader("x-hop", "secret");
      res.writeHead(200, { "content-length": 2 }).end("ok");
    } else if (path.startsWith("/bye")) {
      res.writeHead(200, { connection: "close", "content-length": 3 }).end("bye");
    } else if (path.startsWith("/die")) {
      res.writeHead(200, { "content-length": 1000 });
      res.write("partial");
      setTimeout(() => res.socket?.destroy(), 20);
    } else {
      const seen: Seen = { method: req.method ?? "", url: path, rawHeaders: req.rawHeaders, bodyBytes: bytes, bodySha256: hash.digest("hex") };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(seen));
    }
  });
}

let backend: Server;
let backendPort = 0;
/** Answers close-delimited (no length, no chunking), as an HTTP/1.0 server would; /gzipped in a transfer coding. */
let rawBackend: NetServer;
let rawBackendPort = 0;
let dataPlane: DataPlane | null = null;

const listenOn = (server: Server | NetServer) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));

beforeAll(async () => {
  backend = createServer(echoBackend);
  backend.keepAliveTimeout = 60_000;
  // A protocol switch to "echo" (as a WebSocket server would switch): everything sent afterwards comes back upper-cased.
  backend.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.headers.upgrade !== "echo") {
      socket.end("HTTP/1.1 426 Upgrade Required\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
      return;
    }
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Seen-Via: ${req.headers.via}\r\n\r\n`);
    const echo = (chunk: Buffer) => socket.write(chunk.toString().toUpperCase());
    if (head.length > 0) echo(head);
    socket.on("data", echo);
    socket.on("end", () => socket.end()); // upgraded sockets are half-open: close when the peer does
  });
  backendPort = await listenOn(backend);
  rawBackend = createNetServer((socket) => {
    socket.once("data", (head: Buffer) => {
      if (head.toString("latin1").startsWith("GET /gzipped ")) socket.end("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
      else socket.end("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nuntil the end");
    });
  });
  rawBackendPort = await listenOn(rawBackend);
});

afterEach(async () => {
  await dataPlane?.close();
  dataPlane = null;
});

afterAll(async () => {
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
  await new Promise((resolve) => rawBackend.close(resolve));
});

async function serve(port = backendPort, options: DataPlaneOptions = {}): Promise<{ url: string; port: number }> {
  const config: PoolConfig = {
    id: "pool-1",
    name: "web",
    algorithm: "round_robin",
    listenPort: 0,
    backends: [{ id: "b1", address: "127.0.0.1", port, weight: 1, maxConnections: 1000, health: "healthy" }],
  };
  dataPlane = new DataPlane(options);
  await dataPlane.reconcile([config]);
  const proxyPort = dataPlane.portOf("pool-1")!;
  return { url: `http://127.0.0.1:${proxyPort}`, port: proxyPort };
}

/** Send raw bytes on one connection and collect everything until the proxy closes it (or `untilMs`). */
function rawExchange(port: number, bytes: string | string[], untilMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => socket.destroy(), untilMs);
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
    const parts = Array.isArray(bytes) ? bytes : [bytes];
    void (async () => {
      for (const part of parts) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
  });
}

const headerPairs = (raw: readonly string[]) => {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
};

describe("request bodies", () => {
  test("a Content-Length body reaches the backend byte for byte", async () => {
    const { url } = await serve();
    const body = "x".repeat(100_000);
    const response = await request(`${url}/echo`, { method: "POST", body, headers: { "content-type": "text/plain" } });
    const seen = (await response.body.json()) as Seen;
    expect(response.statusCode).toBe(200);
    expect(seen).toMatchObject({ method: "POST", bodyBytes: 100_000, bodySha256: sha256(body) });
    expect(headerPairs(seen.rawHeaders)).toContainEqual(["content-length", "100000"]);
  });

  test("a chunked body is streamed to the backend chunked, in order", async () => {
    const { url } = await serve();
    const parts = ["first-", "second-", "x".repeat(70_000), "-last"];
    async function* stream() {
      for (const part of parts) {
        yield Buffer.from(part);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    const response = await request(`${url}/echo`, { method: "PUT", body: Readable.from(stream()) });
    const seen = (await response.body.json()) as Seen;
    expect(seen).toMatchObject({ method: "PUT", bodyBytes: parts.join("").length, bodySha256: sha256(parts.join("")) });
    expect(headerPairs(seen.rawHeaders)).toContainEqual(["transfer-encoding", "chunked"]);
  });

  test("Expect: 100-continue is answered by the proxy, then the body is forwarded", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, ["POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n", "hello"]);
    expect(text.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")).toBe(true);
    expect(text).toContain(`"bodySha256":"${sha256("hello")}"`);
  });

  test("an Expect the proxy does not know is answered 417", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, "GET / HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 417 Expectation Failed\r\n/);
  });
});

describe("responses", () => {
  test("a 4 MiB body arrives intact through a slow reader (backpressure)", async () => {
    const { url } = await serve();
    const response = await request(`${url}/big`);
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const chunk of response.body) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      if (bytes < 1024 * 1024) await new Promise((r) => setTimeout(r, 1));
    }
    expect(response.headers["content-length"]).toBe(String(BIG_BYTES));
    expect({ bytes, sha: hash.digest("hex") }).toEqual({ bytes: BIG_BYTES, sha: sha256(bigBody) });
  });

  test("a client that stops reading stops the backend too: small chunks are not buffered without bound", async () => {
    const { port } = await serve();
    firehoseWritten = 0;
    const socket = connect(port, "127.0.0.1");
    socket.write("GET /firehose HTTP/1.1\r\nHost: t\r\n\r\n");
    socket.once("data", () => socket.pause()); // the head arrives, then nothing more is read
    await new Promise((r) => setTimeout(r, 1_500));
    const written = firehoseWritten;
    socket.destroy();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(FIREHOSE_BYTES / 2); // socket buffers on both hops, not the whole stream
  });

  test("a chunked response is re-chunked for HTTP/1.1 and read to the close for HTTP/1.0", async () => {
    const { url, port } = await serve();
    const response = await request(`${url}/chunked`);
    expect(response.headers["transfer-encoding"]).toBe("chunked");
    expect(await response.body.text()).toBe("alpha beta gamma");
    const text = await rawExchange(port, "GET /chunked HTTP/1.0\r\nHost: t\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text.toLowerCase()).toContain("connection: close\r\n");
    expect(text.toLowerCase()).not.toContain("transfer-encoding");
    expect(text.endsWith("\r\n\r\nalpha beta gamma")).toBe(true);
  });

  test("a close-delimited backend response reaches the client whole", async () => {
    const { url } = await serve(rawBackendPort);
    const response = await request(`${url}/any`);
    expect(await response.body.text()).toBe("until the end");
  });

  test("a transfer coding other than chunked is refused both ways: 501 from a client, 502 from a backend", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
    await dataPlane!.close();
    const { url } = await serve(rawBackendPort);
    const response = await request(`${url}/gzipped`);
    expect(response.statusCode).toBe(502);
    expect(await response.body.json()).toMatchObject({ detail: "the backend used a transfer coding other than chunked" });
  });

  test("HEAD keeps Content-Length and sends no body; 204 has none either", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, "HEAD /head HTTP/1.1\r\nHost: t\r\n\r\nGET /nocontent HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    const [head, noContent] = text.split(/(?=HTTP\/1\.1 )/);
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head!.toLowerCase()).toContain("content-length: 10\r\n");
    expect(head!.endsWith("\r\n\r\n")).toBe(true);
    expect(noContent).toMatch(/^HTTP\/1\.1 204 No Content\r\n[\s\S]*\r\n\r\n$/);
  });

  test("repeated headers survive; hop-by-hop and Connection-named ones do not", async () => {
    const { url } = await serve();
    const response = await request(`${url}/cookies`);
    expect(response.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(response.headers["x-hop"]).toBeUndefined();
    expect(await response.body.text()).toBe("ok");
  });

  test("a backend that dies mid-body leaves the client a cut-short response, counted as failed", async () => {
    const { url } = await serve();
    const response = await request(`${url}/die`);
    await expect(response.body.text()).rejects.toThrow();
    expect(dataPlane!.stats("pool-1")).toMatchObject({ totalRequests: 1, failedRequests: 1 });
  });
});

describe("connections", () => {
  test("pipelined requests are answered in order on one connection", async () => {
    const { port } = await serve();
    const text = await rawExchange(
      port,
      "GET /echo?n=1 HTTP/1.1\r\nHost: t\r\n\r\nGET /echo?n=2 HTTP/1.1\r\nHost: t\r\n\r\nGET /echo?n=3 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
    );
    expect([...text.matchAll(/"url":"\/echo\?n=(\d)"/g)].map((m) => m[1])).toEqual(["1", "2", "3"]);
  });

  test("HTTP/1.0 without Host still gets through (the backend gets a Host)", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, "GET /echo HTTP/1.0\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain(`"host","127.0.0.1:${backendPort}"`);
  });

  test.each([
    ["garbage", 400, "NOT HTTP\r\n\r\n"],
    ["Content-Length with Transfer-Encoding (request smuggling)", 400, "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"],
    ["a head over 16 KiB", 431, `GET / HTTP/1.1\r\nHost: t\r\nX-Big: ${"a".repeat(17_000)}\r\n\r\n`],
  ])("%s is answered %d and the connection closed", async (_name, status, bytes) => {
    const { port } = await serve();
    const text = await rawExchange(port, bytes);
    expect(text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(text.toLowerCase()).toContain("connection: close");
    expect(dataPlane!.stats("pool-1")!.totalRequests).toBe(0);
  });

  test("keep-alive connections are reused, and a backend that closes idle or after a response costs no request", async () => {
    const shortLived = createServer(echoBackend);
    shortLived.keepAliveTimeout = 30; // closes idle connections almost at once
    const port = await listenOn(shortLived);
    try {
      const { url } = await serve(port);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await request(`${url}/${i % 3 === 0 ? "bye" : "echo"}`);
        await response.body.text();
        statuses.push(response.statusCode);
        if (i % 2 === 0) await new Promise((r) => setTimeout(r, 60)); // let the backend close the idle connection
      }
      expect(statuses).toEqual(Array(12).fill(200));
      expect(dataPlane!.stats("pool-1")).toMatchObject({ totalRequests: 12, failedRequests: 0 });
    } finally {
      shortLived.closeAllConnections();
      await new Promise((resolve) => shortLived.close(resolve));
    }
  });

  test("a client that sends its head too slowly is answered 408; an idle one is closed", async () => {
    const { port } = await serve(backendPort, { clientHeadersTimeoutMs: 200, clientIdleTimeoutMs: 300 });
    const started = performance.now();
    const slow = await rawExchange(port, "GET / HTTP/1.1\r\nHost: t\r\n", 5_000);
    expect(slow).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    const idle = await rawExchange(port, "GET /echo HTTP/1.1\r\nHost: t\r\n\r\n", 5_000);
    expect(idle).toMatch(/^HTTP\/1\.1 200 OK\r\n/); // answered, then closed by the sweep, not by the client
    expect(performance.now() - started).toBeLessThan(4_500);
  });

  test("a parse error after pipelined requests is answered after them, in order", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, "GET /echo?n=1 HTTP/1.1\r\nHost: t\r\n\r\nBROKEN\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*"url":"\/echo\?n=1"[\s\S]*HTTP\/1\.1 400 Bad Request\r\n/);
  });

  test("requests beyond socketsPerBackend wait for a connection instead of opening more", async () => {
    const sockets = new Set<unknown>();
    const onConnection = (socket: unknown) => sockets.add(socket);
    backend.on("connection", onConnection);
    try {
      const { url } = await serve(backendPort, { socketsPerBackend: 2 });
      const statuses = await Promise.all(Array.from({ length: 24 }, () => request(`${url}/echo`).then(async (r) => (await r.body.text(), r.statusCode))));
      expect(statuses).toEqual(Array(24).fill(200));
      expect(sockets.size).toBeLessThanOrEqual(2);
    } finally {
      backend.off("connection", onConnection);
    }
  });

  test("a protocol switch (WebSocket-style Upgrade) is relayed both ways after the backend's 101", async () => {
    const { port } = await serve();
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.write("GET /chat HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\nhello ");
    const until = (text: string) => vi.waitFor(() => expect(received).toContain(text), { timeout: 2_000 });
    await until("HELLO ");
    expect(received).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(received.toLowerCase()).toContain("upgrade: echo\r\n");
    expect(received).toContain("X-Seen-Via: 1.1 stratus");
    socket.write("over the tunnel");
    await until("OVER THE TUNNEL");
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.end();
    await closed;
    expect(dataPlane!.stats("pool-1")).toMatchObject({ totalRequests: 1, failedRequests: 0 });
  });

  test("a switch the backend declines is an ordinary answer, and the connection closes after it", async () => {
    const { port } = await serve();
    const text = await rawExchange(port, "GET /chat HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: unknown\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 426 Upgrade Required\r\n/);
  });

  test("an idle connection is not reused past the backend's announced keep-alive timeout (less a margin)", async () => {
    const connectionsTo = async (keepAliveTimeoutMs: number) => {
      const server = createServer(echoBackend);
      server.keepAliveTimeout = keepAliveTimeoutMs; // node:http announces it as Keep-Alive: timeout=<s>
      let sockets = 0;
      server.on("connection", () => sockets++);
      const port = await listenOn(server);
      try {
        const { url } = await serve(port);
        for (let i = 0; i < 3; i++) {
          const response = await request(`${url}/echo`, { method: "POST", body: "x" });
          expect(response.statusCode).toBe(200);
          await response.body.text();
          await new Promise((r) => setTimeout(r, 50));
        }
        return sockets;
      } finally {
        await dataPlane?.close();
        dataPlane = null;
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    };
    expect(await connectionsTo(60_000)).toBe(1); // reused
    expect(await connectionsTo(1_000)).toBe(3); // "timeout=1" leaves no safe margin: a new connection each time
  });
});
