#!/usr/bin/env node
// The demo workload that pods of image "stratus/demo-http" run: a tiny HTTP service with a health endpoint,
// configurable CPU work and latency per request, so load balancing, health checks and autoscaling act on
// something real. Plain JavaScript so a pod starts in milliseconds without a compile step.
//
//   PORT            port to listen on (required)
//   POD_NAME        name shown in responses and logs
//   CPU_WORK_MS     busy CPU time per request (default 2)
//   LATENCY_MS      extra wait per request before answering (default 0)
//   ?work=ms&latency=ms override both per request (bounded).
import { createServer } from "node:http";

const port = Number(process.env.PORT);
const pod = process.env.POD_NAME ?? `demo-${port}`;
const defaultWork = Number(process.env.CPU_WORK_MS ?? 2);
const defaultLatency = Number(process.env.LATENCY_MS ?? 0);
const MAX_MS = 2000;

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

let served = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", pod }));
    return;
  }
  const work = bounded(url.searchParams.get("work"), defaultWork);
  const latency = bounded(url.searchParams.get("latency"), defaultLatency);
  burnCpu(work);
  setTimeout(() => {
    served++;
    const traceparent = req.headers.traceparent ?? null;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ pod, port, path: url.pathname, served, traceparent }));
    if (served % 100 === 0) console.log(JSON.stringify({ level: "info", msg: "served requests", pod, served }));
  }, latency);
});

server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(JSON.stringify({ level: "info", msg: "listening", pod, port })));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    console.log(JSON.stringify({ level: "info", msg: "shutting down", pod, signal }));
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
