import { murmur3Bytes } from "./murmur3";
import { radixSortByKey } from "./radix-sort";

export const DEFAULT_POINTS_PER_WEIGHT = 160;
/** 2^21 points = 16 MB of typed arrays: 10,000 backends of weight 1 at the full 160 points each. */
export const DEFAULT_MAX_RING_POINTS = 1 << 21;

export interface RingMember {
  readonly slot: number;
  readonly id: string;
  readonly weight: number;
}

const encoder = new TextEncoder();

/** Ring positions of one backend: murmur3 of its id's UTF-8 bytes followed by the point index (LE32). */
export function pointHashes(id: string, count: number): Uint32Array {
  const bytes = new Uint8Array(id.length * 3 + 4);
  const { written } = encoder.encodeInto(id, bytes);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    bytes[written] = i & 0xff;
    bytes[written + 1] = (i >>> 8) & 0xff;
    bytes[written + 2] = (i >>> 16) & 0xff;
    bytes[written + 3] = (i >>> 24) & 0xff;
    hashes[i] = murmur3Bytes(bytes, written + 4, 0);
  }
  return hashes;
}

/**
 * Ketama-style consistent-hash ring: each backend owns points proportional to its weight, a key belongs to
 * the first point clockwise from its hash. Points are ordered by (hash, backend id), so the ring depends
 * only on the set of (id, points) — never on the order of updates or on slot numbers — and a backend
 * that leaves and comes back owns exactly the same keys again. Lookup is O(1) bucket + a short binary search.
 */
export class HashRing {
  /** Sorted point hashes and, in parallel, the slot owning each point. */
  hashes = new Uint32Array(0);
  owners = new Int32Array(0);
  /** bucketStart[b] = index of the first point whose top 16 bits are ≥ b: lookups search one bucket only. */
  private bucketStart = new Uint32Array(65537);
  private pointsPerWeightInUse = 0;
  private readonly countBySlot = new Map<number, number>();

  constructor(
    private readonly pointsPerWeight = DEFAULT_POINTS_PER_WEIGHT,
    private readonly maxPoints = DEFAULT_MAX_RING_POINTS,
  ) {}

  get size(): number {
    return this.hashes.length;
  }

  /**
   * Points per unit of weight: the configured value, halved as often as needed to stay within maxPoints.
   * Halving (rather than scaling exactly) keeps the value unchanged across small membership changes, so
   * those stay incremental instead of rebuilding the whole ring.
   */
  private pointsPerWeightFor(totalWeight: number): number {
    let perWeight = this.pointsPerWeight;
    while (perWeight > 1 && totalWeight * perWeight > this.maxPoints) perWeight = Math.max(1, perWeight / 2);
    return perWeight;
  }

  /**
   * Bring the ring in line with `members` (weight > 0 only), touching only `changedSlots` — O(points)
   * for the merge instead of rehashing every backend. When the cap forces a different points-per-weight
   * (the pool doubled or halved), everything is rebuilt.
   */
  update(members: readonly RingMember[], changedSlots: ReadonlySet<number>, idOf: (slot: number) => string): void {
    const totalWeight = members.reduce((sum, m) => sum + m.weight, 0);
    const perWeight = this.pointsPerWeightFor(totalWeight);
    const rebuildAll = perWeight !== this.pointsPerWeightInUse;
    this.pointsPerWeightInUse = perWeight;
    if (rebuildAll) this.countBySlot.clear();
    for (const slot of changedSlots) this.countBySlot.delete(slot);
    const kept = rebuildAll ? { hashes: new Uint32Array(0), owners: new Int32Array(0) } : this.withoutSlots(changedSlots);
    const added = members.filter((m) => rebuildAll || changedSlots.has(m.slot));
    this.merge(kept, this.newPoints(added, perWeight), idOf);
  }

  private withoutSlots(slots: ReadonlySet<number>): { hashes: Uint32Array; owners: Int32Array } {
    const keep = new Uint8Array(this.owners.length);
    let count = 0;
    for (let i = 0; i < this.owners.length; i++) {
      if (!slots.has(this.owners[i] as number)) {
        keep[i] = 1;
        count++;
      }
    }
    const hashes = new Uint32Array(count);
    const owners = new Int32Array(count);
    for (let i = 0, j = 0; i < keep.length; i++) {
      if (keep[i] === 1) {
        hashes[j] = this.hashes[i] as number;
        owners[j++] = this.owners[i] as number;
      }
    }
    return { hashes, owners };
  }

  /** Points of the added members sorted by (hash, id): generated in id order, then a stable sort by hash. */
  private newPoints(added: readonly RingMember[], perWeight: number): { hashes: Uint32Array; owners: Int32Array } {
    const byId = [...added].sort((a, b) => (a.id < b.id ? -1 : 1)); // ids are unique
    const counts = byId.map((m) => Math.max(1, Math.round(m.weight * perWeight)));
    const total = counts.reduce((sum, c) => sum + c, 0);
    const hashes = new Uint32Array(total);
    const owners = new Int32Array(total);
    let n = 0;
    byId.forEach((member, rank) => {
      const count = counts[rank] as number;
      this.countBySlot.set(member.slot, count);
      hashes.set(pointHashes(member.id, count), n);
      owners.fill(member.slot, n, n + count);
      n += count;
    });
    const sorted = radixSortByKey(hashes, owners);
    return { hashes: sorted.keys, owners: sorted.payload };
  }

  private merge(
    a: { hashes: Uint32Array; owners: Int32Array },
    b: { hashes: Uint32Array; owners: Int32Array },
    idOf: (slot: number) => string,
  ): void {
    const total = a.hashes.length + b.hashes.length;
    const hashes = new Uint32Array(total);
    const owners = new Int32Array(total);
    let i = 0;
    let j = 0;
    for (let k = 0; k < total; k++) {
      const takeA =
        j >= b.hashes.length ||
        (i < a.hashes.length && precedes(a.hashes[i] as number, a.owners[i] as number, b.hashes[j] as number, b.owners[j] as number, idOf));
      if (takeA) {
        hashes[k] = a.hashes[i] as number;
        owners[k] = a.owners[i++] as number;
      } else {
        hashes[k] = b.hashes[j] as number;
        owners[k] = b.owners[j++] as number;
      }
    }
    this.hashes = hashes;
    this.owners = owners;
    const start = new Uint32Array(65537);
    for (const hash of hashes) {
      const next = (hash >>> 16) + 1;
      start[next] = (start[next] as number) + 1;
    }
    for (let b = 1; b <= 65536; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
    this.bucketStart = start;
  }

  /**
   * Index of the first point at or after `hash`, wrapping to 0 past the end (the ring closes). A binary
   * search inside the hash's 16-bit bucket: ~log2(points/65536) probes that stay in a few cache lines,
   * instead of ~21 cache misses over a 2M-point ring.
   */
  lookup(hash: number): number {
    const bucket = hash >>> 16;
    let lo = this.bucketStart[bucket] as number;
    let hi = this.bucketStart[bucket + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.hashes[mid] as number) < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.hashes.length ? 0 : lo;
  }

  pointCount(slot: number): number {
    return this.countBySlot.get(slot) ?? 0;
  }
}

function precedes(hashA: number, ownerA: number, hashB: number, ownerB: number, idOf: (slot: number) => string): boolean {
  if (hashA !== hashB) return hashA < hashB;
  return idOf(ownerA) < idOf(ownerB);
}
