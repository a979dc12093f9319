import type { DemoEcho, SimpleResponse } from "./http-client";

/** Send `total` requests with at most `concurrency` in flight; returns every response in completion order. */
export async function sendMany(
  total: number,
  concurrency: number,
  send: (i: number) => Promise<SimpleResponse>,
): Promise<SimpleResponse[]> {
  const responses: SimpleResponse[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      responses.push(await send(i));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return responses;
}

/** How many 200 responses each demo pod served. */
export function countByPod(responses: readonly SimpleResponse[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const response of responses) {
    if (response.status !== 200) continue;
    const pod = (JSON.parse(response.text) as DemoEcho).pod;
    counts.set(pod, (counts.get(pod) ?? 0) + 1);
  }
  return counts;
}

/** Poll `condition` every few ms until it holds or `timeoutMs` passes; resolves with whether it held. */
export async function eventually(condition: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return condition();
}
