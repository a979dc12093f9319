import { describe, expect, test } from "vitest";
import { createBalancer } from "./create-balancer";
import { seededRng } from "../random";
import type { Balancer, BackendView } from "./types";

const backend = (id: string): BackendView => ({ id, address: "10.0.0.1", port: 80, weight: 1, maxConnections: 100, health: "healthy" });
const rng = seededRng(3);
const pickIds = (b: Balancer, n: number) => Array.from({ length: n }, () => b.pick({ now: 0, rng }).backend?.id ?? "-").join(",");

describe("round_robin: a FIFO rotation that stays fair when the set changes", () => {
  test.each<[string, (b: Balancer) => void, string]>([
    ["plain rotation (seed stub always picked index 0)", () => {}, "a,b,c,a,b,c"],
    ["a backend turning unhealthy is skipped, the others keep their turn", (b) => b.setHealth("b", "unhealthy"), "a,c,a,c,a,c"],
    [
      "a backend coming back joins the end of the round instead of restarting at index 0",
      (b) => {
        b.setHealth("a", "unhealthy");
        pickIds(b, 1); // b
        b.setHealth("a", "healthy");
      },
      "c,b,a,c,b,a",
    ],
    [
      "a removed backend does not reset the rotation",
      (b) => {
        pickIds(b, 1); // a
        b.setBackends([backend("a"), backend("c")], 0);
      },
      "c,a,c,a,c,a",
    ],
    [
      "a new backend joins the tail",
      (b) => {
        pickIds(b, 1); // a
        b.setBackends([backend("a"), backend("b"), backend("c"), backend("d")], 0);
      },
      "b,c,a,d,b,c",
    ],
    [
      "weights are ignored, and a weight edit does not cost a backend its turn",
      (b) => b.setBackends([{ ...backend("a"), weight: 9 }, backend("b"), backend("c")], 0),
      "a,b,c,a,b,c",
    ],
  ])("%s", (_name, setup, expected) => {
    const balancer = createBalancer("round_robin");
    balancer.setBackends([backend("a"), backend("b"), backend("c")], 0);
    setup(balancer);
    expect(pickIds(balancer, 6)).toBe(expected);
  });

  test("the last eligible backend leaving empties the rotation; it restarts when one returns", () => {
    const balancer = createBalancer("round_robin");
    balancer.setBackends([backend("a")], 0);
    balancer.setHealth("a", "unhealthy");
    expect(balancer.pick({ now: 0, rng }).backend).toBeNull();
    balancer.setHealth("a", "healthy");
    expect(pickIds(balancer, 2)).toBe("a,a");
  });
});
