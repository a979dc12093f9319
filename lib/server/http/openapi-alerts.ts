import type { z } from "zod";
import { AlertListQuery, CreateAlertRuleInput, CreateSilenceInput, SilenceListQuery, UpdateAlertRuleInput } from "@/lib/schemas/alerts";

type Ref = (description: string) => object;
type Param = { name: string; in: string; required: boolean; schema: object };

interface Helpers {
  ok: Ref;
  problem: Ref;
  jsonBody: (ref: string) => object;
  idParam: () => Param;
  collection: (tag: string, create: string, parameters?: Param[]) => object;
  item: (tag: string, update: string) => object;
}

const queryParams = (shape: Record<string, unknown>) => Object.keys(shape).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } }));

/** The alerting routes of the OpenAPI document: rules, alerts (with remediation), silences. */
export function alertsPaths({ ok, problem, jsonBody, idParam, collection, item }: Helpers) {
  return {
    "/api/v1/alert-rules": collection("alert-rules", "CreateAlertRuleInput", [
      ...queryParams({ limit: 0, cursor: 0, q: 0, sort: 0 }),
      { name: "enabled", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
      { name: "severity", in: "query", required: false, schema: { type: "string", enum: ["info", "warning", "critical"] } },
    ]),
    "/api/v1/alert-rules/{id}": item("alert-rules", "UpdateAlertRuleInput"),
    "/api/v1/alerts": {
      get: {
        tags: ["alerts"],
        summary: "Alert episodes, newest first; state takes one or several (pending,firing)",
        parameters: queryParams(AlertListQuery.shape),
        responses: { 200: ok("{ items, nextCursor }"), 401: problem("No credentials"), 422: problem("Bad query") },
      },
    },
    "/api/v1/alerts/{id}": {
      get: { tags: ["alerts"], summary: "One alert with its history (events, oldest first)", parameters: [idParam()], responses: { 200: ok("The alert"), 404: problem("Not found") } },
    },
    "/api/v1/alerts/{id}/remediate": {
      post: {
        tags: ["alerts"],
        summary: "Carry out the rule's remediation (scale, drain, eject), audited with cause alert:<id>: { alert, action, summary }",
        parameters: [idParam()],
        responses: {
          200: ok("Done"),
          401: problem("No credentials"),
          403: problem("Operators only"),
          404: problem("Not found"),
          409: problem("Not firing, already remediated, no remediation, or the change is refused (an autoscaler's range)"),
          422: problem("The change is invalid for its target"),
        },
      },
    },
    "/api/v1/silences": {
      get: { tags: ["silences"], summary: "Silences, newest first", parameters: queryParams(SilenceListQuery.shape), responses: { 200: ok("{ items, nextCursor }"), 401: problem("No credentials") } },
      post: {
        tags: ["silences"],
        summary: "Mute notifications of alerts whose labels match every matcher, from startsAt (default now) until endsAt",
        requestBody: jsonBody("CreateSilenceInput"),
        responses: { 201: ok("Created"), 401: problem("No credentials"), 403: problem("Operators only"), 422: problem("Invalid fields") },
      },
    },
    "/api/v1/silences/{id}": {
      delete: { tags: ["silences"], summary: "Expire the silence now", parameters: [idParam()], responses: { 204: { description: "Expired" }, 403: problem("Operators only"), 404: problem("Not found") } },
    },
  };
}

export const alertsSchemas = (schema: (s: z.ZodType) => object) => ({
  CreateAlertRuleInput: schema(CreateAlertRuleInput),
  UpdateAlertRuleInput: schema(UpdateAlertRuleInput),
  CreateSilenceInput: schema(CreateSilenceInput),
});
