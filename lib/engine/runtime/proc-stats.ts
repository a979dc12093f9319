/**
 * CPU and memory of a process from Linux /proc text: pure parsing, so it is tested without processes.
 * /proc/<pid>/stat fields 14 and 15 are utime and stime in clock ticks; the comm field may contain spaces and
 * parentheses, so parsing starts after the last ')'.
 */
export function parseCpuTicks(stat: string): number | null {
  const close = stat.lastIndexOf(")");
  if (close === -1) return null;
  const fields = stat.slice(close + 2).split(" ");
  // After ")": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : null;
}

/** Resident memory in MiB from /proc/<pid>/status (`VmRSS:  12345 kB`). */
export function parseRssMiB(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

/** Millicores used between two tick readings (100 ticks per second on Linux). */
export function cpuMillicores(ticksBefore: number, ticksAfter: number, elapsedMs: number, ticksPerSecond = 100): number {
  if (elapsedMs <= 0) return 0;
  const cpuMs = ((ticksAfter - ticksBefore) * 1000) / ticksPerSecond;
  return Math.max(0, Math.round((cpuMs / elapsedMs) * 1000));
}
