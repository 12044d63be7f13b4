import { checkEquityCurve } from "./check-equity-curve.js";
import { describeSpell, scanDrawdownSpells, type DrawdownSpell, type SpellIndices } from "./drawdown-spells.js";

/**
 * Returns the deepest drawdown of an equity curve: the largest fall from a running peak to a later
 * trough, as a fraction (depth <= 0), with its peak, trough and recovery (the first point back at or
 * above the peak) and its duration from peak to recovery, or to the last point when the curve ends
 * under water. Of equally deep spells the first wins. Returns null when the equity never falls below
 * a running peak (maximum drawdown 0) or does not start positive. O(n), one pass.
 * @see Magdon-Ismail, M. & Atiya, A. F. (2004). Maximum Drawdown. Risk 17(10), 99-102.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed., ch. 4.
 * @example maxDrawdown(ts, Float64Array.of(100, 120, 90, 130))?.depth // 90 / 120 - 1 = -0.25
 */
export function maxDrawdown(ts: ArrayLike<number>, equity: ArrayLike<number>): DrawdownSpell | null {
  checkEquityCurve(ts, equity);
  if (ts.length === 0 || !(equity[0]! > 0)) return null;
  let best: SpellIndices | null = null;
  let bestDepth = 0;
  scanDrawdownSpells(equity, (s) => {
    const depth = equity[s.trough]! / equity[s.peak]! - 1;
    if (depth < bestDepth) {
      bestDepth = depth;
      best = { ...s };
    }
  });
  return best === null ? null : describeSpell(ts, equity, best);
}
