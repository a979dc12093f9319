import "server-only";
import { db } from "../db";
import { signInPolicy } from "./config";

/**
 * Failed sign-ins are limited per account and per client address in a rolling window. An attempt is recorded
 * before the password is checked (so parallel guesses cannot all slip past the count) and removed if it succeeds;
 * what remains are failures. Only attempts admitted within the limit are ever checked.
 */
export type Admission = { admitted: true; attemptIds: bigint[]; keys: string[] } | { admitted: false; retryAfterSeconds: number };

interface Bucket {
  key: string;
  limit: number;
}

const buckets = (email: string, ip: string | null): Bucket[] => [
  { key: `account:${email.trim().toLowerCase()}`, limit: signInPolicy.maxFailuresPerAccount },
  ...(ip ? [{ key: `address:${ip}`, limit: signInPolicy.maxFailuresPerAddress }] : []),
];

export async function admitSignIn(email: string, ip: string | null, now: Date = new Date()): Promise<Admission> {
  const windowMs = signInPolicy.windowSeconds * 1000;
  const since = new Date(now.getTime() - windowMs);
  const keys = buckets(email, ip);
  const refuse = async (bucket: Bucket): Promise<Admission> => {
    // Refused until the oldest failure that still counts leaves the window.
    const recent = await db.signInAttempt.findMany({
      where: { key: bucket.key, at: { gt: since } },
      orderBy: { at: "desc" },
      take: bucket.limit,
      select: { at: true },
    });
    const oldest = recent[recent.length - 1]?.at ?? now;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000)) };
  };

  for (const bucket of keys) {
    if ((await db.signInAttempt.count({ where: { key: bucket.key, at: { gt: since } } })) >= bucket.limit) return refuse(bucket);
  }
  const attempts = await Promise.all(keys.map((b) => db.signInAttempt.create({ data: { key: b.key, at: now }, select: { id: true } })));
  // Recount up to our own rows: of concurrent attempts, only those within the limit go on to a password check.
  for (const [i, bucket] of keys.entries()) {
    const ahead = await db.signInAttempt.count({ where: { key: bucket.key, at: { gt: since }, id: { lte: attempts[i]!.id } } });
    if (ahead > bucket.limit) {
      await db.signInAttempt.deleteMany({ where: { id: { in: attempts.map((a) => a.id) } } });
      return refuse(bucket);
    }
  }
  await db.signInAttempt.deleteMany({ where: { at: { lte: since } } }); // forget what has left the window
  return { admitted: true, attemptIds: attempts.map((a) => a.id), keys: keys.map((b) => b.key) };
}

/** A successful sign-in: its attempt was no failure, and the account's earlier failures are forgiven. */
export async function signInSucceeded(admission: Extract<Admission, { admitted: true }>): Promise<void> {
  await db.signInAttempt.deleteMany({
    where: { OR: [{ id: { in: admission.attemptIds } }, { key: admission.keys[0]! }] },
  });
}
