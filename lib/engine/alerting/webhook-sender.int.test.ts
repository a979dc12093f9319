/** The webhook sender against a real local server: what it sends, what it will not follow, how long it waits. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SsrfGuard } from "../net";
import { GuardedWebhookSender } from "./webhook-sender";

let server: Server;
let base: string;
const seen: Array<{ url: string; host: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ url: req.url!, host: req.headers.host, body });
      if (req.url === "/redirect") res.writeHead(302, { location: "/ok" }).end();
      else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end(), 2_000);
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

const sender = (timeoutMs = 1_000) => new GuardedWebhookSender({ guard: new SsrfGuard({ allow: ["127.0.0.0/8"] }), timeoutMs });

test("POSTs the payload as JSON with the URL's host, path and query; any 2xx is delivered", async () => {
  const s = sender();
  expect(await s.post(`${base}/hook?team=web`, { status: "firing" })).toEqual({ ok: true, status: 204 });
  expect(seen.at(-1)).toEqual({ url: "/hook?team=web", host: new URL(base).host, body: '{"status":"firing"}' });
  await s.close();
});

test("never follows a redirect: a 3xx is a failure to retry", async () => {
  const s = sender();
  const before = seen.length;
  expect(await s.post(`${base}/redirect`, {})).toEqual({ ok: false, retry: true, error: "HTTP 302 (redirects are not followed)" });
  expect(seen.slice(before).map((r) => r.url)).toEqual(["/redirect"]);
  await s.close();
});

test("gives up on a receiver slower than the timeout (and may retry later)", async () => {
  const s = sender(300);
  const result = await s.post(`${base}/slow`, {});
  expect(result).toMatchObject({ ok: false, retry: true });
  await s.close();
});

test.each([
  ["not a URL", "::nonsense", "not a URL: ::nonsense"],
  ["another scheme", "ftp://127.0.0.1/hook", "ftp: URLs are not sent to"],
  ["credentials in the URL", "http://user:pw@127.0.0.1/hook", "URLs with credentials are not sent to"],
])("refuses %s for good", async (_, url, error) => {
  const s = sender();
  expect(await s.post(url, {})).toEqual({ ok: false, retry: false, error });
  await s.close();
});

test("an address outside the allowed ranges is refused by the guard, for good", async () => {
  const s = sender();
  expect(await s.post("http://10.1.2.3/hook", {})).toEqual({ ok: false, retry: false, error: "refused by the SSRF guard: 10.1.2.3 is not in the allowed ranges (127.0.0.0/8)" });
  await s.close();
});
