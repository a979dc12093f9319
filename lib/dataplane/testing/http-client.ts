import { Agent, request } from "undici";

export interface SimpleResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** A keep-alive client for tests; every request stays on loopback. */
export function testClient(connections = 64): { get: (url: string, headers?: Record<string, string>) => Promise<SimpleResponse>; close: () => Promise<void> } {
  const dispatcher = new Agent({ connections, keepAliveTimeout: 1_000 });
  return {
    get: async (url, headers = {}) => {
      if (!/^http:\/\/(127\.\d+\.\d+\.\d+|\[::1\]|localhost)(:\d+)?\//.test(url)) throw new Error(`tests stay on loopback: ${url}`);
      const response = await request(url, { dispatcher, headers });
      return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
    },
    close: () => dispatcher.close(),
  };
}

/** The backend's echo body (demo service): who answered and which traceparent it saw. */
export interface DemoEcho {
  readonly pod: string;
  readonly port: number;
  readonly traceparent: string | null;
}
