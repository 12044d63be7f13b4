import type { EqualLevel } from "./equal-level-pairer.js";
import type { SwingPoint } from "./swing-detector.js";

/** A liquidity level that a later bar can sweep: a confirmed swing, or an equal-highs/lows pair. */
export interface LiquidityLevel {
  readonly kind: "swing-high" | "swing-low" | "equal-highs" | "equal-lows";
  readonly level: number;
  /** Close time and row of the structure: the swing bar, or the pair's second swing. */
  readonly ts: number;
  readonly index: number;
  /** Row of the latest swing in the level, to extend a pair with the next swing. */
  readonly lastSwingIndex: number;
}

/**
 * The intact liquidity levels of one side (internal to SweepDetector). Levels above price (highs) are
 * kept in a stack with the lowest on top, levels below price (lows) with the highest on top: a newly
 * confirmed swing high is never above an intact level, since its own bar took every lower level
 * (and no other swing of the side is confirmed during its lag), so `take` pops from the top and each
 * level is pushed and popped once: O(1) amortized.
 */
export class LiquidityLevelBook {
  private readonly stack: LiquidityLevel[] = [];
  private readonly sign: 1 | -1;

  /** `high` for the levels above price (swing highs, equal highs), false for lows. */
  constructor(high: boolean) {
    this.sign = high ? 1 : -1;
  }

  /** Adds a swing, merged into the top level when the swing pairs with that level's latest swing. */
  add(swing: SwingPoint, pair: EqualLevel | null): void {
    const top = this.stack[this.stack.length - 1];
    if (pair !== null && top !== undefined && top.lastSwingIndex === pair.firstIndex) {
      const level = this.sign > 0 ? Math.max(top.level, pair.level) : Math.min(top.level, pair.level);
      this.stack[this.stack.length - 1] = { kind: pair.kind, level, ts: pair.ts, index: pair.index, lastSwingIndex: swing.index };
    } else {
      this.stack.push({ kind: swing.kind, level: swing.top, ts: swing.ts, index: swing.index, lastSwingIndex: swing.index });
    }
  }

  /**
   * Removes every level the bar's extreme trades beyond (strictly) and calls `swept` for each, nearest
   * first, with whether the bar's close came back inside (at or within the level).
   */
  take(extreme: number, close: number, swept: (level: LiquidityLevel, closedInside: boolean) => void): void {
    const { stack, sign } = this;
    while (stack.length > 0 && (extreme - stack[stack.length - 1]!.level) * sign > 0) {
      const level = stack.pop()!;
      swept(level, (close - level.level) * sign <= 0);
    }
  }

  /** Returns the intact levels, farthest first. */
  levels(): readonly LiquidityLevel[] {
    return this.stack.slice();
  }

  clear(): void {
    this.stack.length = 0;
  }
}
