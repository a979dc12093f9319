import type { PodCpuSample } from "@/lib/domain/autoscaling";

/**
 * Recent CPU samples per pod, kept in the worker's memory for the autoscaler's window (the metrics store of the
 * observability work will persist them too). Bounded: samples older than the horizon are dropped on every add.
 */
export class PodMetricsWindow {
  private readonly samples = new Map<string, PodCpuSample[]>();

  constructor(private readonly horizonMs = 10 * 60_000) {}

  add(sample: PodCpuSample): void {
    const list = this.samples.get(sample.podId) ?? [];
    list.push(sample);
    const cutoff = sample.at - this.horizonMs;
    while (list.length > 0 && list[0]!.at < cutoff) list.shift();
    this.samples.set(sample.podId, list);
  }

  forPods(podIds: Iterable<string>): PodCpuSample[] {
    return [...podIds].flatMap((id) => this.samples.get(id) ?? []);
  }

  forget(podId: string): void {
    this.samples.delete(podId);
  }
}
