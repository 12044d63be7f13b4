import type * as arrow from "apache-arrow";
import { float64Vector, int32Vector } from "../core/arrow-vectors.js";
import { collectStructures } from "./collect-structures.js";
import { EqualLevelPairer, type EqualLevel } from "./equal-level-pairer.js";
import { resolveLiquidityOptions, type LiquidityOptions } from "./liquidity-options.js";
import type { SmcBar, SmcDetector } from "./smc-structure.js";
import { smcTable } from "./smc-table.js";
import { SwingDetector } from "./swing-detector.js";
import { withColumns } from "./with-columns.js";

export type { EqualLevel } from "./equal-level-pairer.js";

/**
 * Equal highs and equal lows, streaming: `update(bar)` returns the pairs confirmed at that bar. Each
 * newly confirmed swing high (SwingDetector, `swingLength`) is compared with the previous confirmed
 * swing high only, and the two are equal when their prices differ by at most the tolerance (a fraction
 * of the earlier price, or a multiple of the ATR); lows likewise. Three equal swings in a row give two
 * pairs (1-2, 2-3); a lower swing high between two equal ones breaks the pair, as in LuxAlgo's script.
 * Confirmation lag: `swingLength` bars after the second swing (knownIndex = index + swingLength).
 * O(1) per bar.
 * @example
 * const eq = new EqualLevelDetector({ swingLength: 3, tolerance: 0.0005 });
 * for (const bar of bars) for (const p of eq.update(bar)) console.log(p.kind, p.level, p.firstTs, p.knownAt);
 * @see LuxAlgo, "Smart Money Concepts" (TradingView script): EQH/EQL from consecutive pivots within a threshold x ATR.
 */
export class EqualLevelDetector implements SmcDetector<EqualLevel> {
  readonly name: string;
  private readonly swings: SwingDetector;
  private readonly pairer: EqualLevelPairer;

  constructor(options: LiquidityOptions = {}) {
    const o = resolveLiquidityOptions(options);
    this.swings = new SwingDetector({ length: o.swingLength });
    this.pairer = new EqualLevelPairer(o);
    this.name = `equal-levels(${o.swingLength}, ${o.tolerance} ${o.toleranceBasis})`;
  }

  update(bar: SmcBar): readonly EqualLevel[] {
    const swings = this.swings.update(bar);
    this.pairer.observe(bar);
    let out: EqualLevel[] | undefined;
    for (const s of swings) {
      const pair = this.pairer.pair(s);
      if (pair !== null) (out ??= []).push(pair);
    }
    return out ?? NONE;
  }

  reset(): void {
    this.swings.reset();
    this.pairer.reset();
  }
}

const NONE: readonly never[] = Object.freeze([] as never[]);

/**
 * Returns the equal highs and lows of a bar table as an Arrow table: the structure columns (kind, ts,
 * knownAt, index, knownIndex, top, bottom) then level, firstTs and firstIndex, one row per pair in the
 * order {@link EqualLevelDetector} reports them.
 * @example detectEqualLevels(table, { toleranceBasis: "atr", tolerance: 0.1 }).numRows
 */
export function detectEqualLevels(table: arrow.Table, options: LiquidityOptions = {}): arrow.Table {
  const pairs = collectStructures(table, new EqualLevelDetector(options));
  return withColumns(smcTable(pairs, false), {
    level: float64Vector(Float64Array.from(pairs, (p) => p.level)),
    firstTs: float64Vector(Float64Array.from(pairs, (p) => p.firstTs)),
    firstIndex: int32Vector(Int32Array.from(pairs, (p) => p.firstIndex)),
  });
}

