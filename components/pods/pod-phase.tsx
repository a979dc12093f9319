import { Badge, type Tone } from "@/components/ui/badge";
import type { PodPhase } from "@/lib/schemas/pod";

const tones: Record<PodPhase, Tone> = { running: "good", pending: "warn", failed: "bad", succeeded: "neutral", unknown: "neutral" };

export function PodPhaseBadge({ phase }: { phase: PodPhase }) {
  return <Badge tone={tones[phase]}>{phase}</Badge>;
}

export function ReadyMark({ ready }: { ready: boolean }) {
  return ready ? (
    <span className="text-emerald-600 dark:text-emerald-400">Yes</span>
  ) : (
    <span className="text-zinc-400 dark:text-zinc-500">No</span>
  );
}
