import { checkEquityCurve } from "./check-equity-curve.js";

/** Simple returns of an equity curve, one per period between consecutive points. */
export interface PeriodReturns {
  /** End of each period (epoch ms UTC): `ts[i]` is the time of the point that closes period i. */
  readonly ts: Float64Array;
  /** Simple return of each period as a fraction (0.01 = 1%); NaN where the period starts at equity <= 0. */
  readonly returns: Float64Array;
}

/**
 * Returns the simple period returns of an equity curve, r_i = E_i / E_(i-1) - 1, one per pair of
 * consecutive points (so n points give n - 1 returns), stamped with the time of the later point. A
 * period that starts at zero or negative equity has no defined return and gets NaN. Throws
 * InvalidOptionError when the timestamps do not increase or the lengths differ.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed., ch. 2.
 * @example
 * periodReturns(new Float64Array([0, 1, 2]), new Float64Array([100, 110, 99])).returns // [0.1, -0.1]
 */
export function periodReturns(ts: ArrayLike<number>, equity: ArrayLike<number>): PeriodReturns {
  checkEquityCurve(ts, equity);
  const n = Math.max(0, ts.length - 1);
  const out = { ts: new Float64Array(n), returns: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const before = equity[i]!;
    out.ts[i] = ts[i + 1]!;
    out.returns[i] = before > 0 ? equity[i + 1]! / before - 1 : NaN;
  }
  return out;
}
