import { describe, expect, test } from "vitest";
import { CreateAlertRuleInput } from "@/lib/schemas/alerts";
import { alertRuleInputFromForm, remediationErrorField, remediationFormValues, remediationFromForm } from "./alert-rule-form";
import { formDataToObject } from "./form-data";

const id = "0192c5f0-0000-7000-8000-000000000001";

describe("remediationFromForm", () => {
  test.each([
    ["none", { action: "" }, null],
    ["absent", undefined, null],
    ["scale by", { action: "scale", resourceId: id, mode: "by", amount: 2 }, { action: "scale", resourceId: id, by: 2 }],
    ["scale to", { action: "scale", resourceId: id, mode: "to", amount: 4 }, { action: "scale", resourceId: id, to: 4 }],
    ["scale without a target or amount (the schema names them)", { action: "scale", resourceId: " ", mode: "by" }, { action: "scale" }],
    ["drain a node", { action: "drain", target: "fixed", nodeName: "node-a1", nodeFromLabel: "node" }, { action: "drain", nodeName: "node-a1" }],
    ["drain from a label", { action: "drain", target: "label", nodeName: "", nodeFromLabel: "node" }, { action: "drain", nodeFromLabel: "node" }],
    ["eject a backend", { action: "eject", target: "fixed", backendId: id }, { action: "eject", backendId: id }],
    ["eject from labels", { action: "eject", target: "label", backendFromLabel: "backend", poolFromLabel: "pool" }, { action: "eject", backendFromLabel: "backend", poolFromLabel: "pool" }],
    ["an unknown action", { action: "reboot" }, { action: "reboot" }],
  ])("%s", (_, fields, expected) => {
    expect(remediationFromForm(fields)).toEqual(expected);
  });
});

test("stored remediations round-trip through the form's values", () => {
  for (const remediation of [
    { action: "scale" as const, resourceId: id, by: 1 },
    { action: "scale" as const, resourceId: id, to: 5 },
    { action: "drain" as const, nodeName: "node-b1" },
    { action: "drain" as const, nodeFromLabel: "host" },
    { action: "eject" as const, backendId: id },
    { action: "eject" as const, backendFromLabel: "backend", poolFromLabel: "lb" },
  ]) {
    expect(remediationFromForm(remediationFormValues(remediation))).toEqual(remediation);
  }
  expect(remediationFormValues(null)).toMatchObject({ action: "", mode: "by", amount: 1, target: "fixed", nodeFromLabel: "node", backendFromLabel: "backend", poolFromLabel: "pool" });
});

test.each([
  ["remediation.by", "amount"],
  ["remediation.to", "amount"],
  ["remediation.resourceId", "resourceId"],
  ["remediation.backendFromLabel", "backendFromLabel"],
  ["remediation", "action"],
  ["remediation.other", "action"],
  ["threshold", null],
])("the error at %s shows under %s", (path, field) => {
  expect(remediationErrorField(path)).toBe(field);
});

test("a filled-in form parses as a valid rule", () => {
  const form: Array<[string, string]> = [
    ["name", "web-latency"],
    ["description:nullable", ""],
    ["metric", "stratus_pool_request_duration_ms"],
    ["matchers:lines", "pool=web"],
    ["aggregation", "p95"],
    ["windowSeconds:number", "60"],
    ["operator", "gt"],
    ["threshold:number", "300"],
    ["forSeconds:number", "60"],
    ["severity", "warning"],
    ["labels:lines", ""],
    ["groupBy:list", "pool"],
    ["webhookUrl:nullable", ""],
    ["enabled:bool", "false"],
    ["enabled:bool", "on"],
    ["remediation.action", "scale"],
    ["remediation.resourceId", id],
    ["remediation.mode", "by"],
    ["remediation.amount:number", "1"],
  ];
  const parsed = CreateAlertRuleInput.parse(alertRuleInputFromForm(formDataToObject(form)));
  expect(parsed).toMatchObject({ matchers: { pool: "web" }, groupBy: ["pool"], description: null, webhookUrl: null, enabled: true, remediation: { action: "scale", resourceId: id, by: 1 } });
});
