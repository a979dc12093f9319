/** Which paths proxy.ts (sign-in redirect, CSP) runs on: not the API, OTLP ingest, or the Prometheus endpoint. */
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { expect, test } from "vitest";
import { config } from "@/proxy";

test.each([
  { url: "/metrics", runs: false }, // scraped without a session
  { url: "/v1/metrics", runs: false }, // OTLP exporters send a bearer token
  { url: "/api/v1/metrics", runs: false },
  { url: "/metrics/explore", runs: true }, // the explorer page
  { url: "/pods", runs: true },
])("$url → proxy runs: $runs", ({ url, runs }) => {
  expect(unstable_doesMiddlewareMatch({ config, url })).toBe(runs);
});
