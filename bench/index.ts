/** `npm run bench`: every benchmark in turn; each prints its figures beside a reference measured in the same run. */
const suites = ["./balancing.bench.ts", "./scheduling.bench.ts", "./dataplane.bench.ts", "./health-checks.bench.ts", "./metrics.bench.ts"];

// `npm run bench -- metrics` runs only the suites whose file name contains one of the given words.
const only = process.argv.slice(2);
for (const suite of suites.filter((s) => only.length === 0 || only.some((word) => s.includes(word)))) {
  const mod = (await import(suite)) as { run: () => Promise<void> };
  await mod.run();
}
export {};
