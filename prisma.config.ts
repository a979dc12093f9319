import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI's native schema engine cannot be downloaded here; a wasm build runs behind this executable.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // `prisma generate` (postinstall) needs no database; migrate commands fail clearly without one.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
