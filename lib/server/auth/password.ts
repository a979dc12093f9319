import "server-only";
import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";

/**
 * Argon2id at OWASP's Password Storage Cheat Sheet parameters: m = 19 MiB, t = 2, p = 1 (the first of its
 * equivalent configurations). Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so the
 * parameters travel with each hash and can be raised later without invalidating old ones.
 */
export const ARGON2ID: Options = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum in the typings, which isolated modules cannot read)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** NIST SP 800-63B / ASVS 2.1: at least 12 characters, long passphrases allowed, no composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

/** Constant-time verification; a malformed stored hash verifies as false rather than throwing. */
export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
