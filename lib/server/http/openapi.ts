import { z } from "zod";
import { ListQuery } from "@/lib/schemas/list";
import { CreateNodeInput, UpdateNodeInput } from "@/lib/schemas/node";
import { CreatePodInput, UpdatePodInput } from "@/lib/schemas/pod";
import { CreateBackendInput, CreatePoolInput, UpdateBackendInput, UpdatePoolInput } from "@/lib/schemas/pool";
import { CreateResourceInput, UpdateResourceInput } from "@/lib/schemas/resource";

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

function collection(tag: string, create: string) {
  return {
    get: { tags: [tag], summary: `List ${tag}`, parameters: listParameters, responses: { 200: ok("{ items, nextCursor }"), 401: problem("No credentials"), 422: problem("Bad query") } },
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

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Stratus API", version: "1.0.0", description: "Manage resources, nodes, pods and load-balancer pools." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/resources": collection("resources", "CreateResourceInput"),
      "/api/v1/resources/{id}": item("resources", "UpdateResourceInput"),
      "/api/v1/nodes": collection("nodes", "CreateNodeInput"),
      "/api/v1/nodes/{id}": item("nodes", "UpdateNodeInput"),
      "/api/v1/pods": collection("pods", "CreatePodInput"),
      "/api/v1/pods/{id}": item("pods", "UpdatePodInput"),
      "/api/v1/pools": collection("pools", "CreatePoolInput"),
      "/api/v1/pools/{id}": item("pools", "UpdatePoolInput"),
      "/api/v1/pools/{id}/backends": {
        ...collection("backends", "CreateBackendInput"),
        parameters: [idParam()],
      },
      "/api/v1/pools/{id}/backends/{backendId}": item("backends", "UpdateBackendInput", [idParam(), idParam("backendId")]),
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem,
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
      },
    },
  };
}
