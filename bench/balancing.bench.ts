/**
 * Load-balancer pick cost at 100 and 10,000 backends (all healthy, and with every 10th backend unhealthy),
 * against naive O(n) references measured in the same run: the seed's "filter the healthy ones, then
 * choose" shape, linear-scan least connections / least response time, and nginx's own O(n) smooth WRR loop.
 */
import { createBalancer, type Algorithm, type BackendView, type Balancer } from "../lib/domain/balancing";
import { murmur3 } from "../lib/domain/balancing/murmur3";
import { NginxSmoothWrrReference } from "../lib/domain/balancing/nginx-wrr-reference";
import { seededRng } from "../lib/domain/random";
import { fmt, measure, printTable } from "./harness";

const IN_FLIGHT = 64; // requests kept open, like a busy proxy: each pick starts one and finishes the oldest
const CLIENTS = 4096;
const clientIps = Array.from({ length: CLIENTS }, (_, i) => `203.0.${i >> 8}.${i & 255}`);

/** A realistic mix: mostly weight 1, some 2, a few 5; every 10th unhealthy in the degraded variant. */
function pool(n: number, unhealthyEvery10th: boolean): BackendView[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `backend-${i}`,
    address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    port: 8080,
    weight: i % 10 === 9 ? 5 : i % 5 === 0 ? 2 : 1,
    maxConnections: 1_000,
    health: unhealthyEvery10th && i % 10 === 3 ? "unhealthy" : "healthy",
  }));
}

/** One simulated request: pick, start it, finish the oldest in-flight one. */
function requestLoop(balancer: Balancer): { pickOnly: () => void; request: () => void } {
  const rng = seededRng(7);
  const open: string[] = [];
  let i = 0;
  const ctx = () => ({ now: i >> 4, rng, clientIp: clientIps[i++ & (CLIENTS - 1)] });
  return {
    pickOnly: () => {
      balancer.pick(ctx());
    },
    request: () => {
      const picked = balancer.pick(ctx()).backend;
      if (picked === null) return;
      balancer.onStart(picked.id);
      open.push(picked.id);
      if (open.length > IN_FLIGHT) {
        const id = open.shift() as string;
        balancer.onFinish(id, { latencyMs: 5 + (i % 50), ok: true, now: i >> 4 });
      }
    },
  };
}

/** Naive references over plain arrays, with the same start/finish bookkeeping. */
function referenceLoop(algorithm: Algorithm, backends: BackendView[]): { name: string; request: () => void } {
  const n = backends.length;
  const active = new Float64Array(n);
  const latency = new Float64Array(n).fill(30);
  const weight = backends.map((b) => b.weight);
  const eligible = (k: number) =>
    backends[k]?.health === "healthy" && (active[k] as number) < (backends[k]?.maxConnections as number);
  const open: number[] = [];
  let i = 0;
  const finish = (k: number) => {
    active[k] = (active[k] as number) + 1;
    open.push(k);
    if (open.length > IN_FLIGHT) {
      const done = open.shift() as number;
      active[done] = (active[done] as number) - 1;
      latency[done] = 0.8 * (latency[done] as number) + 0.2 * (5 + (i % 50));
    }
    i++;
  };
  const indices = backends.map((_, k) => k);
  switch (algorithm) {
    case "round_robin":
      return {
        name: "seed: filter healthy, then index",
        request: () => {
          const ok = indices.filter(eligible);
          finish(ok[i % ok.length] as number);
        },
      };
    case "ip_hash":
      return {
        name: "filter healthy, then hash mod n",
        request: () => {
          const ok = indices.filter(eligible);
          finish(ok[murmur3(clientIps[i & (CLIENTS - 1)] as string) % ok.length] as number);
        },
      };
    case "least_connections":
      return {
        name: "linear scan min active/weight",
        request: () => {
          let best = -1;
          for (let k = 0; k < n; k++) {
            if (!eligible(k)) continue;
            if (best < 0 || (active[k] as number) * (weight[best] as number) < (active[best] as number) * (weight[k] as number)) best = k;
          }
          finish(best);
        },
      };
    case "least_response_time":
      return {
        name: "linear scan min latency × (active+1)",
        request: () => {
          let best = -1;
          let bestCost = Infinity;
          for (let k = 0; k < n; k++) {
            const cost = (latency[k] as number) * ((active[k] as number) + 1);
            if (eligible(k) && cost < bestCost) [best, bestCost] = [k, cost];
          }
          finish(best);
        },
      };
    case "weighted_round_robin": {
      const nginx = new NginxSmoothWrrReference();
      backends.forEach((b, k) => {
        nginx.add(k, b.weight);
        nginx.setEligible(k, b.health === "healthy");
      });
      return { name: "nginx O(n) smooth WRR loop", request: () => finish(nginx.pick()) };
    }
  }
}

/** Batch size giving ~15 ms per batch, so slow O(n) references stay within the time budget. */
function batchSize(op: () => void): number {
  const start = process.hrtime.bigint();
  for (let k = 0; k < 200; k++) op();
  const ns = Number(process.hrtime.bigint() - start) / 200;
  return Math.max(100, Math.min(50_000, Math.round(15e6 / ns)));
}

export async function run(): Promise<void> {
  const algorithms: Algorithm[] = ["round_robin", "weighted_round_robin", "least_connections", "ip_hash", "least_response_time"];
  const rows: Array<Record<string, string | number>> = [];
  for (const size of [100, 10_000]) {
    for (const degraded of [false, true]) {
      const backends = pool(size, degraded);
      for (const algorithm of algorithms) {
        const balancer = createBalancer(algorithm);
        const built = process.hrtime.bigint();
        balancer.setBackends(backends, 0);
        const setupMs = Number(process.hrtime.bigint() - built) / 1e6;
        const loop = requestLoop(balancer);
        const pick = measure("pick", loop.pickOnly, batchSize(loop.pickOnly));
        const request = measure("request", loop.request, batchSize(loop.request));
        const reference = referenceLoop(algorithm, backends);
        const baseline = measure(reference.name, reference.request, batchSize(reference.request), 3);
        rows.push({
          algorithm,
          backends: size,
          unhealthy: degraded ? "10%" : "0%",
          "setBackends ms": fmt(setupMs),
          "ns/pick": fmt(pick.nsPerOp),
          "ns/request (pick+start+finish)": fmt(request.nsPerOp),
          reference: reference.name,
          "reference ns/request": fmt(baseline.nsPerOp),
          "speed-up": `${fmt(baseline.nsPerOp / request.nsPerOp)}×`,
        });
      }
    }
  }
  printTable("Load balancing: cost per pick (lib/domain/balancing) vs naive O(n) references", rows);
}
