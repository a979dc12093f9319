import { Hourglass } from "lucide-react";

/** Shown while a pod has no node: say plainly that nothing will place it until the scheduler engine exists. */
export function PendingPanel() {
  return (
    <div role="status" className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      <Hourglass className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div>
        <p className="font-medium">Pending: waiting for the scheduler</p>
        <p className="mt-0.5 text-amber-800 dark:text-amber-300/90">
          The scheduler arrives with the engine and is not running yet, so nothing will place this pod on its own. To run it now, bind it to a
          node in the form below.
        </p>
      </div>
    </div>
  );
}
