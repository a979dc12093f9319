/**
 * The committed migrations, applied by the real CLI (`prisma migrate deploy`, which runs the wasm schema engine
 * behind prisma/engine/schema-engine.mjs) to an empty scratch database: they apply cleanly, are idempotent,
 * and produce exactly the schema in prisma/schema.prisma.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const database = `stratus_migrations_it_${process.pid}_${Date.now()}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs the Prisma CLI against the scratch database; rejects on a non-zero exit code. */
function prisma(...args: string[]) {
  return run("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
}

const migrationNames = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("prisma migrations", () => {
  beforeAll(async () => {
    await query(serverUrl, `CREATE DATABASE "${database}"`);
  });

  afterAll(async () => {
    await query(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it("has at least the init migration", () => {
    expect(migrationNames.some((name) => name.endsWith("_init"))).toBe(true);
  });

  it("migrate deploy applies every migration to an empty database", async () => {
    const { stdout } = await prisma("migrate", "deploy");
    expect(stdout).toContain("All migrations have been successfully applied.");

    const applied = await query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      databaseUrl,
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(applied).toEqual(migrationNames.map((name) => ({ migration_name: name, finished: true, rolled_back: false })));

    const tables = await query<{ table_name: string }>(
      databaseUrl,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["Quota", "Resource", "Node", "Pod", "Pool", "Backend", "AuditEvent", "_prisma_migrations"]),
    );
  }, 180_000);

  it("then reports the database up to date and has nothing left to apply", async () => {
    expect((await prisma("migrate", "status")).stdout).toContain("Database schema is up to date!");
    expect((await prisma("migrate", "deploy")).stdout).toContain("No pending migrations to apply.");
  }, 180_000);

  it("leaves the database exactly as prisma/schema.prisma describes it", async () => {
    // --exit-code: 0 when there is no difference, 2 (a rejection here) when there is one.
    const { stdout } = await prisma("migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code");
    expect(stdout).toContain("No difference detected.");
  }, 180_000);
});
