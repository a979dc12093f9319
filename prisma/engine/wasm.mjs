// Loads Prisma's schema engine compiled to wasm (@prisma/schema-engine-wasm). Its package entry point
// imports the .wasm file as an ES module, which Node 20 cannot do, so the module is instantiated by hand.
import { readFile } from "node:fs/promises";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

/** Rust panics report their message here (the bindings call `global.PRISMA_WASM_PANIC_REGISTRY.set_message`). */
export const panics = {
  message: "",
  set_message(message) {
    this.message = message;
    process.stderr.write(`${JSON.stringify({ level: "ERROR", fields: { message: `[panic] ${message}` }, target: "schema_engine_wasm::panic" })}\n`);
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panics;

let loaded;
/** @returns {Promise<typeof bindings>} the bindings (`SchemaEngine`, `version`) once the wasm instance is running */
export function loadSchemaEngine() {
  loaded ??= (async () => {
    const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bindings;
  })();
  return loaded;
}
