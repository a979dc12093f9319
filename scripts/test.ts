/**
 * `npm test`: lint, typecheck, unit tests with coverage, integration tests on a real PostgreSQL, and the Playwright
 * journeys in Debian's Chromium against a production build. Each stage runs; the summary says which failed.
 */
import { existsSync } from "node:fs";
import pg from "pg";
import { bin, run, startChild, stopChild } from "./processes";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function preflight(): Promise<void> {
  const problems: string[] = [];
  if (!existsSync(chromium)) problems.push(`Chromium is missing at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    problems.push(`PostgreSQL is not reachable at ${serverUrl}: start it (e.g. \`pg_ctlcluster 15 main start\`) or set TEST_DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`✖ ${p}`);
    process.exit(1);
  }
}

async function withScratchDatabase(name: string, work: (url: string) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function e2e(): Promise<void> {
  await withScratchDatabase(`stratus_e2e_${process.pid}`, async (url) => {
    const env = {
      ...process.env,
      DATABASE_URL: url,
      STRATUS_ADMIN_TOKEN: "e2e-admin-token-0123456789abcdef",
      STRATUS_AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789abcdef",
      STRATUS_ADMIN_EMAIL: "admin@e2e.test",
      STRATUS_ADMIN_PASSWORD: "e2e admin password 0123",
      CHROMIUM_PATH: chromium,
      // The demo pools' proxies, clear of a console the developer may be running on 8080.
      STRATUS_DEMO_LISTEN_PORT: "18080",
      // Alert rules made by a journey fire within a couple of seconds of their first breach.
      STRATUS_ALERT_EVAL_INTERVAL_MS: "2000",
      // Every demo request traced, so the traces journey finds some within seconds.
      STRATUS_TRACE_SAMPLE_RATE: "1",
      // The journeys count web's pods (3, as seeded): the demo autoscaler would resize web under them.
      STRATUS_DEMO_AUTOSCALER: "paused",
    };
    await run(bin("prisma"), ["migrate", "deploy"], env);
    await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], env);
    await run(bin("tsx"), ["--conditions=react-server", "scripts/create-admin.ts"], env);
    await run(bin("next"), ["build"], env);
    // The journeys watch the engine act (pods run, traffic flows, a killed pod is replaced): run a worker beside them.
    const worker = startChild(bin("tsx"), ["--conditions=react-server", "lib/engine/main.ts"], env);
    try {
      // E2E_SPECS="logs alerts" runs only the matching spec files (while working on them); unset, every journey runs.
      await run(bin("playwright"), ["test", ...(process.env.E2E_SPECS ?? "").split(/\s+/).filter(Boolean)], env);
    } finally {
      await stopChild(worker);
    }
  });
}

const stages: Array<[string, () => Promise<void>]> = [
  ["lint", () => run(bin("eslint"), ["--max-warnings=0", "."])],
  ["typecheck", () => run(bin("tsc"), ["--noEmit", "-p", "."])],
  ["unit", () => run(bin("vitest"), ["run", "--project", "unit", "--coverage"])],
  ["integration", () => run(bin("vitest"), ["run", "--project", "integration"])],
  ["e2e", e2e],
];

async function main() {
  await preflight();
  const only = process.argv.slice(2);
  const failed: string[] = [];
  let passed = 0;
  for (const [name, stage] of stages) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n━━ ${name} ━━`);
    try {
      await stage();
      passed++;
    } catch (error) {
      console.error(`✖ ${name}: ${error instanceof Error ? error.message : String(error)}`);
      failed.push(name);
    }
  }
  console.log(`\n${failed.length === 0 ? "All stages passed." : `Failed stages: ${failed.join(", ")}`}`);
  console.log(`stages: ${passed} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

void main();
