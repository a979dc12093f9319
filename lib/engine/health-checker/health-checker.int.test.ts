import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDemoService, type DemoService } from "../../dataplane/testing/demo-service";
import { eventually } from "../../dataplane/testing/load";
import { HealthChecker } from "./health-checker";
import type { HealthTransitionEvent, ProbeResultEvent } from "./types";

let services: DemoService[] = [];

beforeAll(async () => {
  services = await Promise.all(Array.from({ length: 3 }, (_, i) => startDemoService({ name: `hc-${i}` })));
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.kill()));
});

describe("HealthChecker on real timers", () => {
  test("probes every target about once per interval and marks them healthy", async () => {
    const results: ProbeResultEvent[] = [];
    const transitions: HealthTransitionEvent[] = [];
    const checker = new HealthChecker({ onResult: (r) => results.push(r), onTransition: (t) => transitions.push(t) });
    const config = { path: "/healthz", intervalMs: 100, timeoutMs: 50, healthyThreshold: 2, unhealthyThreshold: 2, expectedStatus: 200 };
    checker.setTargets(services.map((s) => ({ backendId: s.name, poolId: "p", address: "127.0.0.1", port: s.port, config })));
    checker.start();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await checker.stop();
    const elapsed = performance.now() - started;
    for (const service of services) {
      const mine = results.filter((r) => r.backendId === service.name);
      expect(mine.length).toBeGreaterThanOrEqual(Math.floor(elapsed / 110) - 2);
      expect(mine.length).toBeLessThanOrEqual(Math.ceil(elapsed / 90) + 1);
      expect(mine.every((r) => r.result.outcome === "passed" && r.startedAt - r.dueAt < 50)).toBe(true);
    }
    expect(transitions.map((t) => `${t.backendId}:${t.from}→${t.to}`).sort()).toEqual(services.map((s) => `${s.name}:unknown→healthy`).sort());
  });

  test("stop() ends probing; setTargets([]) drops everything", async () => {
    const results: ProbeResultEvent[] = [];
    const checker = new HealthChecker({ onResult: (r) => results.push(r) });
    const config = { path: "/healthz", intervalMs: 50, timeoutMs: 40, healthyThreshold: 1, unhealthyThreshold: 1, expectedStatus: 200 };
    checker.setTargets([{ backendId: "x", poolId: "p", address: "127.0.0.1", port: services[0]!.port, config }]);
    checker.start();
    expect(await eventually(() => results.length >= 2, 2000)).toBe(true);
    checker.setTargets([]);
    const count = results.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(results.length).toBeLessThanOrEqual(count + 1); // at most the probe already in flight
    expect(checker.size).toBe(0);
    await checker.stop();
  });
});
