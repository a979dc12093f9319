/**
 * `npm start`: the console with a live demo on an embedded database, in one command.
 * Without DATABASE_URL it serves an embedded Postgres from .data/; with it, it uses that server.
 */
import type { ChildProcess } from "node:child_process";
import { buildIsStale } from "./build-freshness";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { bin, capture, run, startChild, stopChild, waitForHttp } from "./processes";
import { authSecret } from "./auth-secret";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const children: ChildProcess[] = [];
let embedded: EmbeddedPostgres | null = null;
let stopping = false;

async function main() {
  if (!process.env.DATABASE_URL) {
    const dbPort = Number(process.env.STRATUS_EMBEDDED_DB_PORT ?? 54329);
    console.log(`▸ Starting the embedded database (data in .data/pglite, port ${dbPort})…`);
    embedded = await startEmbeddedPostgres({ dataDir: ".data/pglite", port: dbPort });
    process.env.DATABASE_URL = embedded.url;
    // One connection per process: the embedded server runs one query at a time anyway.
    process.env.DATABASE_POOL_SIZE ??= "1";
  }
  console.log("▸ Applying database migrations…");
  await run(bin("prisma"), ["migrate", "deploy"]);
  console.log("▸ Seeding the demo estate (first start only)…");
  await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts", "--if-empty"]);
  process.env.STRATUS_AUTH_SECRET ??= authSecret(".data/auth-secret");
  // First start: the first admin (a generated password is printed once, below the ready line, so it stays in view).
  const firstAdmin = await capture(bin("tsx"), ["--conditions=react-server", "scripts/create-admin.ts"]);

  if (!dev && buildIsStale()) {
    console.log("▸ Building the console (first start, or sources changed)…");
    await run(bin("next"), ["build"]);
  }
  children.push(startChild(bin("next"), [dev ? "dev" : "start", "-p", String(port)]));
  children.push(startChild(bin("tsx"), ["--conditions=react-server", "lib/engine/main.ts"]));
  for (const child of children) child.on("exit", (code) => void shutdown(code ?? 1));

  await waitForHttp(`http://localhost:${port}/readyz`, 120_000);
  console.log(`\n  Stratus is ready: http://localhost:${port}\n  Press Ctrl-C to stop.\n`);
  if (firstAdmin.trim()) console.log(firstAdmin);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n▸ Stopping…");
  await Promise.all(children.map((child) => stopChild(child)));
  if (embedded) await embedded.stop();
  console.log("  Stopped.");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
