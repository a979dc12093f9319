import { expect, test } from "vitest";
import { openApiDocument } from "./openapi";

test("the OpenAPI document is 3.1, lists every v1 collection and resolves every $ref", () => {
  const doc = openApiDocument();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      "/api/v1/resources",
      "/api/v1/nodes",
      "/api/v1/pods",
      "/api/v1/pools",
      "/api/v1/pools/{id}/backends",
      "/api/v1/autoscalers",
      "/api/v1/autoscalers/{id}/decisions",
      "/api/v1/pods/{id}/kill",
      "/api/v1/nodes/{id}/agent",
      "/api/v1/metrics",
      "/api/v1/metrics/query",
      "/v1/metrics",
      "/v1/logs",
      "/api/v1/logs",
      "/api/v1/logs/download",
      "/v1/traces",
      "/api/v1/traces",
      "/api/v1/traces/{traceId}",
    ]),
  );
  const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
  for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  const create = doc.components.schemas.CreateResourceInput as { oneOf?: unknown[]; anyOf?: unknown[] };
  expect((create.oneOf ?? create.anyOf)?.length).toBe(5);
});

test("an autoscaler policy is one of the two modes", () => {
  const create = openApiDocument().components.schemas.CreateAutoscalerInput as unknown as { properties: { policy: { oneOf?: unknown[]; anyOf?: unknown[] } } };
  expect((create.properties.policy.oneOf ?? create.properties.policy.anyOf)?.length).toBe(2);
});
