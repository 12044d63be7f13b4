import { ATR } from "../indicators/atr.js";
import type { SmcBar, SmcStructure } from "./smc-structure.js";
import type { SwingPoint } from "./swing-detector.js";
import type { ResolvedLiquidityOptions } from "./liquidity-options.js";

/**
 * Two consecutive confirmed swing highs (or lows) within the tolerance. `ts`/`index` are the second
 * swing's bar, `knownAt`/`knownIndex` the bar that confirmed it (second swing + swing length); `top` and
 * `bottom` span both swings, and `level` is the more extreme of the two (`top` for equal highs,
 * `bottom` for equal lows): the resting orders sit beyond both.
 */
export interface EqualLevel extends SmcStructure {
  readonly kind: "equal-highs" | "equal-lows";
  /** The more extreme of the two swing prices. */
  readonly level: number;
  /** Close time (epoch ms UTC) and row of the first swing of the pair. */
  readonly firstTs: number;
  readonly firstIndex: number;
}

/** Pairs each confirmed swing with the previous one of its side (internal to the liquidity detectors). */
export class EqualLevelPairer {
  private readonly options: ResolvedLiquidityOptions;
  private atr: ATR | undefined;
  private atrValue = Number.NaN;
  private lastHigh: SwingPoint | null = null;
  private lastLow: SwingPoint | null = null;

  constructor(options: ResolvedLiquidityOptions) {
    this.options = options;
    this.atr = options.toleranceBasis === "atr" ? new ATR(options.atrPeriod) : undefined;
  }

  /** Takes the current bar (call once per bar, before `pair`). */
  observe(bar: SmcBar): void {
    if (this.atr !== undefined) this.atrValue = this.atr.update(bar.high, bar.low, bar.close) ?? Number.NaN;
  }

  /** Returns the equal level this newly confirmed swing makes with the previous swing of its side, or null. */
  pair(swing: SwingPoint): EqualLevel | null {
    const high = swing.kind === "swing-high";
    const previous = high ? this.lastHigh : this.lastLow;
    if (high) this.lastHigh = swing;
    else this.lastLow = swing;
    if (previous === null) return null;
    const { tolerance, toleranceBasis } = this.options;
    const allowed = toleranceBasis === "price" ? tolerance * Math.abs(previous.top) : tolerance * this.atrValue;
    if (!(Math.abs(swing.top - previous.top) <= allowed)) return null; // NaN (ATR warming up) never pairs
    const top = Math.max(swing.top, previous.top);
    const bottom = Math.min(swing.top, previous.top);
    return {
      kind: high ? "equal-highs" : "equal-lows", ts: swing.ts, knownAt: swing.knownAt, index: swing.index, knownIndex: swing.knownIndex,
      top, bottom, level: high ? top : bottom, firstTs: previous.ts, firstIndex: previous.index,
    };
  }

  reset(): void {
    this.atr = this.options.toleranceBasis === "atr" ? new ATR(this.options.atrPeriod) : undefined;
    this.atrValue = Number.NaN;
    this.lastHigh = this.lastLow = null;
  }
}
