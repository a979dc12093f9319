/** "3 min ago" style times; `now` is a parameter so rendering is testable. */
export function relativeTime(isoTime: string, now: number = Date.now()): string {
  const seconds = Math.round((now - new Date(isoTime).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

export const formatMillicores = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(m % 1000 === 0 ? 0 : 1)} cores` : `${m}m`);
export const formatMiB = (m: number) => (m >= 1024 ? `${(m / 1024).toFixed(m % 1024 === 0 ? 0 : 1)} GiB` : `${m} MiB`);

/** A short age or duration for live status: "0.4 s", "12 s", "3 min 5 s", "2 h 10 min", "3 d". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 9.95) return `${Math.round(s * 10) / 10} s`;
  const total = Math.round(s);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return total % 60 ? `${minutes} min ${total % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
