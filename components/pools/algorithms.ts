import type { Choice } from "@/components/ui/choice-field";
import type { PoolAlgorithm } from "@/lib/schemas/pool";
import { PoolAlgorithms } from "@/lib/schemas/pool";

export const algorithmNames: Record<PoolAlgorithm, string> = {
  round_robin: "Round robin",
  least_connections: "Least connections",
  weighted_round_robin: "Weighted round robin",
  ip_hash: "IP hash",
  least_response_time: "Least response time",
};

/** One sentence per algorithm, true to how lib/domain/balancing implements it. */
export const algorithmExplanations: Record<PoolAlgorithm, string> = {
  round_robin: "Round robin: healthy backends take turns, one request each per round; weights are ignored.",
  least_connections:
    "Least connections (nginx least_conn): the next request goes to the backend with the fewest active connections per unit of weight; ties rotate.",
  weighted_round_robin:
    "Weighted round robin (nginx smooth WRR): backends receive requests in proportion to their weight, interleaved evenly rather than in bursts (weights 3:1:1 give a b a c a).",
  ip_hash:
    "IP hash (consistent hashing on a ketama ring): each client address maps to the same backend, and when a backend joins or leaves only its share of clients moves.",
  least_response_time:
    "Least response time (Finagle/Linkerd peak-EWMA, power of two choices): two random backends are compared by latency × (in-flight + 1) and the cheaper one wins; weights are ignored.",
};

export const algorithmChoices: Choice[] = PoolAlgorithms.map((a) => ({ value: a, label: algorithmNames[a] }));
