import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector } from "../core/arrow-vectors.js";

const grown = <A extends Float64Array | Int32Array>(a: A, length: number): A => {
  const b = new (a.constructor as new (n: number) => A)(Math.max(16, length * 2));
  b.set(a.subarray(0, length));
  return b;
};

/**
 * Records a backtest's equity curve, one row per engine step (ts, equity, cash, marketValue,
 * grossExposure), and each symbol's curve, one row per bar of that symbol (symbol, ts, position, close,
 * pnl), in typed columns that double when full: memory grows with steps plus bars, not steps x
 * symbols, and a row costs one capacity check. Rows are only ever appended, so tables over them stay
 * valid while recording goes on.
 * @example
 * const curves = new EquityRecorder();
 * curves.recordStep(ts, cash, marketValue, grossExposure);
 * curves.equityTable(); // arrow.Table
 */
export class EquityRecorder {
  private steps = 0;
  private ts: Float64Array;
  private cash: Float64Array;
  private market: Float64Array;
  private gross: Float64Array;
  private rows = 0;
  private symbol: Int32Array;
  private symbolTs: Float64Array;
  private position: Float64Array;
  private close: Float64Array;
  private pnl: Float64Array;

  /** Reserves `steps` rows of the total curve and `bars` rows of the symbol curves (they grow beyond). */
  constructor(steps = 1024, bars = 1024) {
    const s = Math.max(16, steps), b = Math.max(16, bars);
    this.ts = new Float64Array(s);
    this.cash = new Float64Array(s);
    this.market = new Float64Array(s);
    this.gross = new Float64Array(s);
    this.symbol = new Int32Array(b);
    this.symbolTs = new Float64Array(b);
    this.position = new Float64Array(b);
    this.close = new Float64Array(b);
    this.pnl = new Float64Array(b);
  }

  /** The number of equity rows (steps) recorded. */
  get stepCount(): number {
    return this.steps;
  }

  /** Returns the equity (cash + market value) of step row `i`, as in the equity table. */
  equityAt(i: number): number {
    return this.cash[i]! + this.market[i]!;
  }

  /** Appends one row of the total curve. */
  recordStep(ts: number, cash: number, marketValue: number, grossExposure: number): void {
    const i = this.steps;
    if (i === this.ts.length) this.growSteps();
    this.ts[i] = ts;
    this.cash[i] = cash;
    this.market[i] = marketValue;
    this.gross[i] = grossExposure;
    this.steps = i + 1;
  }

  /** Appends one row of a symbol's curve: its position and close after the bar, and its cumulative P&L. */
  recordSymbol(s: number, ts: number, position: number, close: number, pnl: number): void {
    const i = this.rows;
    if (i === this.symbol.length) this.growRows();
    this.symbol[i] = s;
    this.symbolTs[i] = ts;
    this.position[i] = position;
    this.close[i] = close;
    this.pnl[i] = pnl;
    this.rows = i + 1;
  }

  /**
   * Returns the total curve as an Arrow table: ts (epoch ms UTC of the step), equity, cash, marketValue
   * and grossExposure (money), of the first `steps` rows (default all: the curve as it was then).
   */
  equityTable(steps = this.steps): arrow.Table {
    const n = Math.min(steps, this.steps);
    const cash = this.cash.subarray(0, n), market = this.market.subarray(0, n);
    const equity = new Float64Array(n);
    for (let i = 0; i < n; i++) equity[i] = cash[i]! + market[i]!;
    return new arrow.Table({
      ts: float64Vector(this.ts.subarray(0, n)),
      equity: float64Vector(equity),
      cash: float64Vector(cash),
      marketValue: float64Vector(market),
      grossExposure: float64Vector(this.gross.subarray(0, n)),
    });
  }

  /** Returns the per-symbol curves as one Arrow table: symbol, ts, position, close, pnl (realized + unrealized). */
  symbolTable(symbols: readonly string[]): arrow.Table {
    const n = this.rows;
    return new arrow.Table({
      symbol: dictionaryVector(this.symbol.subarray(0, n), symbols),
      ts: float64Vector(this.symbolTs.subarray(0, n)),
      position: float64Vector(this.position.subarray(0, n)),
      close: float64Vector(this.close.subarray(0, n)),
      pnl: float64Vector(this.pnl.subarray(0, n)),
    });
  }

  private growSteps(): void {
    const n = this.steps;
    this.ts = grown(this.ts, n);
    this.cash = grown(this.cash, n);
    this.market = grown(this.market, n);
    this.gross = grown(this.gross, n);
  }

  private growRows(): void {
    const n = this.rows;
    this.symbol = grown(this.symbol, n);
    this.symbolTs = grown(this.symbolTs, n);
    this.position = grown(this.position, n);
    this.close = grown(this.close, n);
    this.pnl = grown(this.pnl, n);
  }
}
