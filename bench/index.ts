/** `npm run bench`: every benchmark in turn; each prints its figures beside a reference measured in the same run. */
const suites = ["./balancing.bench.ts", "./scheduling.bench.ts", "./dataplane.bench.ts", "./health-checks.bench.ts", "./metrics.bench.ts"];

for (const suite of suites) {
  const mod = (await import(suite)) as { run: () => Promise<void> };
  await mod.run();
}
export {};
