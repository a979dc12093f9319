/** Audit verbs as the Overview's sentences say them: "created", "bound", "stopped the agent of", "scaled down". */
const phrases: Record<string, string> = {
  bind: "bound",
  health: "changed the health of",
  read: "read",
  "stop-agent": "stopped the agent of",
  "start-agent": "started the agent of",
  "mark-ready": "marked ready",
  "mark-not-ready": "marked not ready",
  "scale-down": "scaled down",
};

export function pastTense(verb: string): string {
  if (phrases[verb]) return phrases[verb];
  const [first = "", ...rest] = verb.split("-");
  const done = first.endsWith("e") ? `${first}d` : /[^aeiou][aeiou][pt]$/.test(first) ? `${first}${first.at(-1)}ed` : `${first}ed`;
  return [done, ...rest].join(" ");
}
