import type { Tone } from "@/components/ui/badge";
import type { NodeCondition } from "@/lib/server/dal/nodes";

/** Ready=True is good and Ready=False bad; any other condition that is True (a pressure) is a warning. */
export function conditionTone(c: Pick<NodeCondition, "type" | "status">): Tone {
  if (c.status === "True") return c.type === "Ready" ? "good" : "warn";
  return c.status === "False" && c.type === "Ready" ? "bad" : "neutral";
}
