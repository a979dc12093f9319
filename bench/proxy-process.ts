/**
 * The data plane alone in a process of its own, for the data-plane bench: measured exactly like HAProxy (CPU time
 * from /proc), with nothing of the bench sharing its event loop or JIT. Argument: JSON {ports, sampleRate|null}.
 * Prints the port it listens on; exits when its stdin closes (the bench ended or died).
 */
import { DataPlane } from "../lib/dataplane";
import { SpanBuffer } from "../lib/telemetry/traces/span-buffer";

const { ports, sampleRate } = JSON.parse(process.argv[2] ?? "{}") as { ports: number[]; sampleRate: number | null };
const spans = new SpanBuffer(50_000);
setInterval(() => spans.drain(), 1000); // as the worker does
const dataPlane = new DataPlane(sampleRate === null ? {} : { tracing: { sampleRate, sink: spans } });
await dataPlane.reconcile([
  {
    id: "bench",
    name: "bench",
    algorithm: "round_robin",
    listenPort: 0,
    backends: ports.map((port, i) => ({ id: `b${i}`, address: "127.0.0.1", port, weight: 1, maxConnections: 10_000, health: "healthy" })),
  },
]);
console.log(`port ${dataPlane.portOf("bench")}`);
process.stdin.on("end", () => void dataPlane.close().then(() => process.exit(0)));
process.stdin.resume();
