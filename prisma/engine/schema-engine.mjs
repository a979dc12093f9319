#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary (see PRISMA_SCHEMA_ENGINE_BINARY in prisma.config.ts):
// runs @prisma/schema-engine-wasm over @prisma/adapter-pg and speaks the binary's protocol to the CLI.
//
//   schema-engine.mjs --version
//   schema-engine.mjs [--datamodels <schema path>]... [--datasource '{"url":…}'] cli can-connect-to-database|create-database
//       one-shot; the exit code is the answer, errors are JSON log lines on stderr
//   schema-engine.mjs [--datamodels <schema path>]... [--datasource '{"url":…,"shadowDatabaseUrl"?:…}']
//       JSON-RPC 2.0 server, one message per line on stdin/stdout; logs are JSON lines on stderr
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapterFactory } from "./adapter.mjs";
import { canConnect, createDatabase } from "./database.mjs";
import { loadSchemaEngine, panics } from "./wasm.mjs";

// stdout carries the protocol only; anything a dependency prints goes to stderr.
console.log = console.info = console.debug = console.error;
process.stdout.on("error", () => process.exit(0)); // the CLI went away

function log(level, message, fields = {}) {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: "schema_engine::logger" })}\n`);
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // not used by postgres
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") args.cli = argv[++i];
    else throw new Error(`Unexpected argument: ${arg}`);
  }
  return args;
}

async function runCli(command, url) {
  log("INFO", "Starting schema engine CLI");
  try {
    if (!url) throw new Error("Missing --datasource url");
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") log("INFO", `Database '${(await createDatabase(url)).databaseName}' was successfully created.`);
    else throw new Error(`Unknown cli command: ${command}`);
    return 0;
  } catch (error) {
    log("ERROR", error.message, error.code ? { error_code: error.code } : {});
    return 1;
  }
}

/** JSON-RPC server. Requests run one at a time; the engine's own requests to the CLI (`print`) get replies on stdin. */
function serveRpc({ datamodels, datasource }) {
  const factory = createAdapterFactory(datasource);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  let enginePromise; // created on first use (it connects to the database); retried after a failure
  const getEngine = () =>
    (enginePromise ??= loadSchemaEngine()
      .then(({ SchemaEngine }) => {
        const files = datamodels.map((path) => [path, readFileSync(path, "utf8")]);
        const writeLog = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
        return SchemaEngine.new({ datamodels: files.length ? files : undefined }, writeLog, boundFactory);
      })
      .catch((error) => {
        enginePromise = undefined;
        throw error;
      }));

  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const pending = new Map(); // our requests to the CLI, by id
  let nextId = 1;
  const callCli = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => (reply.error ? reject(new Error(JSON.stringify(reply.error))) : resolve(reply.result)));
      send({ id, method, params });
    });

  async function dispatch(method, params) {
    if (method === "createDatabase") {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource?.url;
      return createDatabase(url);
    }
    const engine = await getEngine();
    if (method === "getDatabaseVersion") return engine.version(params);
    if (method === "diff") {
      const { stdout, ...result } = await engine.diff(params);
      if (stdout) await callCli("print", { content: stdout.replace(/\n$/, "") });
      return result;
    }
    // Everything else is the wasm SchemaEngine method of the same name (applyMigrations, devDiagnostic, reset, …).
    if (Object.hasOwn(Object.getPrototypeOf(engine), method) && !["constructor", "free"].includes(method) && !method.startsWith("_")) {
      return (await engine[method](params)) ?? {}; // a JSON-RPC result must not be undefined
    }
    throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
  }

  function errorResponse(error) {
    if (error instanceof WebAssembly.RuntimeError) {
      const message = panics.message || error.message;
      return { code: 4466, message, data: { message: `${message}\n${error.stack}`, is_panic: true, error: { message } } };
    }
    if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
    // Driver adapter errors surface as "External error id#N"; the original JS error is in the registry.
    const id = /External error id#(\d+)/.exec(error?.message ?? "")?.[1];
    const original = id === undefined ? undefined : boundFactory.errorRegistry.consumeError(Number(id))?.error;
    const message = String(original?.message ?? error?.message ?? error);
    const data = { message, is_panic: false };
    if (error?.code) data.error_code = error.code;
    if (error?.meta) data.meta = error.meta;
    return { code: 4466, message, data };
  }

  function fail(id, error) {
    const response = errorResponse(error);
    send({ id, error: response });
    if (response.data?.is_panic) process.stdout.write("", () => process.exit(101)); // the wasm instance is unusable now
  }

  // A Rust panic inside an engine callback is thrown outside the request's promise chain: answer the
  // request being processed, then exit like the native engine does.
  let current; // id of the request being processed
  process.on("uncaughtException", (error) => {
    if (current !== undefined) send({ id: current, error: errorResponse(error) });
    else log("ERROR", String(error?.stack ?? error));
    process.stdout.write("", () => process.exit(error instanceof WebAssembly.RuntimeError ? 101 : 1));
  });

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      pending.get(message.id)?.(message); // the CLI answering our `print`
      pending.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      current = message.id;
      try {
        send({ id: message.id, result: await dispatch(message.method, message.params) });
      } catch (error) {
        fail(message.id, error);
      }
      current = undefined;
    });
  });
  lines.on("close", async () => {
    for (const reply of pending.values()) reply({ error: "stdin closed" });
    await queue;
    await factory.disposeAll();
    process.exit(0);
  });
}

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  const { version } = await loadSchemaEngine();
  process.stdout.write(`schema-engine-cli ${version()}\n`);
} else if (args.cli) {
  process.exit(await runCli(args.cli, args.datasource?.url));
} else {
  serveRpc(args);
}
