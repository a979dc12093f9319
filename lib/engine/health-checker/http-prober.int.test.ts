import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../../dataplane/testing/demo-service";
import { isLoopback, watchConnects } from "../../dataplane/testing/loopback-only";
import { SsrfGuard } from "../net";
import { HttpProber } from "./http-prober";

let server: Server;
let port: number;
const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
const connects = watchConnects();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    if (req.url === "/healthz") res.writeHead(200).end("ok");
    else if (req.url === "/redirect") res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else if (req.url === "/hang") return; // never answers
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  connects.stop();
  expect(connects.hosts.filter((h) => !isLoopback(h))).toEqual([]);
});

const guard = new SsrfGuard({
  lookup: async (name) => {
    const table: Record<string, string[]> = { "backend.test": ["127.0.0.1"], "metadata.test": ["169.254.169.254"] };
    if (!(name in table)) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return table[name]!.map((address) => ({ address }));
  },
});
const request = (change: Partial<{ key: string; address: string; port: number; path: string; timeoutMs: number }> = {}) => ({
  key: "b1",
  address: "127.0.0.1",
  port,
  path: "/healthz",
  timeoutMs: 500,
  ...change,
});

describe("HttpProber on loopback", () => {
  test("a passing check reuses one keep-alive connection", async () => {
    const prober = new HttpProber({ guard });
    const before = connects.hosts.length;
    for (let i = 0; i < 5; i++) expect(await prober.probe(request())).toEqual({ outcome: { status: 200 } });
    expect(connects.hosts.length - before).toBe(1);
    await prober.close();
  });

  test("a redirect to the metadata address is a status, never followed", async () => {
    const prober = new HttpProber({ guard });
    const before = connects.hosts.length;
    expect(await prober.probe(request({ path: "/redirect" }))).toEqual({ outcome: { status: 302 } });
    expect(connects.hosts.slice(before).every(isLoopback)).toBe(true);
    await prober.close();
  });

  test("a check that gets no answer times out on time", async () => {
    const prober = new HttpProber({ guard });
    const started = performance.now();
    expect(await prober.probe(request({ path: "/hang", timeoutMs: 150 }))).toEqual({ outcome: { errorCode: "TimeoutError" } });
    expect(performance.now() - started).toBeLessThan(400);
    // The connection is usable again afterwards.
    expect(await prober.probe(request())).toEqual({ outcome: { status: 200 } });
    await prober.close();
  });

  test("nothing listening → ECONNREFUSED", async () => {
    const prober = new HttpProber({ guard });
    expect(await prober.probe(request({ port: await freePort() }))).toEqual({ outcome: { errorCode: "ECONNREFUSED" } });
    await prober.close();
  });

  test("a host name is resolved, checked, connected to by IP, and sent as Host", async () => {
    const prober = new HttpProber({ guard });
    expect(await prober.probe(request({ address: "backend.test" }))).toEqual({ outcome: { status: 200 } });
    expect(seen.at(-1)?.headers.host).toBe(`backend.test:${port}`);
    expect(seen.at(-1)?.headers["user-agent"]).toBe("stratus-health-check/1");
    await prober.close();
  });

  test.each(["169.254.169.254", "2852039166", "0xA9FEA9FE", "0251.0376.0251.0376", "::ffff:169.254.169.254", "metadata.test"])(
    "%s is refused before any connection",
    async (address) => {
      const prober = new HttpProber({ guard });
      const before = connects.hosts.length;
      const response = await prober.probe(request({ address, port: 80 }));
      expect(response.outcome).toEqual({ errorCode: "ERR_SSRF_REFUSED" });
      expect(response.detail).toMatch(/refused by the SSRF guard: .*169\.254\.0\.0\/16/);
      expect(connects.hosts.length).toBe(before);
      await prober.close();
    },
  );

  test("the allow-list is respected: loopback refused when only 10/8 is allowed", async () => {
    const prober = new HttpProber({ guard: new SsrfGuard({ allow: ["10.0.0.0/8"] }) });
    const before = connects.hosts.length;
    const response = await prober.probe(request());
    expect(response.outcome).toEqual({ errorCode: "ERR_SSRF_REFUSED" });
    expect(response.detail).toContain("not in the allowed ranges (10.0.0.0/8)");
    expect(connects.hosts.length).toBe(before);
    await prober.close();
  });

  test("a name is re-resolved after revalidateMs and follows a new answer", async () => {
    let answer = "127.0.0.1";
    let now = 0;
    const moving = new SsrfGuard({ lookup: async () => [{ address: answer }] });
    const prober = new HttpProber({ guard: moving, revalidateMs: 1000, clock: () => now });
    expect(await prober.probe(request({ address: "moving.test" }))).toEqual({ outcome: { status: 200 } });
    answer = "169.254.169.254"; // DNS rebinding attempt
    now = 500;
    expect(await prober.probe(request({ address: "moving.test" }))).toEqual({ outcome: { status: 200 } }); // still the vetted IP
    now = 1500;
    expect((await prober.probe(request({ address: "moving.test" }))).outcome).toEqual({ errorCode: "ERR_SSRF_REFUSED" });
    await prober.close();
  });
});
