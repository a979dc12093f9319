/**
 * Sustained active health checks on one core: N loopback targets probed every second by one HealthChecker
 * (real HttpProber: keep-alive undici Client per target, SSRF guard, min-heap scheduler, ≤ 512 in flight).
 * N ramps 1k → 2k → 5k → 10k; for each step we report achieved checks/s against N/interval, p99 scheduling
 * lateness (probe start − due time), failed probes, and the checker's CPU (process.cpuUsage). The targets
 * are tiny HTTP servers in separate processes (≤ 2,500 ports each), so their CPU is not the checker's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { HealthChecker, type HealthCheckTarget, type ProbeResultEvent } from "../lib/engine/health-checker";
import { fmt, printTable } from "./harness";

const STEPS = (process.env.HC_STEPS ?? "1000,2000,5000,10000").split(",").map(Number);
const PORTS_PER_FARM = 2_500;
const INTERVAL_MS = 1_000;
const SETTLE_MS = 2 * INTERVAL_MS; // new targets' first probes spread over one interval, then connections are warm
const MEASURE_MS = 4_000;
const GOAL_TARGETS = 5_000;

/** A target farm: one process, `count` HTTP servers on loopback ephemeral ports; prints the ports as JSON. */
const FARM_SOURCE = `
const http = require("node:http");
const count = Number(process.argv[1]);
const handler = (req, res) => { res.writeHead(req.url === "/healthz" ? 200 : 404, { "content-length": "2" }); res.end("ok"); };
const ports = [];
let pending = count;
for (let i = 0; i < count; i++) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60000;
  server.listen(0, "127.0.0.1", () => { ports.push(server.address().port); if (--pending === 0) console.log(JSON.stringify(ports)); });
}
process.on("SIGTERM", () => process.exit(0));
`;

async function startFarm(count: number): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = spawn(process.execPath, ["-e", FARM_SOURCE, String(count)], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`target farm exited with ${code}`)));
  });
  return { child, ports: JSON.parse(line) as number[] };
}

const percentile = (sorted: readonly number[], q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

export async function run(): Promise<void> {
  const farms: ChildProcess[] = [];
  let results: ProbeResultEvent[] = [];
  const checker = new HealthChecker({ maxInFlight: 512, onResult: (r) => results.push(r) });
  const rows: Array<Record<string, string | number>> = [];
  try {
    const ports: number[] = [];
    const max = STEPS[STEPS.length - 1]!;
    for (let started = 0; started < max; started += PORTS_PER_FARM) {
      const farm = await startFarm(Math.min(PORTS_PER_FARM, max - started));
      farms.push(farm.child);
      ports.push(...farm.ports);
    }
    const config = { path: "/healthz", intervalMs: INTERVAL_MS, timeoutMs: 500, healthyThreshold: 2, unhealthyThreshold: 2, expectedStatus: 200 };
    const targets: HealthCheckTarget[] = ports.map((port, i) => ({ backendId: `b${i}`, poolId: `p${i % 100}`, address: "127.0.0.1", port, config }));
    checker.start();
    for (const n of STEPS) {
      checker.setTargets(targets.slice(0, n));
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      results = [];
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      loopDelay.disable();
      const window = results;
      const lateness = window.map((r) => r.startedAt - r.dueAt).sort((a, b) => a - b);
      const failed = window.filter((r) => r.result.outcome !== "passed").length;
      const duration = window.map((r) => r.finishedAt - r.startedAt).sort((a, b) => a - b);
      const achieved = window.length / seconds;
      const expected = n / (INTERVAL_MS / 1000);
      rows.push({
        targets: n,
        "checks/s": fmt(achieved, 0),
        expected: fmt(expected, 0),
        "achieved %": fmt((100 * achieved) / expected, 1),
        "p50 late ms": fmt(percentile(lateness, 0.5), 1),
        "p99 late ms": fmt(percentile(lateness, 0.99), 1),
        "p99 probe ms": fmt(percentile(duration, 0.99), 1),
        failed,
        "max loop block ms": fmt(loopDelay.max / 1e6, 0),
        "checker CPU %": fmt((100 * (cpu.user + cpu.system)) / 1e6 / seconds, 1),
        "µs CPU/check": fmt((cpu.user + cpu.system) / Math.max(1, window.length), 1),
      });
    }
    printTable(`Active health checks at ${INTERVAL_MS / 1000} s interval, one checker process (goal ≥ ${GOAL_TARGETS.toLocaleString("en-US")} targets)`, rows);
    const atGoal = rows.find((row) => row.targets === GOAL_TARGETS);
    if (atGoal !== undefined) {
      const ok = Number(String(atGoal["achieved %"]).replace(/,/g, "")) >= 95;
      console.log(`${GOAL_TARGETS.toLocaleString("en-US")} targets: ${atGoal["checks/s"]} checks/s, p99 lateness ${atGoal["p99 late ms"]} ms, checker CPU ${atGoal["checker CPU %"]}% (goal ${ok ? "met" : "NOT met"})`);
    }
  } finally {
    await checker.stop();
    for (const farm of farms) farm.kill("SIGKILL");
  }
}
