import type { Labels } from "./types";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
/** Separates names from values and pairs from pairs; never part of a UTF-8 encoded string (as in Prometheus). */
const SEPARATOR = 0xff;

/**
 * A label set's identity: FNV-1a 64 over the labels sorted by name, each name and value followed by a 0xff byte —
 * Prometheus's `LabelSet.Fingerprint`. Equal sets give equal fingerprints whatever their key order.
 */
export function fingerprint(labels: Labels): string {
  const encoder = new TextEncoder();
  let hash = FNV_OFFSET;
  const feed = (text: string) => {
    for (const byte of encoder.encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
    hash = ((hash ^ BigInt(SEPARATOR)) * FNV_PRIME) & MASK;
  };
  for (const name of Object.keys(labels).sort()) {
    feed(name);
    feed(labels[name]!);
  }
  return hash.toString(16).padStart(16, "0");
}
