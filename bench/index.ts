/** `npm run bench`: every benchmark in turn; each prints its figures beside a reference measured in the same run. */
import { existsSync } from "node:fs";

const suites = ["balancing", "scheduling"];

for (const suite of suites) {
  const file = `./${suite}.bench.ts`;
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const mod = (await import(file)) as { run: () => Promise<void> };
  await mod.run();
}
