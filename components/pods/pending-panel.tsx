import { Hourglass } from "lucide-react";

/** Shown while a pod has no node: the engine's scheduler places it on its next pass, or explains why it cannot. */
export function PendingPanel() {
  return (
    <div role="status" className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      <Hourglass className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div>
        <p className="font-medium">Pending: waiting for the scheduler</p>
        <p className="mt-0.5 text-amber-800 dark:text-amber-300/90">
          The engine&rsquo;s scheduler places pending pods about once a second while the engine worker runs (npm start runs one). If
          it stays pending, no node passes the scheduler&rsquo;s filters; you can also bind it to a node in the form below.
        </p>
      </div>
    </div>
  );
}
