/** Tiny benchmark harness: run a function in timed batches and report the best per-op time. */
export interface Measurement {
  name: string;
  nsPerOp: number;
  opsPerSec: number;
}

export function measure(name: string, op: () => void, opsPerBatch: number, batches = 5): Measurement {
  for (let i = 0; i < Math.min(opsPerBatch, 1000); i++) op(); // warm-up for the JIT
  let best = Number.POSITIVE_INFINITY;
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < opsPerBatch; i++) op();
    const ns = Number(process.hrtime.bigint() - start) / opsPerBatch;
    best = Math.min(best, ns);
  }
  return { name, nsPerOp: best, opsPerSec: 1e9 / best };
}

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n## ${title}`);
  console.table(rows);
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
