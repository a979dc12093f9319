// Database-level operations the wasm engine cannot do through a driver adapter: probing a URL and
// creating the database it names. Errors carry Prisma's error codes (P1xxx) where the CLI relies on them.
import pg from "pg";
import { poolConfig } from "./adapter.mjs";

async function withClient(url, database, fn) {
  const target = new URL(url);
  if (database) target.pathname = `/${encodeURIComponent(database)}`;
  const { config } = poolConfig(target.toString());
  const client = new pg.Client(config);
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function location(url) {
  const { hostname, port } = new URL(url);
  return { host: hostname || "localhost", port: port || "5432" };
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

/** A pg / socket error -> Error with `.code` (Prisma error code) and the native engine's wording. */
function toPrismaError(error, url) {
  const { host, port } = location(url);
  const db = databaseName(url);
  const user = decodeURIComponent(new URL(url).username);
  const known = {
    "3D000": ["P1003", `Database \`${db}\` does not exist on the database server at \`${host}:${port}\`.`],
    "42P04": ["P1009", `Database \`${db}\` already exists on the database server at \`${host}:${port}\``],
    "28P01": ["P1000", `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`],
    "28000": ["P1010", `User \`${user}\` was denied access on the database \`${db}\``],
    ECONNREFUSED: ["P1001", `Can't reach database server at \`${host}:${port}\`\n\nPlease make sure your database server is running at \`${host}:${port}\`.`],
    ENOTFOUND: ["P1001", `Can't reach database server at \`${host}:${port}\`\n\nPlease make sure your database server is running at \`${host}:${port}\`.`],
  }[error?.code];
  if (!known) return error instanceof Error ? error : new Error(String(error));
  return Object.assign(new Error(known[1]), { code: known[0] });
}

export async function canConnect(url) {
  try {
    await withClient(url, null, (client) => client.query("SELECT 1"));
  } catch (error) {
    throw toPrismaError(error, url);
  }
}

/** CREATE DATABASE for the database named in `url`, connecting to the server's `postgres` database. */
export async function createDatabase(url) {
  const name = databaseName(url);
  try {
    await withClient(url, "postgres", (client) => client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`));
  } catch (error) {
    throw toPrismaError(error, url);
  }
  return { databaseName: name };
}
