/**
 * The engine worker (`npm run worker`; `npm start` runs one beside the console). It hosts the local runtime (pod
 * processes), and, while it holds the lease, runs every engine loop about once a second.
 */
import { hostname } from "node:os";
import { Engine } from "./engine";
import { LogWriter } from "./log-writer";
import { alertsLoop } from "./loops/alerts";
import { loadGeneratorLoop } from "./loops/load-generator";
import { logRetentionLoop } from "./loops/logs";
import { metricsLoop } from "./loops/metrics";
import { dataPlaneTracing } from "./loops/traces";
import { trafficLoop } from "./loops/traffic";
import { PodMetricsWindow } from "./metrics-window";
import { LocalProcessDriver } from "./runtime/local-driver";

const PASS_INTERVAL_MS = Number(process.env.STRATUS_ENGINE_INTERVAL_MS ?? 1000);

// Pod output and engine/data-plane events go to the log store through one bounded, batched writer.
const logs = new LogWriter();
const driver = new LocalProcessDriver({ onLog: (pod, stream, line) => logs.podLine(pod, stream, line) });
const tracing = dataPlaneTracing();
const traffic = trafficLoop({ tracing: tracing.tracing });
const loadGenerator = loadGeneratorLoop();
const alerts = alertsLoop();
const engine = new Engine({
  holder: `${hostname()}:${process.pid}`,
  runtime: { driver, metrics: new PodMetricsWindow() },
  events: (event) => logs.event(event),
  loops: [traffic, loadGenerator, metricsLoop({ extraSamples: (now) => logs.samples(now) }), logRetentionLoop(), tracing.loop, alerts],
});

let stopping = false;
let timer: NodeJS.Timeout | undefined;
let wasLeader: boolean | null = null;
let current: Promise<unknown> = Promise.resolve();

async function loop() {
  if (stopping) return;
  try {
    const pass = engine.pass();
    current = pass.catch(() => undefined);
    const report = await pass;
    if (report.leader !== wasLeader) {
      console.log(report.leader ? `engine: leading (epoch ${report.epoch}) as ${engine.holder}` : `engine: standing by as ${engine.holder}`);
      wasLeader = report.leader;
    }
  } catch (error) {
    console.error("engine: pass failed", error);
  }
  if (!stopping) timer = setTimeout(loop, PASS_INTERVAL_MS);
}

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  clearTimeout(timer);
  console.log(`engine: ${signal}, stopping pods and releasing the lease`);
  await current; // let the pass under way finish its writes
  loadGenerator.generator.stop();
  await traffic.close();
  await tracing.loop.flush().catch((error: unknown) => console.error("engine: spans lost at shutdown", error)); // the last second's spans
  await alerts.close();
  await driver.close();
  await logs.close().catch(() => undefined); // the pods' last lines, then stop
  await engine.release().catch(() => undefined);
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
logs.start();
void loop();
