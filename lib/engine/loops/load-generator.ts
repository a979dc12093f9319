import { readDemoLoad } from "@/lib/server/dal/demo-load";
import type { EngineDeps } from "../deps";
import type { Loop } from "../engine";
import { LoadGenerator } from "../loadgen/load-generator";
import { DEFAULT_LOAD } from "../loadgen/pattern";

/** Keeps the worker's demo load generator in line with its setting and the target pool's listener. */
export function loadGeneratorLoop(generator = new LoadGenerator({ ...DEFAULT_LOAD, enabled: false }, null)): Loop & { generator: LoadGenerator } {
  return {
    name: "load-generator",
    generator,
    async tick({ snapshot }: EngineDeps) {
      const setting = await readDemoLoad();
      const pool = snapshot.pools.find((p) => p.name === setting.poolName);
      const target = pool?.listenPort ? `http://127.0.0.1:${pool.listenPort}` : null;
      generator.configure({ ...DEFAULT_LOAD, enabled: setting.enabled, rps: setting.rps, workMs: setting.workMs }, target);
      generator.start();
    },
  };
}
