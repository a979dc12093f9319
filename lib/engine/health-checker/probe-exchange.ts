import type { Dispatcher } from "undici";
import type { ProbeResponse } from "./types";

class ProbeTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** The error code classifyProbe understands: a socket/undici code, else the error's name. */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : "Error";
}

/**
 * One health-check GET as an undici dispatch handler. The body is read and discarded (the connection stays
 * reusable); the outcome is settled once, by the response's end, an error, or the deadline — whichever comes
 * first. A deadline that fires before the request reached a socket aborts it as soon as it does.
 */
export class ProbeExchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null;
  private status = 0;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly resolve: (response: ProbeResponse) => void,
    timeoutMs: number,
  ) {
    this.timer = setTimeout(this.onTimeout, timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new ProbeTimeoutError("health check timed out"));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(): void {}

  onResponseEnd(): void {
    this.settle({ outcome: { status: this.status } });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.settle({ outcome: { errorCode: errorCodeOf(error) } });
  }

  private readonly onTimeout = (): void => {
    this.settle({ outcome: { errorCode: "TimeoutError" } });
    this.controller?.abort(new ProbeTimeoutError("health check timed out"));
  };

  private settle(response: ProbeResponse): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve(response);
  }
}
