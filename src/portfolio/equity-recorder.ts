import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector } from "../core/arrow-vectors.js";
import { EquityCurveLog } from "./equity-curve-log.js";

const grown = <A extends Float64Array | Int32Array>(a: A, length: number): A => {
  const b = new (a.constructor as new (n: number) => A)(Math.max(16, length * 2));
  b.set(a.subarray(0, length));
  return b;
};

/**
 * Records a backtest's equity curve, one row per engine step (ts, equity, cash, marketValue,
 * grossExposure; the time and an EquityCurveLog, two numbers a step), and each symbol's
 * curve, one row per bar of that symbol (symbol, ts, position, close, pnl), in typed columns that
 * double when full: memory grows with steps plus bars, not steps x symbols, and a row costs one
 * capacity check. Rows are only ever appended, so tables over them stay valid while recording goes on.
 * @example
 * const curves = new EquityRecorder();
 * curves.recordStep(ts, cash, marketValue, grossExposure);
 * curves.equityTable(); // arrow.Table
 */
export class EquityRecorder {
  private readonly curve: EquityCurveLog;
  private steps = 0;
  private ts: Float64Array;
  private rows = 0;
  private symbol: Int32Array;
  private symbolTs: Float64Array;
  private position: Float64Array;
  private close: Float64Array;
  private pnl: Float64Array;

  /** Reserves `steps` rows of the total curve and `bars` rows of the symbol curves (they grow beyond). */
  constructor(steps = 1024, bars = 1024) {
    const b = Math.max(16, bars);
    this.curve = new EquityCurveLog(steps);
    this.ts = new Float64Array(Math.max(16, steps));
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
    return this.curve.equityAt(i);
  }

  /** Appends one row of the total curve. */
  recordStep(ts: number, cash: number, marketValue: number, grossExposure: number): void {
    const i = this.steps;
    if (i === this.ts.length) this.ts = grown(this.ts, i);
    this.ts[i] = ts;
    this.curve.record(cash, marketValue, grossExposure);
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
    return this.curve.toTable(this.ts.subarray(0, this.steps), steps);
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

  private growRows(): void {
    const n = this.rows;
    this.symbol = grown(this.symbol, n);
    this.symbolTs = grown(this.symbolTs, n);
    this.position = grown(this.position, n);
    this.close = grown(this.close, n);
    this.pnl = grown(this.pnl, n);
  }
}
