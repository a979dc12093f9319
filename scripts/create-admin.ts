/**
 * First run: create the first admin when Stratus has no user yet, from STRATUS_ADMIN_EMAIL / STRATUS_ADMIN_PASSWORD,
 * or with a generated password printed here, once. Later runs change nothing (add users in the console).
 * Run like the seed: `tsx --conditions=react-server scripts/create-admin.ts`.
 */
import { db } from "@/lib/server/db";
import { ensureFirstAdmin } from "@/lib/server/dal/users";

async function main() {
  const email = process.env.STRATUS_ADMIN_EMAIL?.trim() || "admin@stratus.local";
  const password = process.env.STRATUS_ADMIN_PASSWORD || undefined;
  const result = await ensureFirstAdmin({ email, password });
  if (!result.created) return;
  if (result.generatedPassword) {
    const line = "─".repeat(64);
    console.log(`\n  ${line}\n  First admin created. Sign in with:\n`);
    console.log(`    email     ${result.email}`);
    console.log(`    password  ${result.generatedPassword}\n`);
    console.log(`  This password is shown only this once: keep it in a password manager.`);
    console.log(`  (Set STRATUS_ADMIN_EMAIL and STRATUS_ADMIN_PASSWORD to choose them instead.)\n  ${line}\n`);
  } else {
    console.log(`  First admin created: ${result.email} (password from STRATUS_ADMIN_PASSWORD).`);
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(`✖ Could not create the first admin: ${error instanceof Error ? error.message : String(error)}`);
    await db.$disconnect();
    process.exit(1);
  });
