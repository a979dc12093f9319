import "server-only";
import { notFound, staleVersion } from "../errors";

/** Optimistic concurrency: the caller must hold the version it read; anything else is a 409. */
export function assertVersion<T extends { version: number }>(current: T | null, expected: number | undefined, what: string): T {
  if (!current) throw notFound(what);
  if (expected !== undefined && current.version !== expected) throw staleVersion(what);
  return current;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name an object, so it is a 404 rather than a database error. */
export function assertId(id: string, what: string): string {
  if (!UUID.test(id)) throw notFound(what);
  return id;
}

export const isUuid = (s: string) => UUID.test(s);

export const iso = (d: Date) => d.toISOString();
