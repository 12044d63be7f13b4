import { checkEquityCurve } from "./check-equity-curve.js";

/** How much of the time a strategy held positions, and how large they were. */
export interface ExposureStats {
  /** Fraction of elapsed calendar time with a position (exposure > 0), 0-1. */
  readonly timeInMarket: number;
  /** Fraction of periods (intervals between consecutive points) with a position, 0-1. */
  readonly periodsInMarket: number;
  /** Time-weighted mean gross exposure (gross position value / equity; 1 = fully invested, 2 = 2x leverage). */
  readonly averageExposure: number;
}

/**
 * Returns exposure statistics of an equity curve from its per-point gross exposure (gross position
 * value / equity, 0 when flat). The exposure at point i is held over the interval to point i + 1,
 * so the last point weighs nothing. `timeInMarket` weighs intervals by calendar time, so nights and
 * weekends count (an intraday strategy flat overnight scores low); `periodsInMarket` weighs every
 * interval the same. Returns null for fewer than two points. Throws InvalidOptionError for lengths that
 * differ, timestamps that do not increase or a negative exposure.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed.
 * @example exposureStats(Float64Array.of(0, 1, 3), Float64Array.of(1, 0, 0))?.timeInMarket // 1/3
 */
export function exposureStats(ts: ArrayLike<number>, exposure: ArrayLike<number>): ExposureStats | null {
  checkEquityCurve(ts, new Float64Array(ts.length), exposure);
  const n = ts.length;
  if (n < 2) return null;
  let inMs = 0;
  let inPeriods = 0;
  let weighted = 0;
  for (let i = 0; i < n - 1; i++) {
    const dt = ts[i + 1]! - ts[i]!;
    const x = exposure[i]!;
    weighted += x * dt;
    if (x > 0) {
      inMs += dt;
      inPeriods++;
    }
  }
  const elapsed = ts[n - 1]! - ts[0]!;
  return { timeInMarket: inMs / elapsed, periodsInMarket: inPeriods / (n - 1), averageExposure: weighted / elapsed };
}
