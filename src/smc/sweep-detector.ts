import type * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector, int32Vector } from "../core/arrow-vectors.js";
import { collectStructures } from "./collect-structures.js";
import { EqualLevelPairer } from "./equal-level-pairer.js";
import { LiquidityLevelBook, type LiquidityLevel } from "./liquidity-level-book.js";
import { resolveLiquidityOptions, type LiquidityOptions } from "./liquidity-options.js";
import type { SmcBar, SmcDetector, SmcStructure } from "./smc-structure.js";
import { smcTable } from "./smc-table.js";
import { SwingDetector } from "./swing-detector.js";
import { withColumns } from "./with-columns.js";

/**
 * A liquidity sweep: a bar whose wick traded beyond a level and whose close came back inside. `ts` =
 * `knownAt` = the sweeping bar's close (`index` = `knownIndex` its row); `top`/`bottom` span the wick
 * beyond the level (sweep-high: bar high down to the level; sweep-low: the level down to the bar low).
 */
export interface Sweep extends SmcStructure {
  readonly kind: "sweep-high" | "sweep-low";
  /** The swept price level. */
  readonly level: number;
  /** What was swept: a confirmed swing or an equal-highs/lows pair. */
  readonly sweptKind: LiquidityLevel["kind"];
  /** Close time and row of the swept structure (the swing bar, or the pair's second swing). */
  readonly sweptTs: number;
  readonly sweptIndex: number;
}

const NONE: readonly never[] = Object.freeze([] as never[]);

/**
 * Liquidity sweeps, streaming: `update(bar)` returns the sweeps made by that bar. The levels are the
 * confirmed swing highs and lows (SwingDetector, `swingLength`), usable from the bar after their
 * confirmation; a swing that makes equal highs (lows) with the previous swing of its side (see
 * EqualLevelDetector) merges with that swing's level while it is intact, into one "equal-highs" level at
 * the more extreme price. A level lives until the first bar whose high (low) trades strictly beyond it:
 * if that bar closes at or inside the level it is a sweep, otherwise a break; either way the level is
 * gone, so each level is swept at most once. One bar may sweep several levels (nearest first; highs,
 * then lows). Lag: none after the sweeping bar; the levels themselves wait `swingLength` bars.
 * O(1) amortized per bar.
 * @example
 * const sweeps = new SweepDetector({ swingLength: 3 });
 * for (const bar of bars) for (const s of sweeps.update(bar)) console.log(s.kind, s.level, s.sweptTs);
 */
export class SweepDetector implements SmcDetector<Sweep> {
  readonly name: string;
  private readonly swings: SwingDetector;
  private readonly pairer: EqualLevelPairer;
  private readonly highs = new LiquidityLevelBook(true);
  private readonly lows = new LiquidityLevelBook(false);

  constructor(options: LiquidityOptions = {}) {
    const o = resolveLiquidityOptions(options);
    this.swings = new SwingDetector({ length: o.swingLength });
    this.pairer = new EqualLevelPairer(o);
    this.name = `sweeps(${o.swingLength}, ${o.tolerance} ${o.toleranceBasis})`;
  }

  update(bar: SmcBar): readonly Sweep[] {
    const swings = this.swings.update(bar); // checks the time order first
    const index = this.swings.barsSeen - 1;
    this.pairer.observe(bar);
    let out: Sweep[] | undefined;
    this.highs.take(bar.high, bar.close, (l, inside) => {
      if (inside) (out ??= []).push(sweep("sweep-high", l, bar.tsClose, index, bar.high, l.level));
    });
    this.lows.take(bar.low, bar.close, (l, inside) => {
      if (inside) (out ??= []).push(sweep("sweep-low", l, bar.tsClose, index, l.level, bar.low));
    });
    for (const s of swings) (s.kind === "swing-high" ? this.highs : this.lows).add(s, this.pairer.pair(s));
    return out ?? NONE;
  }

  /** Returns the intact levels that a later bar could still sweep: highs then lows, each farthest first. */
  activeLevels(): { readonly highs: readonly LiquidityLevel[]; readonly lows: readonly LiquidityLevel[] } {
    return { highs: this.highs.levels(), lows: this.lows.levels() };
  }

  reset(): void {
    this.swings.reset();
    this.pairer.reset();
    this.highs.clear();
    this.lows.clear();
  }
}

function sweep(kind: Sweep["kind"], l: LiquidityLevel, tsClose: number, index: number, top: number, bottom: number): Sweep {
  return { kind, ts: tsClose, knownAt: tsClose, index, knownIndex: index, top, bottom, level: l.level, sweptKind: l.kind, sweptTs: l.ts, sweptIndex: l.index };
}

const SWEPT_KINDS: readonly LiquidityLevel["kind"][] = ["swing-high", "swing-low", "equal-highs", "equal-lows"];

/**
 * Returns the liquidity sweeps of a bar table as an Arrow table: the structure columns (kind, ts,
 * knownAt, index, knownIndex, top, bottom) then level, sweptKind, sweptTs and sweptIndex, in the order
 * {@link SweepDetector} reports them.
 * @example detectSweeps(table, { swingLength: 3 }).getChild("level")
 */
export function detectSweeps(table: arrow.Table, options: LiquidityOptions = {}): arrow.Table {
  const sweeps = collectStructures(table, new SweepDetector(options));
  return withColumns(smcTable(sweeps, false), {
    level: float64Vector(Float64Array.from(sweeps, (s) => s.level)),
    sweptKind: dictionaryVector(Int32Array.from(sweeps, (s) => SWEPT_KINDS.indexOf(s.sweptKind)), SWEPT_KINDS),
    sweptTs: float64Vector(Float64Array.from(sweeps, (s) => s.sweptTs)),
    sweptIndex: int32Vector(Int32Array.from(sweeps, (s) => s.sweptIndex)),
  });
}
