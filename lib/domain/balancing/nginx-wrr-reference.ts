/**
 * A literal transcription of nginx's smooth weighted round robin (`ngx_http_upstream_get_peer` and the
 * failure branch of `ngx_http_upstream_free_round_robin_peer`): O(n) per pick. It is the oracle the
 * O(log n) SmoothWeightedRoundRobin is tested against, and the baseline in the benchmark.
 */
export class NginxSmoothWrrReference {
  readonly weight: number[] = [];
  readonly effective: number[] = [];
  readonly current: number[] = [];
  readonly eligible: boolean[] = [];

  constructor(private readonly maxFails = 1) {}

  /** Peer `index` joins (nginx init: current 0, effective = weight), eligible. */
  add(index: number, weight: number): void {
    this.weight[index] = weight;
    this.effective[index] = weight;
    this.current[index] = 0;
    this.eligible[index] = true;
  }

  setEligible(index: number, eligible: boolean): void {
    this.eligible[index] = eligible;
  }

  setWeight(index: number, weight: number): void {
    this.weight[index] = weight;
    this.effective[index] = weight;
  }

  fail(index: number): void {
    if (this.maxFails <= 0) return;
    const weight = this.weight[index] as number;
    this.effective[index] = Math.max(0, (this.effective[index] as number) - Math.floor(weight / this.maxFails));
  }

  pick(): number {
    let best = -1;
    let total = 0;
    for (let i = 0; i < this.weight.length; i++) {
      if (this.eligible[i] !== true) continue;
      const effective = this.effective[i] as number;
      this.current[i] = (this.current[i] as number) + effective;
      total += effective;
      if (effective < (this.weight[i] as number)) this.effective[i] = effective + 1;
      if (best === -1 || (this.current[i] as number) > (this.current[best] as number)) best = i;
    }
    if (best === -1) return -1;
    this.current[best] = (this.current[best] as number) - total;
    return best;
  }
}
