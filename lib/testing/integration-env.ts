/** Runs in each integration worker before the test file: point the app at the run's database. */
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STRATUS_ADMIN_TOKEN = "it-admin-token-0123456789abcdef";
process.env.DATABASE_POOL_SIZE = "20";
process.env.STRATUS_AUTH_SECRET = "it-auth-secret-0123456789abcdef0123456789abcdef";
