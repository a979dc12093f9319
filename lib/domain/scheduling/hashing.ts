/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so nearby strings spread over the ring. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A consistent-hash ring (ketama style): each member owns `replicas` points, sorted by hash. */
export interface HashRing {
  readonly hashes: Uint32Array;
  /** Member index per point. */
  readonly owners: Int32Array;
}

/** Points per member: enough to keep shares within a few percent; removing one of N members moves ~1/N of keys. */
export const RING_REPLICAS = 64;

export function buildRing(members: readonly string[], replicas = RING_REPLICAS): HashRing {
  const points = members.length * replicas;
  // Pack (hash, member) into one float so a single numeric sort orders the ring; ties break by member index.
  const packed = new Float64Array(points);
  const scale = members.length;
  members.forEach((name, member) => {
    for (let r = 0; r < replicas; r++) packed[member * replicas + r] = hash32(`${name}#${r}`) * scale + member;
  });
  packed.sort();
  const hashes = new Uint32Array(points);
  const owners = new Int32Array(points);
  for (let i = 0; i < points; i++) {
    const value = packed[i]!;
    const member = value % scale;
    owners[i] = member;
    hashes[i] = (value - member) / scale;
  }
  return { hashes, owners };
}

/** Position of the first point at or after `hash`, wrapping to 0 past the end. */
export function ringPosition(ring: HashRing, hash: number): number {
  let lo = 0;
  let hi = ring.hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ring.hashes[mid]! < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo === ring.hashes.length ? 0 : lo;
}
