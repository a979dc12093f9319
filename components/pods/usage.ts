import type { Pod } from "@/lib/server/dal/pods";

/** The pod's latest CPU reading as a whole percentage of its CPU request; null without a reading or a request. */
export function cpuOfRequest(pod: Pick<Pod, "usage" | "requests">): number | null {
  const cpu = pod.usage?.cpuMillicores;
  if (cpu == null || !(pod.requests.cpuMillis > 0)) return null;
  return Math.round((cpu * 100) / pod.requests.cpuMillis);
}
