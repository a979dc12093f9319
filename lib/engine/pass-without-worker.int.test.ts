import { beforeEach, expect, test } from "vitest";
import { systemPrincipal } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createAlertRule } from "@/lib/server/dal/alert-rules";
import { recordSamples } from "@/lib/server/dal/metrics";
import { resetDatabase } from "@/lib/testing/database";
import { acquireLease } from "./lease";
import { passWithoutWorker } from "./pass-without-worker";

const system = { principal: systemPrincipal };

beforeEach(resetDatabase);

test("a pass without a worker evaluates alert rules: a breached rule with no hold time fires", async () => {
  await createAlertRule({ ctx: system, input: { name: "hot", metric: "it_tick_temp", aggregation: "max", windowSeconds: 60, operator: "gt", threshold: 80, groupBy: [], forSeconds: 0 } });
  const now = Date.now();
  await recordSamples({ ctx: system, samples: [10, 5].map((ago) => ({ name: "it_tick_temp", kind: "gauge" as const, labels: {}, at: now - ago * 1000, value: 95 })) });

  const report = await passWithoutWorker("cron-test");

  expect(report.leader).toBe(true);
  expect(report.loops.map((l) => l.name)).toEqual(expect.arrayContaining(["scheduler", "metrics", "logs", "alerts"]));
  expect(report.loops.every((l) => l.error === null)).toBe(true);
  expect(await db.alert.findMany({ select: { state: true, value: true } })).toEqual([{ state: "firing", value: 95 }]);
});

test("while a worker leads, the pass runs nothing", async () => {
  await acquireLease("worker-1", 60_000);
  const report = await passWithoutWorker("cron-test");
  expect(report).toMatchObject({ leader: false, loops: [] });
});
