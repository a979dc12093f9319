import { expect, test } from "vitest";
import { createBalancer } from "../domain/balancing";
import { newBackendEntry, toBackendView } from "./backend-entry";

const config = (id: string, disabled?: boolean) => ({ id, address: "127.0.0.1", port: 8080, weight: 1, maxConnections: 10, health: "healthy" as const, disabled });

test("a backend taken out of rotation reaches the balancer as disabled, and is never picked", () => {
  const views = [toBackendView(newBackendEntry(config("on"), "healthy")), toBackendView(newBackendEntry(config("off", true), "healthy"))];
  expect(views.map((v) => v.disabled)).toEqual([false, true]);
  const balancer = createBalancer("round_robin");
  balancer.setBackends(views, 0);
  for (let i = 0; i < 10; i++) expect(balancer.pick({ now: 0, rng: () => 0.5 }).backend?.id).toBe("on");
});
