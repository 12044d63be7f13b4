import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { collectStructures } from "./collect-structures.js";
import type { SmcBar, SmcDetector, SmcStructure } from "./smc-structure.js";
import { smcTable } from "./smc-table.js";
import { SwingDetector, type SwingOptions, type SwingPoint } from "./swing-detector.js";

/** Options of {@link StructureBreakDetector} and {@link detectStructureBreaks}. */
export interface StructureBreakOptions extends SwingOptions {
  /** What must go beyond the swing level: the bar's `"close"` or its `"wick"` (high or low). Default "close". */
  readonly breakBy?: "close" | "wick";
}

/** The structure direction: the direction of the last break, "none" before the first. */
export type StructureDirection = "bullish" | "bearish" | "none";

/**
 * A break of structure (BOS, with the trend) or change of character (CHoCH, against it): `top` =
 * `bottom` = the broken swing's price, `ts`/`index` the swing bar, `knownAt`/`knownIndex` the breaking bar.
 */
export interface StructureBreak extends SmcStructure {
  readonly kind: "bos-bullish" | "bos-bearish" | "choch-bullish" | "choch-bearish";
}

const NONE: readonly never[] = Object.freeze([] as never[]);

/**
 * Breaks of structure and changes of character, streaming: `update(bar)` returns the breaks made by
 * that bar. The detector watches the latest confirmed swing high and swing low (a newly confirmed
 * swing replaces the one before it, broken or not; swings confirmed at a bar count before that bar's
 * check). A bar whose close (or high, `breakBy: "wick"`) is strictly above the watched swing high
 * breaks it bullishly: "bos-bullish" when the direction was already bullish or still "none" (the first
 * break is a BOS), "choch-bullish" when it was bearish; the direction becomes bullish and that level
 * is not watched again. Bearish breaks mirror this; an outside bar that breaks both levels reports the
 * bullish break first. Lag: 0 bars after the breaking bar, at least `length` + 1 after the swing.
 * O(1) amortized per bar.
 * @example
 * const breaks = new StructureBreakDetector({ length: 5, breakBy: "close" });
 * for (const bar of bars) breaks.update(bar);
 * breaks.direction(); // "bullish" | "bearish" | "none"
 */
export class StructureBreakDetector implements SmcDetector<StructureBreak> {
  readonly name: string;
  /** The swing detector that feeds the levels. */
  readonly swings: SwingDetector;
  private readonly byClose: boolean;
  private high: SwingPoint | null = null;
  private low: SwingPoint | null = null;
  private trend: StructureDirection = "none";
  private last: StructureBreak | null = null;

  constructor(options: StructureBreakOptions = {}) {
    this.swings = new SwingDetector(options);
    const breakBy = check.keyword("breakBy", options.breakBy ?? "close", ["close", "wick"] as const);
    this.byClose = breakBy === "close";
    this.name = `structure(${this.swings.length}, ${breakBy})`;
  }

  update(bar: SmcBar): readonly StructureBreak[] {
    const t = this.swings.barsSeen;
    for (const s of this.swings.update(bar)) {
      if (s.kind === "swing-high") this.high = s;
      else this.low = s;
    }
    let out: StructureBreak[] | undefined;
    const high = this.high, low = this.low;
    if (high !== null && (this.byClose ? bar.close : bar.high) > high.top) {
      out = [this.broke(this.trend === "bearish" ? "choch-bullish" : "bos-bullish", high, bar, t)];
      this.trend = "bullish";
      this.high = null;
    }
    if (low !== null && (this.byClose ? bar.close : bar.low) < low.bottom) {
      (out ??= []).push(this.broke(this.trend === "bullish" ? "choch-bearish" : "bos-bearish", low, bar, t));
      this.trend = "bearish";
      this.low = null;
    }
    return out ?? NONE;
  }

  /** Returns the current structure direction (that of the last break). */
  direction(): StructureDirection {
    return this.trend;
  }

  /** Returns the last break reported, or null. */
  lastBreak(): StructureBreak | null {
    return this.last;
  }

  /** Returns the swing levels a bar could break now (null when already broken or none yet). */
  watchedLevels(): { readonly high: SwingPoint | null; readonly low: SwingPoint | null } {
    return { high: this.high, low: this.low };
  }

  reset(): void {
    this.swings.reset();
    this.high = this.low = this.last = null;
    this.trend = "none";
  }

  private broke(kind: StructureBreak["kind"], swing: SwingPoint, bar: SmcBar, t: number): StructureBreak {
    this.last = { kind, ts: swing.ts, knownAt: bar.tsClose, index: swing.index, knownIndex: t, top: swing.top, bottom: swing.bottom };
    return this.last;
  }
}

/**
 * Returns the breaks of structure and changes of character of a bar table as an Arrow table (kind,
 * ts, knownAt, index, knownIndex, top, bottom), in the order {@link StructureBreakDetector} reports them.
 * @example detectStructureBreaks(table, { breakBy: "wick" })
 */
export function detectStructureBreaks(table: arrow.Table, options: StructureBreakOptions = {}): arrow.Table {
  return smcTable(collectStructures(table, new StructureBreakDetector(options)));
}
