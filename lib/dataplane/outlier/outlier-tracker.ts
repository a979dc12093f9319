import {
  EMPTY_OUTLIER_STATE,
  expireEjections,
  forgetBackend,
  isEjected,
  recordResponse,
  unejectOnCheckPassed,
  type Ejection,
  type OutlierDetectionConfig,
  type OutlierState,
} from "../../domain/health";

export interface OutlierListener {
  ejected(ejection: Ejection): void;
  unejected(backendId: string, at: number, cause: "expired" | "check_passed"): void;
}

/** The mutable shell around the pure outlier-detection state of one pool. */
export class OutlierTracker {
  private state: OutlierState = EMPTY_OUTLIER_STATE;

  constructor(
    private readonly config: OutlierDetectionConfig,
    private readonly listener: OutlierListener,
  ) {}

  /** Every proxied response (and every proxy-side failure as its 502/504) of a backend. */
  record(backendId: string, status: number, now: number, poolSize: number): void {
    const { state, ejection } = recordResponse(this.state, backendId, status, now, poolSize, this.config);
    this.state = state;
    if (ejection !== null) this.listener.ejected(ejection);
  }

  /** Return backends whose ejection time is over; run on a timer. */
  sweep(now: number): void {
    const { state, unejected } = expireEjections(this.state, now);
    this.state = state;
    for (const id of unejected) this.listener.unejected(id, now, "expired");
  }

  /** A passing active check returns an ejected backend to service (Envoy's default). */
  checkPassed(backendId: string, now: number): void {
    const { state, unejected } = unejectOnCheckPassed(this.state, backendId, now);
    this.state = state;
    if (unejected) this.listener.unejected(backendId, now, "check_passed");
  }

  forget(backendId: string): void {
    this.state = forgetBackend(this.state, backendId);
  }

  isEjected(backendId: string, now: number): boolean {
    return isEjected(this.state, backendId, now);
  }
}
