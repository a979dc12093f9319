import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { LineSplitter } from "@/lib/telemetry/logs/text";
import type { ObservedPod, PodRuntimeSpec, RuntimeDriver } from "./driver";
import { UnknownImageError } from "./driver";
import { freePort } from "./free-port";
import { localImages } from "./images";
import { cpuMillicores, parseCpuTicks, parseRssMiB } from "./proc-stats";

interface Running extends ObservedPod {
  child: ChildProcess;
  lastTicks: number | null;
  lastSampleAt: number;
}

/** Which pod a line of output came from. */
export interface PodLogSource {
  name: string;
  nodeName: string;
  workload: string | null;
}

export interface LocalDriverOptions {
  /**
   * Where a pod's stdout/stderr lines go, one call per line (lines over 16 KiB come in pieces); default: dropped.
   * Must not throw or block: the worker's bounded log writer takes them.
   */
  onLog?: (pod: PodLogSource, stream: "stdout" | "stderr", line: string) => void;
  stopGraceMs?: number;
  images?: typeof localImages;
}

/** Runs each pod as a child process of this worker, listening on a loopback port of its own. */
export class LocalProcessDriver implements RuntimeDriver {
  private readonly pods = new Map<string, Running>();
  private readonly images: typeof localImages;

  constructor(private readonly options: LocalDriverOptions = {}) {
    this.images = options.images ?? localImages;
  }

  async ensureRunning(spec: PodRuntimeSpec): Promise<ObservedPod> {
    const existing = this.pods.get(spec.name);
    if (existing && existing.state === "running") return this.view(existing);
    const image = this.images[spec.image];
    if (!image) throw new UnknownImageError(spec.image, Object.keys(this.images));
    const port = await freePort();
    const child = spawn(image.command, image.args, {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...spec.env, PORT: String(port), POD_NAME: spec.name },
      // stdin stays an open pipe: when this process dies, however abruptly, the pod sees it close and stops.
      stdio: ["pipe", "pipe", "pipe"],
    });
    const running: Running = {
      name: spec.name,
      nodeName: spec.nodeName,
      workload: spec.workload ?? null,
      pid: child.pid ?? null,
      port,
      state: "running",
      exitCode: null,
      exitSignal: null,
      startedAt: Date.now(),
      cpuMillicores: null,
      memoryMiB: null,
      child,
      lastTicks: null,
      lastSampleAt: Date.now(),
    };
    this.pipeLines({ name: spec.name, nodeName: spec.nodeName, workload: spec.workload ?? null }, child);
    child.on("exit", (code, signal) => {
      running.state = "exited";
      running.exitCode = code;
      running.exitSignal = signal;
      running.pid = null;
    });
    child.on("error", () => {
      running.state = "exited";
      running.pid = null;
    });
    this.pods.set(spec.name, running);
    return this.view(running);
  }

  private pipeLines(pod: PodLogSource, child: ChildProcess) {
    const onLog = this.options.onLog;
    for (const stream of ["stdout", "stderr"] as const) {
      const output = child[stream];
      if (!output) continue;
      if (!onLog) {
        output.resume(); // keep the pipe drained so the process never blocks on a full one
        continue;
      }
      const lines = new LineSplitter();
      output.setEncoding("utf8");
      output.on("data", (chunk: string) => {
        for (const line of lines.push(chunk)) onLog(pod, stream, line);
      });
      output.on("end", () => {
        for (const line of lines.flush()) onLog(pod, stream, line);
      });
    }
  }

  async stop(name: string): Promise<void> {
    const pod = this.pods.get(name);
    if (!pod) return;
    if (pod.state === "running") {
      const exited = new Promise((resolve) => pod.child.once("exit", resolve));
      pod.child.kill("SIGTERM");
      const timer = setTimeout(() => pod.child.kill("SIGKILL"), this.options.stopGraceMs ?? 3000);
      await exited;
      clearTimeout(timer);
    }
    this.pods.delete(name);
  }

  kill(name: string): void {
    const pod = this.pods.get(name);
    if (pod?.state === "running") pod.child.kill("SIGKILL");
  }

  observe(name: string): ObservedPod | undefined {
    const pod = this.pods.get(name);
    return pod ? this.view(pod) : undefined;
  }

  list(): ObservedPod[] {
    return [...this.pods.values()].map((p) => this.view(p));
  }

  forget(name: string): void {
    const pod = this.pods.get(name);
    if (pod && pod.state !== "running") this.pods.delete(name);
  }

  async sample(now: number): Promise<void> {
    await Promise.all(
      [...this.pods.values()].map(async (pod) => {
        if (pod.state !== "running" || pod.pid === null) return;
        try {
          const [stat, status] = await Promise.all([readFile(`/proc/${pod.pid}/stat`, "utf8"), readFile(`/proc/${pod.pid}/status`, "utf8")]);
          const ticks = parseCpuTicks(stat);
          if (ticks !== null && pod.lastTicks !== null) pod.cpuMillicores = cpuMillicores(pod.lastTicks, ticks, now - pod.lastSampleAt);
          pod.lastTicks = ticks;
          pod.lastSampleAt = now;
          pod.memoryMiB = parseRssMiB(status);
        } catch {
          // The process exited between the check and the read; its exit handler records that.
        }
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.pods.keys()].map((name) => this.stop(name)));
  }

  private view(pod: Running): ObservedPod {
    const { child: _child, lastTicks: _ticks, lastSampleAt: _at, ...observed } = pod;
    return observed;
  }
}
