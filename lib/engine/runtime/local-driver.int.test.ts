import { afterEach, expect, test } from "vitest";
import { UnknownImageError } from "./driver";
import { LocalProcessDriver } from "./local-driver";

let driver: LocalProcessDriver;
afterEach(async () => driver?.close());

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const healthy = (port: number) => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => (r.ok ? true : undefined), () => undefined);

test("runs a demo pod as a real process, samples it, and sees it die when killed", async () => {
  const lines: string[] = [];
  driver = new LocalProcessDriver({ onLog: (_pod, _stream, line) => lines.push(line) });
  const pod = await driver.ensureRunning({ name: "web-1", image: "stratus/demo-http", nodeName: "n1", env: { CPU_WORK_MS: "1" } });
  expect(pod.pid).toBeGreaterThan(0);
  await waitFor(() => healthy(pod.port));
  const body = (await (await fetch(`http://127.0.0.1:${pod.port}/hello`)).json()) as { pod: string };
  expect(body.pod).toBe("web-1");
  expect((await driver.ensureRunning({ name: "web-1", image: "stratus/demo-http", nodeName: "n1", env: {} })).pid).toBe(pod.pid);

  await driver.sample(Date.now());
  await new Promise((r) => setTimeout(r, 200));
  await driver.sample(Date.now());
  expect(driver.observe("web-1")!.memoryMiB).toBeGreaterThan(0);
  expect(driver.observe("web-1")!.cpuMillicores).toBeGreaterThanOrEqual(0);
  expect(lines.some((l) => l.includes("listening"))).toBe(true);

  driver.kill("web-1");
  const exited = await waitFor(() => (driver.observe("web-1")?.state === "exited" ? driver.observe("web-1") : undefined));
  expect(exited.exitSignal).toBe("SIGKILL");
  driver.forget("web-1");
  expect(driver.list()).toEqual([]);
});

test("refuses an image it cannot run, naming the ones it can", async () => {
  driver = new LocalProcessDriver();
  await expect(driver.ensureRunning({ name: "x", image: "nginx:latest", nodeName: "n", env: {} })).rejects.toThrow(UnknownImageError);
});
