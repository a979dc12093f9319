import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { HealthStatus } from "../health/types";
import { seededRng } from "../random";
import { normalizeWeight } from "./backend-table";
import { createBalancer } from "./create-balancer";
import { ALGORITHMS, type Algorithm, type BackendView, type PickResult } from "./types";

const health = fc.constantFrom<HealthStatus>("healthy", "healthy", "healthy", "unhealthy", "unknown");
const maxConnections = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Number.POSITIVE_INFINITY));
const backendSpec = fc.record({
  health,
  weight: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(0), fc.double({ min: 0.1, max: 5, noNaN: true })),
  maxConnections,
  active: fc.nat({ max: 6 }),
  ejected: fc.boolean(),
});
const pool = fc.array(backendSpec, { maxLength: 50 });

const op = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant("pick" as const), start: fc.boolean(), key: fc.nat({ max: 30 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("finish" as const), index: fc.nat(), ok: fc.boolean(), latencyMs: fc.nat({ max: 2_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("health" as const), index: fc.nat(), health }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("eject" as const), index: fc.nat(), ejected: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("reconfigure" as const),
      drop: fc.nat(),
      add: fc.option(backendSpec),
      reweigh: fc.nat(),
      weight: fc.integer({ min: 0, max: 10 }),
      extraCapacity: fc.nat({ max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("tick" as const), ms: fc.nat({ max: 20_000 }) }) },
);

type Spec = typeof backendSpec extends fc.Arbitrary<infer T> ? T : never;
type Op = typeof op extends fc.Arbitrary<infer O> ? O : never;
type ExtraCheck = (model: Model, result: PickResult, clientIp: string) => void;

/** The balancer's observable world, tracked independently of its implementation. */
class Model {
  readonly views = new Map<string, BackendView>();
  readonly active = new Map<string, number>();
  private next = 0;

  add(spec: Spec): BackendView {
    const id = `b${this.next++}`;
    const max = spec.maxConnections;
    const active = Number.isFinite(max) ? Math.min(spec.active, max) : spec.active;
    const view: BackendView = {
      id,
      address: `10.0.0.${this.next % 250}`,
      port: 80,
      weight: spec.weight,
      maxConnections: max,
      health: spec.health,
      ejected: spec.ejected,
      activeConnections: active,
    };
    this.views.set(id, view);
    this.active.set(id, active);
    return view;
  }

  healthy(view: BackendView): boolean {
    return view.health === "healthy" && view.ejected !== true;
  }

  servable(view: BackendView, panic: boolean): boolean {
    return normalizeWeight(view.weight) > 0 && (panic || this.healthy(view));
  }

  eligible(view: BackendView, panic: boolean): boolean {
    return this.servable(view, panic) && (this.active.get(view.id) as number) < view.maxConnections;
  }

  panic(thresholdPercent: number): boolean {
    const total = this.views.size;
    const healthy = [...this.views.values()].filter((v) => this.healthy(v)).length;
    return thresholdPercent > 0 && total > 0 && healthy * 100 < thresholdPercent * total;
  }

  at(index: number): BackendView | undefined {
    const all = [...this.views.values()];
    return all.length === 0 ? undefined : all[index % all.length];
  }
}

function checkPick(model: Model, result: PickResult, panic: boolean): void {
  const views = [...model.views.values()];
  if (result.backend === null) {
    expect(views.some((v) => model.eligible(v, panic))).toBe(false);
    const anyServable = views.some((v) => model.servable(v, panic));
    const expected = views.length === 0 ? "no backends" : anyServable ? "all backends at maxConnections" : "no healthy backend";
    expect(result.reason).toBe(expected);
    return;
  }
  const view = model.views.get(result.backend.id) as BackendView;
  expect(model.eligible(view, panic)).toBe(true);
  expect(result.panic).toBe(panic);
  if (!panic) {
    // The seed's theorem: a pick is always healthy (and here also not ejected, not full, not drained).
    expect(result.backend.health).toBe("healthy");
    expect(result.backend.ejected === true).toBe(false);
  }
}

function run(algorithm: Algorithm, specs: Spec[], ops: Op[], panicThresholdPercent: number, extraCheck?: ExtraCheck): void {
  const balancer = createBalancer(algorithm, { panicThresholdPercent });
  const model = new Model();
  let now = 0;
  specs.forEach((s) => model.add(s));
  balancer.setBackends([...model.views.values()], now);
  const rng = seededRng(specs.length);
  for (const o of ops) {
    if (o.kind === "pick") {
      const clientIp = `198.51.100.${o.key}`;
      const result = balancer.pick({ now, rng, clientIp });
      checkPick(model, result, model.panic(panicThresholdPercent));
      extraCheck?.(model, result, clientIp);
      if (result.backend !== null && o.start) {
        balancer.onStart(result.backend.id);
        model.active.set(result.backend.id, (model.active.get(result.backend.id) as number) + 1);
      }
    } else if (o.kind === "finish") {
      const view = model.at(o.index);
      if (view === undefined || model.active.get(view.id) === 0) continue;
      balancer.onFinish(view.id, { ok: o.ok, latencyMs: o.latencyMs, now });
      model.active.set(view.id, (model.active.get(view.id) as number) - 1);
    } else if (o.kind === "health") {
      const view = model.at(o.index);
      if (view === undefined) continue;
      balancer.setHealth(view.id, o.health);
      model.views.set(view.id, { ...view, health: o.health });
    } else if (o.kind === "eject") {
      const view = model.at(o.index);
      if (view === undefined) continue;
      balancer.setEjected(view.id, o.ejected);
      model.views.set(view.id, { ...view, ejected: o.ejected });
    } else if (o.kind === "reconfigure") {
      const dropped = model.at(o.drop);
      if (dropped !== undefined && o.drop % 3 === 0) {
        model.views.delete(dropped.id);
        model.active.delete(dropped.id);
      }
      const changed = model.at(o.reweigh);
      if (changed !== undefined) {
        // Capacity edits never go below what is in flight: exceeding it must only ever come from picks.
        const maxConnections = (model.active.get(changed.id) as number) + o.extraCapacity;
        model.views.set(changed.id, { ...changed, weight: o.weight, maxConnections });
      }
      if (o.add !== null) model.add(o.add);
      balancer.setBackends([...model.views.values()], now);
    } else {
      now += o.ms;
    }
    // No backend ever exceeds maxConnections, and the balancer agrees with the model on every backend.
    const snapshot = balancer.snapshot(now);
    expect(snapshot.panic).toBe(model.panic(panicThresholdPercent));
    expect(snapshot.backends.length).toBe(model.views.size);
    for (const b of snapshot.backends) {
      const view = model.views.get(b.id) as BackendView;
      expect(b.activeConnections).toBe(model.active.get(b.id));
      expect(b.activeConnections).toBeLessThanOrEqual(view.maxConnections);
      expect(b.eligible).toBe(model.eligible(view, snapshot.panic));
    }
  }
}

const streams = fc.array(op, { maxLength: 150, size: "large" });

describe.each(ALGORITHMS)("%s invariants over random pools (0–50 backends) and request streams", (algorithm) => {
  test("a pick is always eligible (healthy, not ejected, under maxConnections) and null only if none is; no backend exceeds maxConnections", () => {
    fc.assert(fc.property(pool, streams, (specs, ops) => run(algorithm, specs, ops, 0)), { numRuns: 40 });
  }, 30_000);

  test("with a panic threshold: the panic flag matches Envoy's rule and capacity/drain still hold", () => {
    fc.assert(fc.property(pool, streams, fc.integer({ min: 1, max: 100 }), (specs, ops, threshold) => run(algorithm, specs, ops, threshold)), { numRuns: 25 });
  }, 30_000);
});

describe("algorithm-specific properties", () => {
  test("least_connections: the pick has the lowest active/weight among eligible backends", () => {
    fc.assert(
      fc.property(pool, streams, (specs, ops) =>
        run("least_connections", specs, ops, 0, (model, result) => {
          if (result.backend === null) return;
          const load = (v: BackendView) => (model.active.get(v.id) as number) / normalizeWeight(v.weight);
          const picked = load(model.views.get(result.backend.id) as BackendView);
          for (const v of model.views.values()) if (model.eligible(v, false)) expect(picked).toBeLessThanOrEqual(load(v));
        }),
      ),
      { numRuns: 40 },
    );
  }, 30_000);

  test("ip_hash: the pick is a function of the key and the pool state — a fresh balancer, given the set in reverse, agrees", () => {
    fc.assert(
      fc.property(pool, streams, (specs, ops) =>
        run("ip_hash", specs, ops, 0, (model, result, clientIp) => {
          const fresh = createBalancer("ip_hash");
          fresh.setBackends([...model.views.values()].map((v) => ({ ...v, activeConnections: model.active.get(v.id) })).reverse(), 0);
          expect(fresh.pick({ now: 0, rng: seededRng(0), clientIp }).backend?.id).toBe(result.backend?.id);
        }),
      ),
      { numRuns: 15 },
    );
  }, 30_000);

  test("round_robin: over a stable set, every window of k picks serves each of the k eligible backends once", () => {
    fc.assert(
      fc.property(pool, fc.integer({ min: 1, max: 4 }), (specs, rounds) => {
        const model = new Model();
        specs.forEach((s) => model.add(s));
        const balancer = createBalancer("round_robin");
        balancer.setBackends([...model.views.values()], 0);
        const eligible = [...model.views.values()].filter((v) => model.eligible(v, false)).map((v) => v.id);
        const rng = seededRng(1);
        for (let r = 0; r < rounds; r++) {
          const window = Array.from({ length: eligible.length }, () => balancer.pick({ now: 0, rng }).backend?.id);
          expect(new Set(window)).toEqual(new Set(eligible));
        }
      }),
    );
  });
});
