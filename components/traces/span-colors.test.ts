import { expect, test } from "vitest";
import { serviceColors, spanColor } from "./span-colors";

const span = (service: string, startUs: number, status = "ok") => ({ service, startUs, status });

test("services are coloured in order of first appearance, whatever the input order", () => {
  const colors = serviceColors([span("db", 30), span("api", 10), span("cache", 20), span("api", 40)]);
  expect(Object.keys(colors)).toEqual(["api", "cache", "db"]);
  expect(new Set(Object.values(colors)).size).toBe(3);
});

test("a failed span is red whatever its service; an unknown service takes the first colour", () => {
  const colors = serviceColors([span("api", 0), span("db", 1)]);
  expect(spanColor(span("db", 1), colors)).toBe(colors.db);
  expect(spanColor(span("db", 1, "error"), colors)).toBe("#ef4444");
  expect(spanColor(span("other", 1), colors)).toBe(colors.api);
});
