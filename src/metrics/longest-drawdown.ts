import { checkEquityCurve } from "./check-equity-curve.js";
import { describeSpell, scanDrawdownSpells, type DrawdownSpell, type SpellIndices } from "./drawdown-spells.js";

/**
 * Returns the longest drawdown of an equity curve: the spell under a running peak that lasted the most
 * calendar time, from its peak to its recovery or, when unrecovered, to the last point (often the
 * answer to "how long could I have waited for a new high?"). Of equally long spells the first wins.
 * Returns null when the equity never falls below a running peak or does not start positive.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed., ch. 4
 *   (drawdown duration).
 * @example longestDrawdown(ts, equity)?.durationMs
 */
export function longestDrawdown(ts: ArrayLike<number>, equity: ArrayLike<number>): DrawdownSpell | null {
  checkEquityCurve(ts, equity);
  const n = ts.length;
  if (n === 0 || !(equity[0]! > 0)) return null;
  let best: SpellIndices | null = null;
  let bestMs = -1;
  scanDrawdownSpells(equity, (s) => {
    const ms = ts[s.recovery >= 0 ? s.recovery : n - 1]! - ts[s.peak]!;
    if (ms > bestMs) {
      bestMs = ms;
      best = { ...s };
    }
  });
  return best === null ? null : describeSpell(ts, equity, best);
}
