"use client";

import { useSyncExternalStore } from "react";

/** One shared one-second clock for live ages ("3 s ago"), so every age on a page ticks together. */
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The browser's clock, ticking every second; null while rendering on the server and hydrating, so server and
 * browser render the same markup (ages and local times appear once the page is live).
 */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => (now === 0 ? null : now),
    () => null,
  );
}
