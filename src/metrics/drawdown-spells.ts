import { toIso } from "../core/time.js";
import { checkEquityCurve } from "./check-equity-curve.js";

/**
 * One drawdown: a fall of the equity below its running peak and the way back. Indices count points of
 * the curve; times are ISO 8601 UTC strings.
 */
export interface DrawdownSpell {
  /** Deepest fall from the peak as a fraction, <= 0 (-0.25 = the equity lost a quarter of its peak). */
  readonly depth: number;
  readonly peakEquity: number;
  readonly troughEquity: number;
  readonly peakIndex: number;
  readonly troughIndex: number;
  /** First point after the trough back at or above the peak, or null while still under water at the end. */
  readonly recoveryIndex: number | null;
  readonly peakAt: string;
  readonly troughAt: string;
  readonly recoveryAt: string | null;
  readonly recovered: boolean;
  /** Time from the peak to the recovery, or to the last point when not recovered. */
  readonly durationMs: number;
  /** Points from the peak to the recovery (or to the last point): recoveryIndex - peakIndex. */
  readonly durationBars: number;
}

/** Peak, trough and recovery indices of one spell; recovery is -1 when the curve ends under water. */
export interface SpellIndices {
  peak: number;
  trough: number;
  recovery: number;
}

/**
 * Calls `visit` for each drawdown spell of the curve in time order, with indices only. A peak is the
 * last point at the running maximum (so touching the old high again ends a spell); a spell starts when
 * the equity falls below it. The `indices` object is reused: copy what you keep.
 */
export function scanDrawdownSpells(equity: ArrayLike<number>, visit: (indices: SpellIndices) => void): void {
  const n = equity.length;
  const s: SpellIndices = { peak: 0, trough: 0, recovery: -1 };
  let under = false;
  for (let i = 1; i < n; i++) {
    const e = equity[i]!;
    if (e >= equity[s.peak]!) {
      if (under) {
        s.recovery = i;
        visit(s);
        under = false;
      }
      s.peak = i;
    } else if (!under) {
      under = true;
      s.trough = i;
      s.recovery = -1;
    } else if (e < equity[s.trough]!) {
      s.trough = i;
    }
  }
  if (under) {
    s.recovery = -1;
    visit(s);
  }
}

/** Returns the full description of a spell found by scanDrawdownSpells. */
export function describeSpell(ts: ArrayLike<number>, equity: ArrayLike<number>, s: SpellIndices): DrawdownSpell {
  const end = s.recovery >= 0 ? s.recovery : ts.length - 1;
  const peakEquity = equity[s.peak]!;
  return {
    depth: equity[s.trough]! / peakEquity - 1,
    peakEquity,
    troughEquity: equity[s.trough]!,
    peakIndex: s.peak,
    troughIndex: s.trough,
    recoveryIndex: s.recovery >= 0 ? s.recovery : null,
    peakAt: toIso(ts[s.peak]!),
    troughAt: toIso(ts[s.trough]!),
    recoveryAt: s.recovery >= 0 ? toIso(ts[s.recovery]!) : null,
    recovered: s.recovery >= 0,
    durationMs: ts[end]! - ts[s.peak]!,
    durationBars: end - s.peak,
  };
}

/**
 * Returns every drawdown spell of an equity curve in time order: each fall below a running peak with
 * its depth, trough, and recovery (the first point back at or above the peak, if any). Empty when the
 * equity never falls, and when it does not start positive (a drawdown is a fraction of a positive peak).
 * Throws InvalidOptionError when the timestamps do not increase or the lengths differ.
 * @see Magdon-Ismail, M. & Atiya, A. F. (2004). Maximum Drawdown. Risk 17(10), 99-102.
 * @example drawdownSpells(ts, equity).sort((a, b) => a.depth - b.depth).slice(0, 5) // five worst
 */
export function drawdownSpells(ts: ArrayLike<number>, equity: ArrayLike<number>): DrawdownSpell[] {
  checkEquityCurve(ts, equity);
  const spells: DrawdownSpell[] = [];
  if (ts.length === 0 || !(equity[0]! > 0)) return spells;
  scanDrawdownSpells(equity, (s) => spells.push(describeSpell(ts, equity, s)));
  return spells;
}
