import { z } from "zod";
import { DemoLoadInput } from "@/lib/schemas/demo-load";
import { HealthHistoryQuery } from "@/lib/schemas/health-history";
import { CreateApiTokenInput } from "@/lib/schemas/api-token";
import { CreateUserInput, SignInInput, UpdateUserInput } from "@/lib/schemas/user";
import { CreateAutoscalerInput, ScaleDecisionQuery, UpdateAutoscalerInput } from "@/lib/schemas/autoscaler";
import { ListQuery } from "@/lib/schemas/list";
import { CreateNodeInput, SetNodeAgentInput, UpdateNodeInput } from "@/lib/schemas/node";
import { CreatePodInput, UpdatePodInput } from "@/lib/schemas/pod";
import { CreateBackendInput, CreatePoolInput, UpdateBackendInput, UpdatePoolInput } from "@/lib/schemas/pool";
import { CreateResourceInput, UpdateResourceInput } from "@/lib/schemas/resource";
import { logsPaths } from "./openapi-logs";
import { alertsPaths, alertsSchemas } from "./openapi-alerts";
import { metricsPaths, metricsSchemas } from "./openapi-metrics";
import { tracesPaths } from "./openapi-traces";

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
const schema = (s: z.ZodType, io: "input" | "output" = "input") => z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" });

const Problem = {
  type: "object",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
  },
};

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
const jsonBody = (ref: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

const listParameters = Object.keys(ListQuery.shape).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } }));
const idParam = (name = "id") => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const ifMatch = { name: "If-Match", in: "header", required: false, schema: { type: "string" }, description: 'The version you read, e.g. "3"' };

function collection(tag: string, create: string, parameters: Array<{ name: string; in: string; required: boolean; schema: object }> = listParameters) {
  return {
    get: { tags: [tag], summary: `List ${tag}`, parameters, responses: { 200: ok("{ items, nextCursor }"), 401: problem("No credentials"), 422: problem("Bad query") } },
    post: {
      tags: [tag],
      summary: `Create a ${tag.replace(/s$/, "")}`,
      requestBody: jsonBody(create),
      responses: { 201: ok("Created"), 400: problem("Malformed JSON"), 401: problem("No credentials"), 403: problem("Role too low"), 409: problem("Conflict or quota exceeded"), 422: problem("Invalid fields") },
    },
  };
}

function item(tag: string, update: string, params = [idParam()]) {
  return {
    get: { tags: [tag], parameters: params, responses: { 200: ok("The object"), 404: problem("Not found") } },
    patch: {
      tags: [tag],
      parameters: [...params, ifMatch],
      requestBody: jsonBody(update),
      responses: { 200: ok("Updated"), 400: problem("Malformed JSON"), 404: problem("Not found"), 409: problem("Stale version"), 422: problem("Invalid fields") },
    },
    delete: { tags: [tag], parameters: [...params, ifMatch], responses: { 204: { description: "Deleted" }, 404: problem("Not found"), 409: problem("Stale version") } },
  };
}

const accepted = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

/** An operator action the worker carries out on its next pass: 202 with the object as recorded. */
function operation(tag: string, summary: string, body?: string) {
  return {
    post: {
      tags: [tag],
      summary,
      parameters: [idParam()],
      ...(body ? { requestBody: jsonBody(body) } : {}),
      responses: {
        202: accepted("Accepted: the object with the request recorded"),
        401: problem("No credentials"),
        403: problem("Role too low"),
        404: problem("Not found"),
        409: problem("Nothing to act on"),
        ...(body ? { 422: problem("Invalid fields") } : {}),
      },
    },
  };
}

const decisionParameters = Object.keys(ScaleDecisionQuery.shape).map((name) => ({
  name,
  in: "query",
  required: false,
  schema:
    name === "from" || name === "to"
      ? { type: "string", format: "date-time" }
      : name === "step"
        ? { type: "integer", minimum: 1, maximum: 86_400, description: "Seconds: at most one decision per step (a scaling one when the step has any)" }
        : { type: "integer", minimum: 1, maximum: 500, default: 100 },
}));

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Stratus API", version: "1.0.0", description: "Manage resources, nodes, pods, load-balancer pools and autoscalers." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/resources": collection("resources", "CreateResourceInput"),
      "/api/v1/resources/{id}": item("resources", "UpdateResourceInput"),
      "/api/v1/nodes": collection("nodes", "CreateNodeInput"),
      "/api/v1/nodes/{id}": item("nodes", "UpdateNodeInput"),
      "/api/v1/nodes/{id}/agent": operation("nodes", "Stop (simulated machine failure) or start the node agent", "SetNodeAgentInput"),
      "/api/v1/pods": collection("pods", "CreatePodInput"),
      "/api/v1/pods/{id}": item("pods", "UpdatePodInput"),
      "/api/v1/pods/{id}/kill": operation("pods", "Kill the pod's process (a simulated crash)"),
      "/api/v1/pools": collection("pools", "CreatePoolInput"),
      "/api/v1/pools/{id}": item("pools", "UpdatePoolInput"),
      "/api/v1/pools/{id}/backends": {
        ...collection("backends", "CreateBackendInput"),
        parameters: [idParam()],
      },
      "/api/v1/pools/{id}/backends/{backendId}": item("backends", "UpdateBackendInput", [idParam(), idParam("backendId")]),
      "/api/v1/pools/{id}/backends/{backendId}/health-history": {
        get: {
          tags: ["backends"],
          summary: "The backend's health transitions (from, to, reason, detail, at), newest first",
          parameters: [idParam(), idParam("backendId"), ...Object.keys(HealthHistoryQuery.shape).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } }))],
          responses: { 200: ok("{ items, nextCursor }"), 401: problem("No credentials"), 404: problem("Not found"), 422: problem("Bad query") },
        },
      },
      // Autoscalers carry no labels: no selector; they filter by targetId and enabled.
      "/api/v1/autoscalers": collection("autoscalers", "CreateAutoscalerInput", [
        ...listParameters.filter((p) => p.name !== "selector"),
        { name: "targetId", in: "query", required: false, schema: { type: "string", format: "uuid" } },
        { name: "enabled", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
      ]),
      "/api/v1/autoscalers/{id}": item("autoscalers", "UpdateAutoscalerInput"),
      "/api/v1/autoscalers/{id}/decisions": {
        get: {
          tags: ["autoscalers"],
          summary: "The autoscaler's decisions with their explanations, newest first",
          parameters: [idParam(), ...decisionParameters],
          responses: { 200: ok("{ items }"), 401: problem("No credentials"), 404: problem("Not found"), 422: problem("Bad query") },
        },
      },
      "/api/v1/pools/{id}/stats": {
        get: {
          tags: ["pools"],
          summary: "The data plane's counters: {totalRequests, successfulRequests, failedRequests, averageResponseTimeMs, activeConnections, backends}",
          parameters: [idParam()],
          responses: { 200: ok("Pool stats"), 401: problem("No credentials"), 404: problem("Not found") },
        },
      },
      "/api/v1/engine": {
        get: { tags: ["engine"], summary: "Leader (lease holder, fencing epoch) and each loop's last pass", responses: { 200: ok("Engine status"), 401: problem("No credentials") } },
      },
      "/api/v1/engine/tick": {
        post: {
          tags: ["engine"],
          summary: "Run one pass of the control loops, metrics, log retention and alert rules under the lease (admin; for deployments without a worker)",
          responses: { 200: ok("{ leader, holder, epoch, loops }"), 401: problem("No credentials"), 403: problem("Admins only") },
        },
      },
      "/api/v1/demo/load": {
        get: { tags: ["engine"], summary: "The demo load generator's settings", responses: { 200: ok("DemoLoadInput") } },
        put: { tags: ["engine"], summary: "Turn the simulated demo traffic on or off", requestBody: jsonBody("DemoLoadInput"), responses: { 200: ok("DemoLoadInput"), 422: problem("Invalid fields") } },
      },
      ...accessPaths(),
      ...metricsPaths({ ok, problem }),
      ...alertsPaths({ ok, problem, jsonBody, idParam, collection, item }),
      ...logsPaths({ ok, problem }),
      ...tracesPaths({ ok, problem }),
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem,
        ...metricsSchemas(schema),
        ...alertsSchemas(schema),
        DemoLoadInput: schema(DemoLoadInput),
        SignInInput: schema(SignInInput),
        CreateUserInput: schema(CreateUserInput),
        UpdateUserInput: schema(UpdateUserInput),
        CreateApiTokenInput: schema(CreateApiTokenInput),
        CreateResourceInput: schema(CreateResourceInput),
        UpdateResourceInput: schema(UpdateResourceInput),
        CreateNodeInput: schema(CreateNodeInput),
        UpdateNodeInput: schema(UpdateNodeInput),
        CreatePodInput: schema(CreatePodInput),
        UpdatePodInput: schema(UpdatePodInput),
        CreatePoolInput: schema(CreatePoolInput),
        UpdatePoolInput: schema(UpdatePoolInput),
        CreateBackendInput: schema(CreateBackendInput),
        UpdateBackendInput: schema(UpdateBackendInput),
        SetNodeAgentInput: schema(SetNodeAgentInput),
        CreateAutoscalerInput: schema(CreateAutoscalerInput),
        UpdateAutoscalerInput: schema(UpdateAutoscalerInput),
      },
    },
  };
}

/** Sign-in, users (admins), API tokens and the audit trail. */
function accessPaths() {
  const denied = { 401: problem("No credentials"), 403: problem("Role too low") };
  const auditParameters = ["actor", "objectType", "objectId", "verb", "outcome", "from", "to", "cursor", "limit"].map((name) => ({
    name,
    in: "query",
    required: false,
    schema: { type: "string" },
  }));
  return {
    "/api/v1/session": {
      get: { tags: ["session"], summary: "Who is calling", responses: { 200: ok("{ kind, id, name, role }"), 401: problem("No credentials") } },
      post: {
        tags: ["session"],
        summary: "Sign in: sets the HttpOnly session cookie",
        security: [],
        requestBody: jsonBody("SignInInput"),
        responses: { 200: ok("{ kind, id, name, role }"), 401: problem("Email or password is incorrect"), 429: problem("Too many failed sign-ins (Retry-After)") },
      },
      delete: { tags: ["session"], summary: "Sign out (idempotent)", security: [], responses: { 204: { description: "Signed out" } } },
    },
    "/api/v1/users": {
      get: { tags: ["users"], summary: "List users (admin)", responses: { 200: ok("{ items }"), ...denied } },
      post: { tags: ["users"], summary: "Create a user (admin)", requestBody: jsonBody("CreateUserInput"), responses: { 201: ok("Created"), ...denied, 409: problem("Email taken"), 422: problem("Invalid fields") } },
    },
    "/api/v1/users/{id}": {
      get: { tags: ["users"], parameters: [idParam()], responses: { 200: ok("The user"), ...denied, 404: problem("Not found") } },
      patch: {
        tags: ["users"],
        summary: "Change name, role, password or disabled (disabling ends their sessions)",
        parameters: [idParam()],
        requestBody: jsonBody("UpdateUserInput"),
        responses: { 200: ok("Updated"), ...denied, 404: problem("Not found"), 409: problem("Would leave no enabled admin"), 422: problem("Invalid fields") },
      },
    },
    "/api/v1/tokens": {
      get: { tags: ["tokens"], summary: "Your tokens (an admin's: all)", responses: { 200: ok("{ items }"), 401: problem("No credentials") } },
      post: {
        tags: ["tokens"],
        summary: "Create a token with a role up to yours; the answer's `secret` is shown once",
        requestBody: jsonBody("CreateApiTokenInput"),
        responses: { 201: ok("Created, with secret"), ...denied, 422: problem("Invalid fields") },
      },
    },
    "/api/v1/tokens/{id}": {
      delete: { tags: ["tokens"], summary: "Revoke (its creator or an admin)", parameters: [idParam()], responses: { 204: { description: "Revoked" }, ...denied, 404: problem("Not found") } },
    },
    "/api/v1/audit": {
      get: { tags: ["audit"], summary: "The audit trail, newest first", parameters: auditParameters, responses: { 200: ok("{ items, nextCursor }"), 401: problem("No credentials"), 422: problem("Bad query") } },
    },
  };
}
