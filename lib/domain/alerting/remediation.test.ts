import { describe, expect, test } from "vitest";
import { describeRemediation, parseHostPort, resolveRemediation, scaledReplicas } from "./remediation";
import type { Remediation } from "./types";

const labels = { alertname: "x", pool: "web", backend: "127.0.0.1:40123", node: "node-a1" };
const id = "0192c5f0-0000-7000-8000-000000000001";

describe("resolveRemediation", () => {
  test.each<[string, Remediation, unknown]>([
    ["scale by", { action: "scale", resourceId: id, by: 2 }, { action: "scale", resourceId: id, change: { by: 2 } }],
    ["scale to", { action: "scale", resourceId: id, to: 5 }, { action: "scale", resourceId: id, change: { to: 5 } }],
    ["scale by default +1", { action: "scale", resourceId: id }, { action: "scale", resourceId: id, change: { by: 1 } }],
    ["drain a fixed node", { action: "drain", nodeName: "node-b1" }, { action: "drain", nodeName: "node-b1" }],
    ["drain the node the alert names", { action: "drain", nodeFromLabel: "node" }, { action: "drain", nodeName: "node-a1" }],
    ["drain from the default node label", { action: "drain" }, { action: "drain", nodeName: "node-a1" }],
    ["eject a fixed backend", { action: "eject", backendId: id }, { action: "eject", backend: { id } }],
    ["eject the backend the alert names", { action: "eject", backendFromLabel: "backend" }, { action: "eject", backend: { pool: "web", address: "127.0.0.1", port: 40123 } }],
  ])("%s", (_, remediation, target) => {
    expect(resolveRemediation(remediation, labels)).toEqual({ ok: true, target });
  });

  test.each<[string, Remediation, Record<string, string>, string]>([
    ["a missing node label", { action: "drain", nodeFromLabel: "host" }, labels, 'the alert has no "host" label to take the target from'],
    ["a missing backend label", { action: "eject" }, { pool: "web" }, 'the alert has no "backend" label to take the target from'],
    ["a missing pool label", { action: "eject", poolFromLabel: "lb" }, labels, 'the alert has no "lb" label to take the target from'],
    ["a backend label that is no address:port", { action: "eject" }, { ...labels, backend: "web-1" }, 'the backend label "web-1" is not address:port'],
  ])("refuses %s", (_, remediation, alertLabels, reason) => {
    expect(resolveRemediation(remediation, alertLabels)).toEqual({ ok: false, reason });
  });
});

test.each([
  ["127.0.0.1:8080", { address: "127.0.0.1", port: 8080 }],
  ["[::1]:8080", { address: "::1", port: 8080 }],
  ["web.internal:80", { address: "web.internal", port: 80 }],
  ["127.0.0.1:0", null],
  ["127.0.0.1:70000", null],
  ["127.0.0.1", null],
])("parseHostPort(%s)", (text, expected) => {
  expect(parseHostPort(text)).toEqual(expected);
});

describe("scaledReplicas", () => {
  const autoscaler = { min: 2, max: 5, source: "autoscaler web-cpu" };
  test("adds, or sets, within every bound", () => {
    expect(scaledReplicas(3, { by: 1 }, [autoscaler])).toEqual({ ok: true, replicas: 4 });
    expect(scaledReplicas(3, { to: 2 }, [autoscaler])).toEqual({ ok: true, replicas: 2 });
    expect(scaledReplicas(3, { by: -3 }, [])).toEqual({ ok: true, replicas: 0 });
  });
  test("refuses to leave an autoscaler's range", () => {
    expect(scaledReplicas(5, { by: 1 }, [autoscaler])).toEqual({ ok: false, reason: "6 replicas is outside autoscaler web-cpu's range 2–5" });
    expect(scaledReplicas(2, { to: 1 }, [autoscaler])).toEqual({ ok: false, reason: "1 replicas is outside autoscaler web-cpu's range 2–5" });
  });
});

test.each<[Parameters<typeof describeRemediation>[0], { resource?: string }, string]>([
  [{ action: "scale", resourceId: id, change: { by: 1 } }, { resource: "web" }, "Scale web +1"],
  [{ action: "scale", resourceId: id, change: { by: -2 } }, {}, "Scale the workload -2"],
  [{ action: "scale", resourceId: id, change: { to: 4 } }, { resource: "web" }, "Scale web to 4"],
  [{ action: "drain", nodeName: "node-a1" }, {}, "Drain node-a1"],
  [{ action: "eject", backend: { id } }, {}, "Eject the backend"],
  [{ action: "eject", backend: { pool: "web", address: "127.0.0.1", port: 1 } }, {}, "Eject 127.0.0.1:1 from web"],
])("describeRemediation → %s", (target, names, text) => {
  expect(describeRemediation(target, names)).toBe(text);
});
