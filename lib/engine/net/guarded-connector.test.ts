import { describe, expect, test, vi } from "vitest";
import { guardedConnector, type Connector } from "./guarded-connector";
import { SsrfGuard } from "./ssrf-guard";

const connectOptions = (hostname: string) => ({ hostname, protocol: "http:", port: "80" });

describe("guardedConnector: no socket is opened to a refused address", () => {
  test.each(["169.254.169.254", "[::ffff:a9fe:a9fe]", "[fe80::1]", "8.8.8.8", "metadata.google.internal"])("%s", (hostname) => {
    const base = vi.fn<Connector>();
    const callback = vi.fn();
    guardedConnector(new SsrfGuard(), { base })(connectOptions(hostname), callback);
    expect(base).not.toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith(expect.objectContaining({ code: "ERR_SSRF_REFUSED" }), null);
  });

  test.each(["127.0.0.1", "[::1]", "10.0.0.1"])("%s is passed to the real connector", (hostname) => {
    const base = vi.fn<Connector>();
    const callback = vi.fn();
    guardedConnector(new SsrfGuard(), { base })(connectOptions(hostname), callback);
    expect(base).toHaveBeenCalledWith(connectOptions(hostname), callback);
    expect(callback).not.toHaveBeenCalled();
  });
});
