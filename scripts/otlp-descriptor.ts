/**
 * `npx tsx scripts/otlp-descriptor.ts`: rebuild `lib/telemetry/otlp-proto/otlp.json`, the protobufjs descriptor of the
 * OTLP export services, from the vendored `.proto` files beside it. Run it after updating those files; a unit test
 * fails while the two disagree.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

export const PROTO_DIR = fileURLToPath(new URL("../lib/telemetry/otlp-proto/", import.meta.url));
const SERVICES = ["metrics/v1/metrics_service.proto", "trace/v1/trace_service.proto", "logs/v1/logs_service.proto"].map((f) => `opentelemetry/proto/collector/${f}`);

/** The descriptor as JSON text: every message and enum reachable from the three export services. */
export function buildOtlpDescriptor(): string {
  const root = new protobuf.Root();
  // Imports are written from the proto root ("opentelemetry/proto/…"), as upstream lays them out.
  root.resolvePath = (_origin, target) => path.join(PROTO_DIR, target);
  root.loadSync(SERVICES, { keepCase: false });
  return `${JSON.stringify(root.toJSON(), null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(path.join(PROTO_DIR, "otlp.json"), buildOtlpDescriptor());
}
