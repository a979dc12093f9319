/** Per-direction tolerances (KEP-4951); both equal the controller flag unless a behavior overrides one. */
export interface Tolerances {
  up: number;
  down: number;
}

/** HPA skips a metric whose usage ratio lies in [1 − down, 1 + up]: the change would be too small. */
export function isWithinTolerance(ratio: number, tolerances: Tolerances): boolean {
  return 1 - tolerances.down <= ratio && ratio <= 1 + tolerances.up;
}

export function describeTolerance(tolerances: Tolerances): string {
  return tolerances.up === tolerances.down
    ? `${tolerances.up}`
    : `[−${tolerances.down}, +${tolerances.up}]`;
}
