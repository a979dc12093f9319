import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const DEMO_SERVICE = fileURLToPath(new URL("../../runtime/demo-service.mjs", import.meta.url));

/** A free loopback port: bind port 0, read it, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** One demo backend process (lib/runtime/demo-service.mjs) on a loopback port. */
export interface DemoService {
  readonly port: number;
  readonly name: string;
  readonly process: ChildProcess;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
}

export interface DemoServiceOptions {
  readonly port?: number;
  readonly name?: string;
  readonly cpuWorkMs?: number;
  readonly latencyMs?: number;
}

/** Start the demo service and resolve once it logs "listening". */
export async function startDemoService(options: DemoServiceOptions = {}): Promise<DemoService> {
  const port = options.port ?? (await freePort());
  const name = options.name ?? `demo-${port}`;
  const child = spawn(process.execPath, [DEMO_SERVICE], {
    env: { ...process.env, PORT: String(port), POD_NAME: name, CPU_WORK_MS: String(options.cpuWorkMs ?? 0), LATENCY_MS: String(options.latencyMs ?? 0) },
    // stdin stays open while we run: the demo service exits when its stdin ends (as when its runtime goes away).
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo service on ${port} did not start`)), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes('"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo service on ${port} exited with ${code}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    port,
    name,
    process: child,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
