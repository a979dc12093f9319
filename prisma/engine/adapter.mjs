// Postgres connections for the wasm schema engine: @prisma/adapter-pg for the real database,
// an in-memory PGlite (served over the wire protocol on a loopback port) as the shadow database.
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// adapter-pg 7.10 rejects Postgres' 1-byte "char" type (OID 18), which the engine's catalog queries return
// (pg_constraint.contype, pg_class.relkind, …) and read back as a Rust `char`. Its text form is a one-character
// string, so hand the column to adapter-pg as text (OID 25) and report it to the engine as ColumnType Character.
// adapter-pg does not export its queryable class; patch it through an adapter instance's prototype chain.
const charColumns = new WeakMap(); // pg result rows array -> indexes of "char" columns

function supportCharColumns(adapter) {
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable (also PgTransaction's base)
  if (queryable.supportsCharColumns) return;
  const { performIO, queryRaw } = queryable;
  if (typeof performIO !== "function" || typeof queryRaw !== "function") {
    throw new Error("@prisma/adapter-pg internals changed: PgQueryable.performIO/queryRaw not found");
  }
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const indexes = [];
    result.fields?.forEach((field, index) => {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
        indexes.push(index);
      }
    });
    if (indexes.length > 0) charColumns.set(result.rows, indexes);
    return result;
  };
  queryable.queryRaw = async function (query) {
    const resultSet = await queryRaw.call(this, query);
    for (const index of charColumns.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  queryable.supportsCharColumns = true;
}

// Connection-string parameters understood by Prisma's native engine but not by `pg`.
const PRISMA_ONLY_PARAMS = [
  "schema", "connection_limit", "connect_timeout", "pool_timeout", "socket_timeout",
  "pgbouncer", "statement_cache_size", "sslaccept", "sslidentity", "sslpassword",
];

/** Prisma-style postgres URL -> `pg.Pool` config + the schema name (`?schema=`). */
export function poolConfig(url) {
  const parsed = new URL(url);
  const params = parsed.searchParams;
  const number = (name) => (params.has(name) ? Number(params.get(name)) : undefined);
  const connectTimeout = number("connect_timeout") ?? 5; // seconds; same default as the native engine
  const config = {
    max: number("connection_limit"),
    connectionTimeoutMillis: connectTimeout * 1000,
  };
  const schema = params.get("schema") ?? undefined;
  for (const name of PRISMA_ONLY_PARAMS) params.delete(name);
  config.connectionString = parsed.toString();
  return { config, schema };
}

async function connectPg(url) {
  const { config, schema } = poolConfig(url);
  const pool = new pg.Pool(config);
  // The engine describes `schema` (adapter-pg reports it as connection info) but emits unqualified DDL,
  // so point search_path there, as the native engine does. (PGlite ignores the `options` startup parameter.)
  if (schema) {
    const setPath = `SET search_path TO "${schema.replaceAll('"', '""')}"`;
    pool.on("connect", (client) => client.query(setPath).catch(() => {})); // runs before the client is handed out
  }
  const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
  supportCharColumns(adapter);
  // adapter-pg's executeScript splits the script on ";", which breaks function bodies and string literals.
  // Like the native engine, send the whole migration script as one simple-protocol (multi-statement) query.
  adapter.executeScript = async function (script) {
    try {
      await this.underlyingDriver().query(script);
    } catch (error) {
      this.onError(error); // maps the pg error and throws
    }
  };
  return adapter;
}

/** Runs `cleanup` (once) after the adapter's own dispose. */
function onDispose(adapter, cleanup) {
  const dispose = adapter.dispose.bind(adapter);
  let done;
  adapter.dispose = () => (done ??= dispose().finally(cleanup));
  return adapter;
}

let pgliteTemplate; // an empty in-memory PGlite, initialised once per process; cloning it is much faster than initdb

/** A fresh, empty in-memory Postgres per call; everything is torn down on dispose (or on process exit). */
async function connectToPGlite(schema) {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-socket"),
  ]);
  const db = await (await (pgliteTemplate ??= PGlite.create())).clone();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 }); // one connection at a time
  await server.start();
  const url = new URL(`postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable&connection_limit=1`);
  if (schema) url.searchParams.set("schema", schema); // the engine describes the shadow database under the main schema name
  const adapter = await connectPg(url.toString());
  return onDispose(adapter, async () => {
    await server.stop();
    await db.close();
  });
}

/**
 * A SqlMigrationAwareDriverAdapterFactory (see @prisma/driver-adapter-utils) for `datasource`
 * ({ url, shadowDatabaseUrl? } as passed by the CLI). Tracks open adapters so they can be closed on exit.
 */
export function createAdapterFactory(datasource) {
  const open = new Set();
  const track = async (adapterPromise) => {
    const adapter = await adapterPromise;
    open.add(adapter);
    return onDispose(adapter, () => open.delete(adapter));
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect() {
      if (!datasource?.url) throw new Error("No datasource url was given to the schema engine (set `datasource.url` in prisma.config.ts).");
      return track(connectPg(datasource.url));
    },
    connectToShadowDb() {
      const shadowUrl = datasource?.shadowDatabaseUrl;
      const schema = datasource?.url && new URL(datasource.url).searchParams.get("schema");
      return track(shadowUrl ? connectPg(shadowUrl) : connectToPGlite(schema));
    },
    async disposeAll() {
      await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
    },
  };
}
