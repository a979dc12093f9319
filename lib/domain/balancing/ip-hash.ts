import type { BackendTable } from "./backend-table";
import { HashRing, type RingMember } from "./hash-ring";
import { murmur3 } from "./murmur3";
import { SelectionStrategy } from "./selection-strategy";
import type { PickContext } from "./types";

/**
 * Client affinity by consistent hashing of the client address (nginx `hash $remote_addr consistent`,
 * i.e. ketama over the full address; classic nginx `ip_hash` would group a whole /24). The ring holds every
 * backend in the set, healthy or not; an ineligible owner (unhealthy, ejected, full) is skipped by walking
 * clockwise to the next eligible point. So health flaps only move the keys of the backend that flapped,
 * and never rebuild the ring. Pick = murmur3 + binary search + a walk that is short unless most of the pool
 * is ineligible (worst case: the points of ineligible backends in a row).
 */
export class IpHash extends SelectionStrategy {
  private readonly ring: HashRing;
  private eligible = new Uint8Array(0);
  private readonly changed = new Set<number>();

  constructor(
    private readonly table: BackendTable,
    pointsPerWeight?: number,
    maxRingPoints?: number,
  ) {
    super();
    this.ring = new HashRing(pointsPerWeight, maxRingPoints);
    table.onGrow((capacity) => {
      const grown = new Uint8Array(capacity);
      grown.set(this.eligible);
      this.eligible = grown;
    });
  }

  override attach(slot: number): void {
    this.changed.add(slot);
  }

  override detach(slot: number): void {
    this.changed.add(slot);
  }

  override reweigh(slot: number): void {
    this.changed.add(slot);
  }

  override commit(): void {
    if (this.changed.size === 0) return;
    const members: RingMember[] = [];
    const { table } = this;
    for (let slot = 0; slot < table.slotLimit; slot++) {
      const view = table.views[slot];
      const weight = table.weight[slot] as number;
      if (view !== undefined && weight > 0) members.push({ slot, id: view.id, weight });
    }
    this.ring.update(members, this.changed, (slot) => table.view(slot).id);
    this.changed.clear();
  }

  enter(slot: number): void {
    this.eligible[slot] = 1;
  }

  leave(slot: number): void {
    this.eligible[slot] = 0;
  }

  pick(ctx: PickContext): number {
    const { owners } = this.ring;
    const points = owners.length;
    // Without a client address there is nothing to be sticky to: land on a random point.
    const hash = ctx.clientIp === undefined ? Math.floor(ctx.rng() * 2 ** 32) : murmur3(ctx.clientIp);
    let index = this.ring.lookup(hash);
    for (let walked = 0; walked < points; walked++) {
      const owner = owners[index] as number;
      if (this.eligible[owner] === 1) return owner;
      if (++index === points) index = 0;
    }
    return -1;
  }
}
