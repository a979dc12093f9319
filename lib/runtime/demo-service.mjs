#!/usr/bin/env node
// The demo workload that pods of image "stratus/demo-http" run: a tiny HTTP service with a health endpoint,
// configurable CPU work and latency per request, so load balancing, health checks and autoscaling act on
// something real. Plain JavaScript so a pod starts in milliseconds without a compile step.
//
//   PORT            port to listen on (required)
//   POD_NAME        name shown in responses and logs
//   CPU_WORK_MS     busy CPU time per request (default 2)
//   LATENCY_MS      extra wait per request before answering (default 0)
//   ACCESS_LOG_PER_SEC  access log lines per second at most (default 1; the rest are counted in the next line)
//   ?work=ms&latency=ms override both per request (bounded).
//
// Logs are JSON lines on stdout: a start line, an access line per request (sampled, with the request's trace id
// from its W3C traceparent header, so the console links a pod's log lines to the trace), and a shutdown line.
import { createServer } from "node:http";

const port = Number(process.env.PORT);
const pod = process.env.POD_NAME ?? `demo-${port}`;
const defaultWork = Number(process.env.CPU_WORK_MS ?? 2);
const defaultLatency = Number(process.env.LATENCY_MS ?? 0);
const MAX_MS = 2000;
const accessPerSecond = Number(process.env.ACCESS_LOG_PER_SEC ?? 1);

if (!Number.isInteger(port) || port <= 0) {
  console.error("demo-service: PORT must be set to a port number");
  process.exit(2);
}

const bounded = (value, fallback) => {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_MS) : fallback;
};

function burnCpu(ms) {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  return x;
}

const log = (fields) => console.log(JSON.stringify({ time: new Date().toISOString(), pod, ...fields }));

// At most `accessPerSecond` access lines each second; the next line says how many requests went unlogged.
let windowStart = 0;
let loggedInWindow = 0;
let unlogged = 0;
function accessLog(req, path, status, startedAt) {
  const now = Date.now();
  if (now - windowStart >= 1000) {
    windowStart = now;
    loggedInWindow = 0;
  }
  if (loggedInWindow >= accessPerSecond) {
    unlogged++;
    return;
  }
  loggedInWindow++;
  const trace = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}/.exec(String(req.headers.traceparent ?? ""));
  log({
    level: "info",
    msg: `${req.method} ${path} ${status}`,
    method: req.method,
    path,
    status,
    duration_ms: Math.round((performance.now() - startedAt) * 10) / 10,
    ...(trace ? { trace_id: trace[1], parent_span_id: trace[2] } : {}),
    ...(unlogged > 0 ? { unlogged_since_last: unlogged } : {}),
  });
  unlogged = 0;
}

let served = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", pod }));
    return;
  }
  const startedAt = performance.now();
  const work = bounded(url.searchParams.get("work"), defaultWork);
  const latency = bounded(url.searchParams.get("latency"), defaultLatency);
  burnCpu(work);
  setTimeout(() => {
    served++;
    const traceparent = req.headers.traceparent ?? null;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ pod, port, path: url.pathname, served, traceparent }));
    accessLog(req, url.pathname, 200, startedAt);
  }, latency);
});

server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => log({ level: "info", msg: "listening", address: `127.0.0.1:${port}` }));

// The runtime that started us holds our stdin: if it goes away (even killed), so do we, rather than linger on the port.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    log({ level: "info", msg: `shutting down (${signal}) after ${served} requests`, signal, served });
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
