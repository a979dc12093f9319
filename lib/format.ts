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
