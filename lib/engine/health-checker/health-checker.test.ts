import { describe, expect, test } from "vitest";
import { seededRng } from "../../domain/random";
import type { HealthCheckConfig, ProbeOutcome } from "../../domain/health";
import { HealthChecker } from "./health-checker";
import type { HealthCheckTarget, HealthTransitionEvent, ProbeRequest, ProbeResultEvent, Prober } from "./types";

const config: HealthCheckConfig = { path: "/healthz", intervalMs: 1000, timeoutMs: 200, healthyThreshold: 2, unhealthyThreshold: 3, expectedStatus: 200 };
const target = (backendId: string, change: Partial<HealthCheckTarget> = {}): HealthCheckTarget => ({
  backendId,
  poolId: "pool",
  address: "127.0.0.1",
  port: 8080,
  config,
  ...change,
});

/** A prober whose answers the test scripts per backend; it records every request. */
class ScriptedProber implements Prober {
  readonly requests: ProbeRequest[] = [];
  readonly forgotten: string[] = [];
  answers = new Map<string, ProbeOutcome>();
  pending: Array<() => void> = [];
  hold = false;

  async probe(request: ProbeRequest) {
    this.requests.push(request);
    if (this.hold) await new Promise<void>((resolve) => this.pending.push(resolve));
    return { outcome: this.answers.get(request.key) ?? { status: 200 } };
  }
  forget(key: string) {
    this.forgotten.push(key);
  }
  async close() {}
}

function harness(options: { maxInFlight?: number } = {}) {
  let now = 0;
  const prober = new ScriptedProber();
  const transitions: HealthTransitionEvent[] = [];
  const results: ProbeResultEvent[] = [];
  const checker = new HealthChecker({
    prober,
    clock: () => now,
    rng: seededRng(1),
    jitterFraction: 0,
    maxInFlight: options.maxInFlight,
    onTransition: (t) => transitions.push(t),
    onResult: (r) => results.push(r),
  });
  /** Advance the clock in `step` ms increments, running due probes at each. */
  const advance = async (ms: number, step = 50) => {
    for (const end = now + ms; now < end; ) {
      now = Math.min(end, now + step);
      await checker.tick(now);
    }
  };
  return { checker, prober, transitions, results, advance, now: () => now };
}

describe("HealthChecker (stepped by hand)", () => {
  test("first probe within one interval; then one per interval", async () => {
    const h = harness();
    h.checker.setTargets([target("a"), target("b")]);
    await h.advance(1000);
    expect(h.prober.requests.map((r) => r.key).sort()).toEqual(["a", "b"]);
    await h.advance(3000);
    expect(h.prober.requests.filter((r) => r.key === "a")).toHaveLength(4);
    expect(h.prober.requests[0]).toEqual({ key: expect.any(String), address: "127.0.0.1", port: 8080, path: "/healthz", timeoutMs: 200 });
  });

  test("unknown → healthy on the first pass; healthy → unhealthy after unhealthyThreshold failures, with reason and detail", async () => {
    const h = harness();
    h.checker.setTargets([target("a")]);
    await h.advance(1000);
    expect(h.transitions).toEqual([{ backendId: "a", poolId: "pool", from: "unknown", to: "healthy", reason: "passed", detail: "HTTP 200", at: expect.any(Number) }]);
    h.prober.answers.set("a", { errorCode: "ECONNREFUSED" });
    await h.advance(2000);
    expect(h.transitions).toHaveLength(1); // two failures < threshold 3
    await h.advance(1000);
    expect(h.transitions[1]).toMatchObject({ from: "healthy", to: "unhealthy", reason: "connection_refused", detail: "connection refused" });
    h.prober.answers.set("a", { status: 200 });
    await h.advance(1000);
    expect(h.transitions).toHaveLength(2); // one pass < healthyThreshold 2
    await h.advance(1000);
    expect(h.transitions[2]).toMatchObject({ from: "unhealthy", to: "healthy", reason: "passed" });
  });

  test.each<[string, ProbeOutcome, string, string]>([
    ["a redirect is a status mismatch (never followed)", { status: 302 }, "status_mismatch", "HTTP 302, expected 200"],
    ["a timeout", { errorCode: "TimeoutError" }, "timeout", "no response within 200 ms"],
    ["a reset", { errorCode: "ECONNRESET" }, "connection_error", "connection error (ECONNRESET)"],
  ])("%s", async (_name, outcome, reason, detail) => {
    const h = harness();
    h.prober.answers.set("a", outcome);
    h.checker.setTargets([target("a")]);
    await h.advance(1000);
    expect(h.transitions).toEqual([expect.objectContaining({ from: "unknown", to: "unhealthy", reason, detail })]);
    expect(h.results[0]).toMatchObject({ result: { outcome: reason }, health: "unhealthy" });
  });

  test("setTargets is idempotent: state and schedule survive; config changes apply on the next probe", async () => {
    const h = harness();
    h.checker.setTargets([target("a")]);
    await h.advance(1000);
    const before = h.checker.health("a")!;
    h.checker.setTargets([target("a")]);
    expect(h.checker.health("a")).toMatchObject({ state: before.state, nextCheckAt: before.nextCheckAt });
    h.checker.setTargets([target("a", { config: { ...config, path: "/ready", expectedStatus: 204 } })]);
    await h.advance(1000);
    expect(h.prober.requests.at(-1)?.path).toBe("/ready");
    expect(h.transitions.at(-1)).toMatchObject({ to: "healthy" }); // a 200 vs expected 204 is one failure, below the threshold
    expect(h.results.at(-1)).toMatchObject({ result: { outcome: "status_mismatch", status: 200 } });
  });

  test("removed targets stop being probed and their connection is dropped; a moved one reconnects", async () => {
    const h = harness();
    h.checker.setTargets([target("a"), target("b")]);
    await h.advance(1000);
    h.checker.setTargets([target("b", { port: 9090 })]);
    expect(h.prober.forgotten.sort()).toEqual(["a", "b"]);
    const count = h.prober.requests.length;
    await h.advance(3000);
    const later = h.prober.requests.slice(count);
    expect(later.every((r) => r.key === "b" && r.port === 9090)).toBe(true);
    expect(h.checker.health("a")).toBeUndefined();
    expect(h.checker.size).toBe(1);
  });

  test("initialHealth seeds the state (a healthy backend stays healthy through one failure after a restart)", async () => {
    const h = harness();
    h.prober.answers.set("a", { errorCode: "ECONNREFUSED" });
    h.checker.setTargets([target("a", { initialHealth: "healthy" })]);
    await h.advance(1000);
    expect(h.transitions).toEqual([]);
    expect(h.checker.health("a")?.state).toMatchObject({ status: "healthy", consecutiveFailures: 1 });
  });

  test("at most maxInFlight probes run at once; the rest wait and are reported late", async () => {
    const h = harness({ maxInFlight: 2 });
    h.prober.hold = true;
    h.checker.setTargets(["a", "b", "c", "d"].map((id) => target(id)));
    const ticking = h.checker.tick(1000);
    await Promise.resolve();
    expect(h.checker.probesInFlight).toBe(2);
    expect(h.prober.requests).toHaveLength(2);
    h.prober.pending.splice(0).forEach((release) => release());
    await ticking;
    h.prober.hold = false;
    await h.checker.tick(1100);
    expect(h.prober.requests).toHaveLength(4);
    const late = h.results.filter((r) => r.startedAt - r.dueAt > 0);
    expect(late.length).toBeGreaterThanOrEqual(2);
  });

  test("a throwing callback does not stop the checker", async () => {
    const errors: unknown[] = [];
    let now = 0;
    const checker = new HealthChecker({
      prober: new ScriptedProber(),
      clock: () => now,
      rng: seededRng(2),
      onResult: () => {
        throw new Error("metrics down");
      },
      onCallbackError: (e) => errors.push(e),
    });
    checker.setTargets([target("a")]);
    for (now = 0; now <= 3000; now += 100) await checker.tick(now);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(checker.health("a")?.state.status).toBe("healthy");
  });
});
