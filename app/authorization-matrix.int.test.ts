/**
 * The authorization matrix: every REST route and every server action, called as each kind of caller, answers
 * exactly as its row says (401 without valid credentials, 403 below the role it needs, 2xx otherwise), and every
 * refusal leaves an audit row.
 *
 * Routes are discovered by globbing app/api/**\/route.ts (each exported HTTP method), actions by finding every
 * module under app/ that starts with "use server" (each export). A route or action without a row here fails the
 * test, as does a row for something that no longer exists: add the row when you add the endpoint.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { roleAllows, type Permission, type Role } from "@/lib/auth/roles";
import { idleState, type FormState } from "@/lib/forms/form-state";
import { DEFAULT_DEMO_LOAD } from "@/lib/schemas/demo-load";
import { systemPrincipal, type Ctx } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/dal/api-tokens";
import { createAlertRule } from "@/lib/server/dal/alert-rules";
import { createAutoscaler } from "@/lib/server/dal/autoscalers";
import { createBackend } from "@/lib/server/dal/backends";
import { createNode } from "@/lib/server/dal/nodes";
import { createPod } from "@/lib/server/dal/pods";
import { createPool } from "@/lib/server/dal/pools";
import { createResource } from "@/lib/server/dal/resources";
import { createSilence } from "@/lib/server/dal/silences";
import { recordSpans } from "@/lib/server/dal/traces";
import type { User } from "@/lib/server/dal/users";
import { httpStatusOf, type ErrorCode } from "@/lib/server/errors";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser, signInCookie, TEST_PASSWORD } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";

// Server actions read the request through next/headers: each call below sets the headers its caller would send.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

const root = path.resolve(import.meta.dirname, "..");
const system: Ctx = { principal: systemPrincipal };

// ─── Discovery ──────────────────────────────────────────────────────────────────────────────────────────────────

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === "node_modules" || e.name.startsWith(".") ? [] : walk(full)) : [full];
  });
}
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

const routeFiles = walk(path.join(root, "app/api")).filter((f) => f.endsWith(`${path.sep}route.ts`));
/** `app/api/v1/pools/[id]/route.ts` → `/api/v1/pools/[id]` */
const routePath = (file: string) => `/${rel(file).replace(/^app\//, "").replace(/\/route\.ts$/, "")}`;

const topLevelUseServer = (source: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
const sourceFiles = walk(path.join(root, "app")).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"));
const actionFiles = sourceFiles.filter((f) => topLevelUseServer(readFileSync(f, "utf8")));

// ─── Callers ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Caller {
  name: string;
  /** The role it acts with, or null when its credentials are missing, expired or revoked. */
  role: Role | null;
  /** Headers it sends; `fresh` asks for a session of its own (for calls that end the caller's session). */
  headers: (fresh?: boolean) => Promise<Record<string, string>>;
}

const users = {} as Record<Role, User>;
const ORIGIN = { origin: "http://localhost" }; // browsers send it; cookie-borne changes need it to match
let routeCallers: Caller[] = [];
let actionCallers: Caller[] = [];

async function setUpCallers() {
  for (const role of ["viewer", "operator", "admin"] as const) users[role] = await createTestUser(role);
  const cookies = {} as Record<Role, string>;
  const tokens = {} as Record<Role, string>;
  for (const role of ["viewer", "operator", "admin"] as const) {
    cookies[role] = await signInCookie(users[role].email);
    tokens[role] = await createTestToken(users[role], role);
  }
  const expiredToken = await createTestToken(users.admin, "admin", "expired");
  const revokedToken = await createTestToken(users.admin, "admin", "revoked");
  const expiredSession = await signInCookie(users.admin.email);
  await db.session.updateMany({ where: { token: { in: (await db.session.findMany()).slice(-1).map((s) => s.token) } }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const idleSession = await signInCookie(users.admin.email);
  await db.session.updateMany({ where: { token: (await db.session.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0]!.token }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
  const signedOut = await signInCookie(users.admin.email);
  const { DELETE: signOut } = await import("@/app/api/v1/session/route");
  await call(signOut, "DELETE", "/api/v1/session", { token: null, headers: { cookie: signedOut, ...ORIGIN } });

  const session = (role: Role): Caller => ({
    name: `${role} (session)`,
    role,
    headers: async (fresh) => ({ cookie: fresh ? await signInCookie(users[role].email) : cookies[role], ...ORIGIN }),
  });
  const bearer = (name: string, role: Role | null, secret: string): Caller => ({ name, role, headers: async () => ({ authorization: `Bearer ${secret}` }) });
  const dead = (name: string, cookie: string): Caller => ({ name, role: null, headers: async () => ({ cookie, ...ORIGIN }) });
  const anonymous: Caller = { name: "anonymous", role: null, headers: async () => ({}) };

  routeCallers = [
    anonymous,
    session("viewer"),
    session("operator"),
    session("admin"),
    bearer("viewer (token)", "viewer", tokens.viewer),
    bearer("operator (token)", "operator", tokens.operator),
    bearer("admin (token)", "admin", tokens.admin),
    bearer("expired token", null, expiredToken),
    bearer("revoked token", null, revokedToken),
    dead("expired session", expiredSession),
    dead("idle session", idleSession),
    dead("signed-out session", signedOut),
  ];
  // Server actions take the console's session only: a bearer token, even a valid admin one, is no session.
  actionCallers = [
    anonymous,
    session("viewer"),
    session("operator"),
    session("admin"),
    bearer("admin token (not a session)", null, tokens.admin),
    bearer("expired token", null, expiredToken),
    bearer("revoked token", null, revokedToken),
    dead("expired session", expiredSession),
    dead("idle session", idleSession),
    dead("signed-out session", signedOut),
  ];
}

// ─── Fixtures: a fresh object per call, so deletes and updates never depend on each other ─────────────────────────

let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;
const makeResource = () => createResource({ ctx: system, input: { name: uniq("res"), kind: "storage", spec: { sizeGiB: 1, class: "ssd" } } });
const makeNode = () => createNode({ ctx: system, input: { name: uniq("node"), capacity: { cpuMillis: 1000, memoryMiB: 1024, pods: 10 } } });
const podInput = () => ({ name: uniq("pod"), requests: { cpuMillis: 10, memoryMiB: 16 }, containers: [{ name: "app", image: "stratus/demo-http" }] });
const makePod = () => createPod({ ctx: system, input: podInput() });
/** A pod the runtime reports running (a process to kill). */
const makeRunningPod = async () => {
  const pod = await makePod();
  await db.pod.update({ where: { id: pod.id }, data: { phase: "running", pid: 4242 } });
  return pod;
};
const makePool = () => createPool({ ctx: system, input: { name: uniq("pool") } });
const makeBackend = async () => {
  const pool = await makePool();
  return createBackend({ ctx: system, poolId: pool.id, input: { address: "127.0.0.1", port: 20_000 + ++n } });
};
const makeUser = () => createTestUser("viewer");
/** A one-span trace; its id. */
const makeTrace = async () => {
  const traceId = (++n).toString(16).padStart(32, "0");
  const span = { traceId, spanId: "00000000000000a1", parentSpanId: null, name: "matrix", service: "matrix", kind: "server" as const, startUs: Date.now() * 1000, durationUs: 1 };
  await recordSpans({ ctx: system, spans: [{ ...span, status: "unset", statusMessage: null, attributes: {}, events: [], resource: {}, poolId: null, podName: null }] });
  return traceId;
};
const makeContainer = () =>
  createResource({ ctx: system, input: { name: uniq("app"), kind: "container", spec: { image: "stratus/demo-http", replicas: 1, resources: { cpuMillis: 100, memoryMiB: 64 } } } });
const thresholdPolicy = { mode: "threshold", minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10 };
const makeAutoscaler = async () => createAutoscaler({ ctx: system, input: { name: uniq("as"), targetId: (await makeContainer()).id, policy: thresholdPolicy } });
const makeAlertRule = () => createAlertRule({ ctx: system, input: { name: uniq("rule"), metric: "matrix_gauge", threshold: 1 } });
/** A firing alert whose rule scales a fresh workload by one: every caller allowed to remediate gets one of its own. */
const makeFiringAlert = async () => {
  const target = await makeContainer();
  const rule = await createAlertRule({ ctx: system, input: { name: uniq("rule"), metric: "matrix_gauge", threshold: 1, remediation: { action: "scale", resourceId: target.id, by: 1 } } });
  const now = new Date();
  return db.alert.create({ data: { ruleId: rule.id, fingerprint: uniq("fp"), state: "firing", severity: "warning", value: 2, summary: "matrix", activeSince: now, firedAt: now, lastEvalAt: now } });
};
const makeSilence = () => createSilence({ ctx: system, input: { matchers: [{ label: "alertname", value: uniq("rule") }], comment: "matrix", endsAt: new Date(Date.now() + 3_600_000).toISOString() } });
/** A token an admin made: others may not revoke it, an admin may. */
const makeAdminsToken = async () => {
  const u = users.admin;
  return (await createApiToken({ ctx: { principal: { kind: "user", id: u.id, name: u.name, role: "admin", userId: u.id } }, input: { name: uniq("tok"), role: "viewer", expiresInDays: 1 } })).token;
};

// ─── The matrix: routes ─────────────────────────────────────────────────────────────────────────────────────────

type Need = Permission | "public";
interface RouteRow {
  need: Need;
  ok: number;
  /** Builds the request (fresh objects); `consumesSession` gives session callers a session of their own. */
  request?: () => Promise<{ params?: Record<string, string>; body?: unknown; query?: Record<string, string> }>;
  consumesSession?: boolean;
}

const crudRows = (base: string, make: () => Promise<{ id: string; version: number }>, create: () => unknown, patch: Record<string, unknown>): Record<string, RouteRow> => ({
  [`GET ${base}`]: { need: "read", ok: 200 },
  [`POST ${base}`]: { need: "write", ok: 201, request: async () => ({ body: create() }) },
  [`GET ${base}/[id]`]: { need: "read", ok: 200, request: async () => ({ params: { id: (await make()).id } }) },
  [`PATCH ${base}/[id]`]: { need: "write", ok: 200, request: async () => ({ params: { id: (await make()).id }, body: { version: 1, ...patch } }) },
  [`DELETE ${base}/[id]`]: { need: "write", ok: 204, request: async () => ({ params: { id: (await make()).id } }) },
});

const routeRows: Record<string, RouteRow> = {
  ...crudRows("/api/v1/resources", makeResource, () => ({ name: uniq("res"), kind: "storage", spec: { sizeGiB: 1, class: "ssd" } }), { labels: { a: "b" } }),
  ...crudRows("/api/v1/nodes", makeNode, () => ({ name: uniq("node"), capacity: { cpuMillis: 1000, memoryMiB: 1024, pods: 10 } }), { unschedulable: true }),
  ...crudRows("/api/v1/pods", makePod, podInput, { labels: { a: "b" } }),
  ...crudRows("/api/v1/pools", makePool, () => ({ name: uniq("pool") }), { algorithm: "ip_hash" }),
  "GET /api/v1/pools/[id]/stats": { need: "read", ok: 200, request: async () => ({ params: { id: (await makePool()).id } }) },
  "GET /api/v1/pools/[id]/backends": { need: "read", ok: 200, request: async () => ({ params: { id: (await makePool()).id } }) },
  "POST /api/v1/pools/[id]/backends": { need: "write", ok: 201, request: async () => ({ params: { id: (await makePool()).id }, body: { address: "127.0.0.1", port: 30_000 + ++n } }) },
  ...Object.fromEntries(
    (
      [
        ["GET", "read", 200, undefined],
        ["PATCH", "write", 200, { version: 1, weight: 5 }],
        ["DELETE", "write", 204, undefined],
      ] as const
    ).map(([method, need, ok, body]) => [
      `${method} /api/v1/pools/[id]/backends/[backendId]`,
      { need, ok, request: async () => {
        const b = await makeBackend();
        return { params: { id: b.poolId, backendId: b.id }, body };
      } } satisfies RouteRow,
    ]),
  ),
  "GET /api/v1/pools/[id]/backends/[backendId]/health-history": {
    need: "read",
    ok: 200,
    request: async () => {
      const b = await makeBackend();
      return { params: { id: b.poolId, backendId: b.id } };
    },
  },
  ...crudRows("/api/v1/autoscalers", makeAutoscaler, () => ({}), { enabled: false }),
  "POST /api/v1/autoscalers": {
    need: "write",
    ok: 201,
    request: async () => ({ body: { name: uniq("as"), targetId: (await makeContainer()).id, policy: thresholdPolicy } }),
  },
  "GET /api/v1/autoscalers/[id]/decisions": { need: "read", ok: 200, request: async () => ({ params: { id: (await makeAutoscaler()).id } }) },
  "POST /api/v1/nodes/[id]/drain": { need: "write", ok: 200, request: async () => ({ params: { id: (await makeNode()).id } }) },
  "GET /api/v1/pods/[id]/placement": { need: "read", ok: 200, request: async () => ({ params: { id: (await makePod()).id } }) },
  "POST /api/v1/nodes/[id]/agent": { need: "write", ok: 202, request: async () => ({ params: { id: (await makeNode()).id }, body: { stopped: true } }) },
  "POST /api/v1/pods/[id]/kill": { need: "write", ok: 202, request: async () => ({ params: { id: (await makeRunningPod()).id } }) },
  "GET /api/v1/quota": { need: "read", ok: 200 },
  "PUT /api/v1/quota": { need: "admin", ok: 200, request: async () => ({ body: { maxInstances: 1000 } }) },
  "GET /api/v1/openapi.json": { need: "public", ok: 200 },
  "GET /api/v1/audit": { need: "read", ok: 200, request: async () => ({ query: { verb: "create" } }) },
  "GET /api/v1/users": { need: "admin", ok: 200 },
  "POST /api/v1/users": { need: "admin", ok: 201, request: async () => ({ body: { name: "New", email: `${uniq("new")}@example.com`, role: "viewer", password: TEST_PASSWORD } }) },
  "GET /api/v1/users/[id]": { need: "admin", ok: 200, request: async () => ({ params: { id: (await makeUser()).id } }) },
  "PATCH /api/v1/users/[id]": { need: "admin", ok: 200, request: async () => ({ params: { id: (await makeUser()).id }, body: { role: "operator" } }) },
  "GET /api/v1/tokens": { need: "read", ok: 200 },
  "POST /api/v1/tokens": { need: "read", ok: 201, request: async () => ({ body: { name: uniq("tok"), role: "viewer", expiresInDays: 7 } }) },
  "DELETE /api/v1/tokens/[id]": { need: "admin", ok: 204, request: async () => ({ params: { id: (await makeAdminsToken()).id } }) },
  "GET /api/v1/session": { need: "read", ok: 200 },
  // The engine's routes (lib/engine): status for readers, a manual pass for admins, the demo's load for operators.
  "GET /api/v1/engine": { need: "read", ok: 200 },
  "POST /api/v1/engine/tick": { need: "admin", ok: 200 },
  "GET /api/v1/demo/load": { need: "read", ok: 200 },
  // Metrics (lib/telemetry): push for writers, queries for readers. OTLP's /v1/metrics and /metrics sit outside app/api.
  "POST /api/v1/metrics": { need: "write", ok: 202, request: async () => ({ body: { samples: [{ name: "matrix_gauge", labels: { n: uniq("m") }, value: 1 }] } }) },
  "GET /api/v1/metrics/query": { need: "read", ok: 200, request: async () => ({ query: { name: "matrix_gauge" } }) },
  "GET /api/v1/metrics/names": { need: "read", ok: 200 },
  // Alerts: rules and silences are written by operators; remediation is an operator's change to the estate.
  ...crudRows("/api/v1/alert-rules", makeAlertRule, () => ({ name: uniq("rule"), metric: "matrix_gauge", threshold: 1 }), { threshold: 2 }),
  "GET /api/v1/alerts": { need: "read", ok: 200, request: async () => ({ query: { state: "pending,firing" } }) },
  "GET /api/v1/alerts/[id]": { need: "read", ok: 200, request: async () => ({ params: { id: (await makeFiringAlert()).id } }) },
  "POST /api/v1/alerts/[id]/remediate": { need: "write", ok: 200, request: async () => ({ params: { id: (await makeFiringAlert()).id } }) },
  "GET /api/v1/silences": { need: "read", ok: 200 },
  "POST /api/v1/silences": {
    need: "write",
    ok: 201,
    request: async () => ({ body: { matchers: [{ label: "alertname", value: uniq("rule") }], comment: "matrix", endsAt: new Date(Date.now() + 3_600_000).toISOString() } }),
  },
  "DELETE /api/v1/silences/[id]": { need: "write", ok: 204, request: async () => ({ params: { id: (await makeSilence()).id } }) },
  // Traces: queries for readers (OTLP's POST /v1/traces sits outside app/api; traces.int.test.ts covers who may push).
  "GET /api/v1/traces": { need: "read", ok: 200, request: async () => ({ query: { status: "error" } }) },
  "GET /api/v1/traces/[traceId]": { need: "read", ok: 200, request: async () => ({ params: { traceId: await makeTrace() } }) },
  // Logs: queries and downloads for readers (OTLP's POST /v1/logs sits outside app/api; logs.int.test.ts covers who may push).
  "GET /api/v1/logs": { need: "read", ok: 200, request: async () => ({ query: { q: "matrix" } }) },
  "GET /api/v1/logs/download": { need: "read", ok: 200, request: async () => ({ query: { level: "error" } }) },
  "PUT /api/v1/demo/load": { need: "write", ok: 200, request: async () => ({ body: DEFAULT_DEMO_LOAD }) },
  "POST /api/v1/session": {
    need: "public",
    ok: 200,
    consumesSession: true,
    request: async () => ({ body: { email: (await makeUser()).email, password: TEST_PASSWORD } }),
  },
  "DELETE /api/v1/session": { need: "public", ok: 204, consumesSession: true },
};

// ─── The matrix: server actions ─────────────────────────────────────────────────────────────────────────────────

type Action = (...args: never[]) => Promise<unknown>;
interface ActionRow {
  need: Permission;
  /** The arguments the console would pass (fresh objects for each call). */
  args: () => Promise<unknown[]>;
}

const form = (fields: Record<string, string | number | boolean>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
const noArgs = async () => [];
const listArgs = async () => [{}];

const actionRows: Record<string, ActionRow> = {
  "app/(console)/overview-actions.ts#getOverviewAction": { need: "read", args: noArgs },
  "app/(console)/overview-actions.ts#getEngineStatusAction": { need: "read", args: noArgs },

  "app/(console)/resources/actions.ts#listResourcesAction": { need: "read", args: listArgs },
  "app/(console)/resources/actions.ts#createResourceAction": {
    need: "write",
    args: async () => [idleState, form({ name: uniq("res"), kind: "storage", "spec.sizeGiB:number": 1, "spec.class": "ssd" })],
  },
  "app/(console)/resources/actions.ts#updateResourceAction": {
    need: "write",
    args: async () => [(await makeResource()).id, idleState, form({ "version:number": 1, "labels:lines": "a=b" })],
  },
  "app/(console)/resources/actions.ts#deleteResourceAction": { need: "write", args: async () => [(await makeResource()).id, 1] },

  "app/(console)/nodes/actions.ts#listNodesAction": { need: "read", args: listArgs },
  "app/(console)/nodes/actions.ts#createNodeAction": {
    need: "write",
    args: async () => [idleState, form({ name: uniq("node"), "capacity.cpuMillis:number": 1000, "capacity.memoryMiB:number": 1024, "capacity.pods:number": 10 })],
  },
  "app/(console)/nodes/actions.ts#updateNodeAction": { need: "write", args: async () => [(await makeNode()).id, idleState, form({ "version:number": 1, "labels:lines": "a=b" })] },
  "app/(console)/nodes/actions.ts#setNodeUnschedulableAction": { need: "write", args: async () => [(await makeNode()).id, 1, true] },
  "app/(console)/nodes/actions.ts#deleteNodeAction": { need: "write", args: async () => [(await makeNode()).id, 1] },
  "app/(console)/nodes/actions.ts#getNodeAction": { need: "read", args: async () => [(await makeNode()).id] },
  "app/(console)/nodes/actions.ts#drainNodeAction": { need: "write", args: async () => [(await makeNode()).id] },
  "app/(console)/nodes/actions.ts#setNodeAgentAction": { need: "write", args: async () => [(await makeNode()).id, true] },

  "app/(console)/pods/actions.ts#listPodsAction": { need: "read", args: listArgs },
  "app/(console)/pods/actions.ts#createPodAction": {
    need: "write",
    args: async () => [
      idleState,
      form({ name: uniq("pod"), "requests.cpuMillis:number": 10, "requests.memoryMiB:number": 16, "containers.0.name": "app", "containers.0.image": "stratus/demo-http" }),
    ],
  },
  "app/(console)/pods/actions.ts#updatePodAction": { need: "write", args: async () => [(await makePod()).id, idleState, form({ "version:number": 1, "labels:lines": "a=b" })] },
  "app/(console)/pods/actions.ts#deletePodAction": { need: "write", args: async () => [(await makePod()).id, 1] },
  "app/(console)/pods/actions.ts#getPodAction": { need: "read", args: async () => [(await makePod()).id] },
  "app/(console)/pods/actions.ts#explainPlacementAction": { need: "read", args: async () => [(await makePod()).id] },
  "app/(console)/pods/actions.ts#killPodAction": { need: "write", args: async () => [(await makeRunningPod()).id] },

  "app/(console)/pools/actions.ts#listPoolsAction": { need: "read", args: listArgs },
  "app/(console)/traces/actions.ts#listTracesAction": { need: "read", args: listArgs },
  "app/(console)/pools/actions.ts#createPoolAction": { need: "write", args: async () => [idleState, form({ name: uniq("pool"), algorithm: "round_robin" })] },
  "app/(console)/pools/actions.ts#updatePoolAction": { need: "write", args: async () => [(await makePool()).id, idleState, form({ "version:number": 1, algorithm: "ip_hash" })] },
  "app/(console)/pools/actions.ts#deletePoolAction": { need: "write", args: async () => [(await makePool()).id, 1] },
  "app/(console)/pools/actions.ts#getPoolStatsAction": { need: "read", args: async () => [(await makePool()).id] },
  "app/(console)/pools/actions.ts#listBackendsAction": { need: "read", args: async () => [(await makePool()).id, {}] },
  "app/(console)/pools/actions.ts#createBackendAction": {
    need: "write",
    args: async () => [(await makePool()).id, idleState, form({ address: "127.0.0.1", "port:number": 40_000 + ++n })],
  },
  "app/(console)/pools/actions.ts#updateBackendAction": {
    need: "write",
    args: async () => {
      const b = await makeBackend();
      return [b.poolId, b.id, idleState, form({ "version:number": 1, "weight:number": 3 })];
    },
  },
  "app/(console)/pools/actions.ts#deleteBackendAction": {
    need: "write",
    args: async () => {
      const b = await makeBackend();
      return [b.poolId, b.id, 1];
    },
  },

  "app/(console)/autoscaling/actions.ts#listAutoscalersAction": { need: "read", args: listArgs },
  "app/(console)/autoscaling/actions.ts#getAutoscalerAction": { need: "read", args: async () => [(await makeAutoscaler()).id] },
  "app/(console)/autoscaling/actions.ts#listScaleDecisionsAction": { need: "read", args: async () => [(await makeAutoscaler()).id, new Date(0).toISOString()] },
  "app/(console)/autoscaling/actions.ts#createAutoscalerAction": {
    need: "write",
    args: async () => [
      idleState,
      form({
        name: uniq("as"),
        targetId: (await makeContainer()).id,
        "policy.mode": "threshold",
        "policy.minReplicas:number": 1,
        "policy.maxReplicas:number": 5,
        "policy.scaleUpThreshold:number": 50,
        "policy.scaleDownThreshold:number": 10,
      }),
    ],
  },
  "app/(console)/autoscaling/actions.ts#updateAutoscalerAction": {
    need: "write",
    args: async () => [
      (await makeAutoscaler()).id,
      idleState,
      form({ "version:number": 1, "policy.mode": "threshold", "policy.minReplicas:number": 1, "policy.maxReplicas:number": 6, "policy.scaleUpThreshold:number": 60, "policy.scaleDownThreshold:number": 10 }),
    ],
  },
  "app/(console)/autoscaling/actions.ts#setAutoscalerEnabledAction": { need: "write", args: async () => [(await makeAutoscaler()).id, 1, false] },
  "app/(console)/autoscaling/actions.ts#deleteAutoscalerAction": { need: "write", args: async () => [(await makeAutoscaler()).id, 1] },

  "app/(console)/users/actions.ts#createUserAction": {
    need: "admin",
    args: async () => [idleState, form({ name: "New", email: `${uniq("new")}@example.com`, role: "viewer", password: TEST_PASSWORD })],
  },
  "app/(console)/users/actions.ts#updateUserRoleAction": { need: "admin", args: async () => [(await makeUser()).id, idleState, form({ role: "operator" })] },
  "app/(console)/users/actions.ts#setUserDisabledAction": { need: "admin", args: async () => [(await makeUser()).id, true] },
  "app/(console)/users/actions.ts#resetUserPasswordAction": { need: "admin", args: async () => [(await makeUser()).id, idleState, form({ newPassword: "another long password" })] },

  "app/(console)/alerts/actions.ts#listAlertsAction": { need: "read", args: async () => [{ state: "pending,firing" }] },
  "app/(console)/alerts/actions.ts#getAlertAction": { need: "read", args: async () => [(await makeFiringAlert()).id] },
  "app/(console)/alerts/actions.ts#countActiveAlertsAction": { need: "read", args: noArgs },
  "app/(console)/alerts/actions.ts#remediateAlertAction": { need: "write", args: async () => [(await makeFiringAlert()).id] },
  "app/(console)/alerts/actions.ts#listAlertRulesAction": { need: "read", args: listArgs },
  "app/(console)/alerts/actions.ts#createAlertRuleAction": {
    need: "write",
    args: async () => [idleState, form({ name: uniq("rule"), metric: "matrix_gauge", "threshold:number": 1, aggregation: "avg", operator: "gt", "remediation.action": "" })],
  },
  "app/(console)/alerts/actions.ts#updateAlertRuleAction": { need: "write", args: async () => [(await makeAlertRule()).id, idleState, form({ "version:number": 1, "threshold:number": 2 })] },
  "app/(console)/alerts/actions.ts#deleteAlertRuleAction": { need: "write", args: async () => [(await makeAlertRule()).id, 1] },
  "app/(console)/alerts/actions.ts#listSilencesAction": { need: "read", args: listArgs },
  "app/(console)/alerts/actions.ts#createSilenceAction": { need: "write", args: async () => [idleState, form({ "matchers:lines": `alertname=${uniq("rule")}`, comment: "matrix", "durationMinutes:number": 60 })] },
  "app/(console)/alerts/actions.ts#expireSilenceAction": { need: "write", args: async () => [(await makeSilence()).id] },

  "app/(console)/tokens/actions.ts#createApiTokenAction": { need: "read", args: async () => [idleState, form({ name: uniq("tok"), role: "viewer", "expiresInDays:number": 30 })] },
  "app/(console)/tokens/actions.ts#revokeApiTokenAction": { need: "admin", args: async () => [(await makeAdminsToken()).id] },
};

// ─── Running it ─────────────────────────────────────────────────────────────────────────────────────────────────

const expected = (need: Need, ok: number, caller: Caller) =>
  need === "public" ? ok : caller.role === null ? 401 : roleAllows(caller.role, need) ? ok : 403;

/** What a server action's outcome means in HTTP terms: its form state, its data, or what it threw. */
async function actionStatus(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = (await run()) as FormState | unknown;
    if (result && typeof result === "object" && "status" in result && (result as FormState).status === "error") {
      const code = (result as { code?: string }).code;
      return code ? httpStatusOf[code as ErrorCode] : 500;
    }
    return 200;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/sign-in")) return 401; // sent to sign-in
    const code = (error as { code?: string }).code;
    if (code && code in httpStatusOf) return httpStatusOf[code as ErrorCode];
    throw error;
  }
}

const deniedRows = () => db.auditEvent.count({ where: { outcome: "denied" } });

beforeAll(async () => {
  await resetDatabase();
  await setUpCallers();
}, 120_000);
afterAll(resetDatabase);

describe("discovery", () => {
  test("finds the REST routes and the server actions", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(15);
    expect(actionFiles.map(rel)).toEqual(expect.arrayContaining(["app/(console)/resources/actions.ts", "app/(console)/users/actions.ts"]));
  });

  test("server actions live only in top-level 'use server' modules under app/ (no inline actions to miss)", () => {
    const all = [...walk(path.join(root, "app")), ...walk(path.join(root, "components")), ...walk(path.join(root, "lib"))].filter(
      (f) => /\.(ts|tsx)$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`) && !f.endsWith(".test.ts"),
    );
    const inline = all.filter((f) => /["']use server["']/.test(readFileSync(f, "utf8")) && !actionFiles.includes(f));
    expect(inline.map(rel)).toEqual([]);
  });

  test("every route method has a row in the matrix, and every row a route", async () => {
    const found: string[] = [];
    for (const file of routeFiles) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) if (typeof mod[method] === "function") found.push(`${method} ${routePath(file)}`);
    }
    expect([...found].sort()).toEqual(Object.keys(routeRows).sort());
  });

  test("every server action has a row in the matrix, and every row an action", async () => {
    const found: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.push(`${rel(file)}#${name}`);
    }
    expect([...found].sort()).toEqual(Object.keys(actionRows).sort());
  });
});

describe("REST routes", () => {
  test.each(Object.keys(routeRows))("%s", async (key) => {
    const row = routeRows[key]!;
    const [method, pattern] = key.split(" ") as [string, string];
    const file = routeFiles.find((f) => routePath(f) === pattern)!;
    const handler = ((await import(file)) as Record<string, Parameters<typeof call>[0]>)[method]!;
    const outcomes: string[] = [];
    for (const caller of routeCallers) {
      const req = (await row.request?.()) ?? {};
      const url = pattern.replace(/\[(\w+)\]/g, (_, p: string) => req.params?.[p] ?? "x");
      const denialsBefore = await deniedRows();
      const res = await call(handler, method, url, { token: null, headers: await caller.headers(row.consumesSession), params: req.params, body: req.body, query: req.query });
      const want = expected(row.need, row.ok, caller);
      outcomes.push(`${caller.name}: ${res.status}${res.status === want ? "" : ` (expected ${want}: ${JSON.stringify(res.json?.detail ?? "")})`}`);
      if (want === 401 || want === 403) expect(await deniedRows(), `${caller.name} was refused without an audit row`).toBeGreaterThan(denialsBefore);
    }
    expect(outcomes.filter((o) => o.includes("expected"))).toEqual([]);
  });
});

describe("server actions", () => {
  test.each(Object.keys(actionRows))("%s", async (key) => {
    const row = actionRows[key]!;
    const [file, name] = key.split("#") as [string, string];
    const action = ((await import(path.join(root, file))) as Record<string, Action>)[name]!;
    const outcomes: string[] = [];
    for (const caller of actionCallers) {
      const args = await row.args();
      // As Next.js serves it: a POST carrying the action's id, with whatever credentials the caller has.
      request.headers = new Headers({ ...(await caller.headers()), "next-action": "matrix", referer: "http://localhost/" });
      const denialsBefore = await deniedRows();
      const status = await actionStatus(() => action(...(args as never[])));
      const want = expected(row.need, 200, caller);
      outcomes.push(`${caller.name}: ${status}${status === want ? "" : ` (expected ${want})`}`);
      if (want === 401 || want === 403) expect(await deniedRows(), `${caller.name} was refused without an audit row`).toBeGreaterThan(denialsBefore);
    }
    expect(outcomes.filter((o) => o.includes("expected"))).toEqual([]);
  });
});
