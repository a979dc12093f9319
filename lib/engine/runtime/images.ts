import path from "node:path";

/** What the local runtime runs for each image: a command line (the pod's port comes in as PORT). */
export const localImages: Record<string, { command: string; args: string[] }> = {
  "stratus/demo-http": { command: process.execPath, args: [path.resolve("lib/runtime/demo-service.mjs")] },
};
