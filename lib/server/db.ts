import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** One Prisma client per process, kept on globalThis so dev reloads do not open new pools. */
const globalForPrisma = globalThis as unknown as { stratusPrisma?: PrismaClient };

function client(): PrismaClient {
  if (globalForPrisma.stratusPrisma) return globalForPrisma.stratusPrisma;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Stratus with `npm start`, which provides one.");
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return (globalForPrisma.stratusPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) }));
}

/**
 * The client, connected on first use rather than at import: `next build` imports route modules without a database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
