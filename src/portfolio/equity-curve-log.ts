import * as arrow from "apache-arrow";
import { float64Vector } from "../core/arrow-vectors.js";
import { RowStore } from "../engine/row-store.js";
import { markSteps } from "./mark-steps.js";
import type { Portfolio } from "./portfolio.js";

/**
 * Returns Object.is(a, b) for numbers: written out because a call to Object.is that the JS engine does
 * not turn into a compare boxes both numbers, once per step.
 */
const same = (a: number, b: number): boolean => (a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b);

const grown = (a: Float64Array, length: number, least = 0): Float64Array => {
  const b = new Float64Array(Math.max(16, length * 2, least));
  b.set(a.subarray(0, length));
  return b;
};

/**
 * The money columns of a backtest's total curve, one row per step (equity, cash, marketValue,
 * grossExposure), kept in as few numbers as give every row back exactly: a step stores its market
 * value (8 bytes, the only number written per step); cash, which only fills change, is logged at its
 * changes; gross exposure, equal to the market value while no position is short, is stored per step
 * only from the first step where it differs. The step times are the caller's (EquityRecorder stores
 * them; the engine replays them from the merge when the table is built: see stepTimes). Rows are only
 * appended, so tables over them stay valid while recording goes on.
 * @example
 * const curve = new EquityCurveLog(1024);
 * curve.record(cash, marketValue, grossExposure);
 * curve.toTable(times); // arrow.Table
 */
export class EquityCurveLog {
  private steps = 0;
  private market: Float64Array;
  /** Gross exposure per step, once it has differed from the market value (before that, the market value is it). */
  private gross: Float64Array | undefined = undefined;
  /** Cash changes, [step, cash] each: from step `step` on, cash is `cash` (in chunks, never copied as they grow). */
  private readonly cashLog = new RowStore(2);
  private changes = 0;
  private lastCash = 0;
  /** The change that the last cash lookup found (lookups mostly go forward). */
  private cursor = 0;
  /** Runs of marked steps whose rows are not written yet (see recordMarks): first step, steps, first row, quantity, symbol, first market value, first gross exposure. */
  private readonly runs = new RowStore(7);
  /** The number of runs written. */
  private runsWritten = 0;
  /** Per symbol, the prices its runs mark. */
  private readonly runPrices: (Float64Array | undefined)[] = [];
  private readonly marked = new Float64Array(2);

  /** The rows the columns get when first allocated. */
  private readonly reserve: number;

  /** Reserves `steps` rows (they grow beyond), allocated when a row is first written. */
  constructor(steps = 1024) {
    this.reserve = Math.max(16, steps);
    this.market = new Float64Array(0);
  }

  /** The number of rows (steps) recorded. */
  get length(): number {
    return this.steps;
  }

  /** Appends one row. */
  record(cash: number, marketValue: number, grossExposure: number): void {
    this.recordOf({ cash, marketValue, grossExposure });
  }

  /**
   * Appends the row of `state` now (e.g. a Portfolio). The engine's step calls this form, which passes
   * no number: a number passed to a call the JS engine does not inline is boxed, and this runs once per
   * step. The usual step (no regrowth, cash as before, gross exposure = market value) stays small
   * enough to be inlined.
   */
  recordOf(state: { readonly cash: number; readonly marketValue: number; readonly grossExposure: number }): void {
    const i = this.steps, gross = this.gross;
    const cash = state.cash, marketValue = state.marketValue, grossExposure = state.grossExposure;
    if (i >= this.market.length || this.changes === 0 || !same(cash, this.lastCash) || (gross === undefined && !same(grossExposure, marketValue))) {
      this.recordChange(cash, marketValue, grossExposure);
      return;
    }
    this.market[i] = marketValue;
    if (gross !== undefined) gross[i] = grossExposure;
    this.steps = i + 1;
  }

  /**
   * Appends the rows of `to - from` steps that each mark symbol `s` of `portfolio` at its next price
   * of `prices` (from row `from`), with the same rows and portfolio state as `portfolio.mark(s, prices[r])`
   * then `recordOf(portfolio)` per row (no fill changes the cash in between). The portfolio is marked
   * through them at once, the first row's cash is logged, and the rows are kept as a run (first step,
   * steps, first row, quantity, symbol, the first row's market value and gross exposure), written
   * when the curve is read (equityAt, toTable) or must be copied, with the same arithmetic (markSteps):
   * as the journal keeps market events, a run of quiet steps costs no memory per step (and touches
   * no page of the columns) while the backtest runs. While gross exposure would leave the market value
   * without a gross column (a short), rows are recorded one by one.
   */
  recordMarks(portfolio: Portfolio, s: number, prices: Float64Array, from: number, to: number): void {
    if (to <= from) return;
    portfolio.mark(s, prices[from]!);
    const m = portfolio.marketValue, g = portfolio.grossExposure;
    if (this.gross === undefined && (portfolio.quantity[s]! < 0 || !same(g, m))) {
      this.recordOf(portfolio);
      for (let r = from + 1; r < to; r++) {
        portfolio.mark(s, prices[r]!);
        this.recordOf(portfolio);
      }
      return;
    }
    const i = this.steps, n = to - from, cash = portfolio.cash;
    if (this.changes === 0 || !same(cash, this.lastCash)) this.logCash(i, cash);
    if (this.runPrices[s] !== prices) {
      // the runs of symbol s so far read its earlier prices
      this.writeRuns();
      while (this.runPrices.length <= s) this.runPrices.push(undefined);
      this.runPrices[s] = prices;
    }
    const runs = this.runs, o = runs.append(), c = runs.chunk;
    c[o] = i;
    c[o + 1] = n;
    c[o + 2] = from;
    c[o + 3] = portfolio.quantity[s]!;
    c[o + 4] = s;
    c[o + 5] = m;
    c[o + 6] = g;
    portfolio.markRows(s, prices, from + 1, to);
    this.steps = i + n;
  }

  /** Returns the equity (cash + market value) of row `i`, as in the table. */
  equityAt(i: number): number {
    if (this.runsWritten < this.runs.length) this.writeRuns();
    return this.cashAt(i) + this.market[i]!;
  }

  /**
   * Returns the curve as an Arrow table: ts (epoch ms UTC of the step, from `times`), equity, cash,
   * marketValue and grossExposure (money), of the first `steps` rows (default: as many as `times` has;
   * fewer when fewer were recorded).
   */
  toTable(times: Float64Array, steps = times.length): arrow.Table {
    this.writeRuns();
    const n = Math.min(steps, this.steps, times.length);
    const market = this.market.subarray(0, n);
    const cash = new Float64Array(n), equity = new Float64Array(n);
    const log = this.cashLog;
    for (let k = 0; k < this.changes; k++) {
      const from = log.get(k, 0);
      if (from >= n) break;
      cash.fill(log.get(k, 1), from, k + 1 < this.changes ? Math.min(n, log.get(k + 1, 0)) : n);
    }
    for (let i = 0; i < n; i++) equity[i] = cash[i]! + market[i]!;
    return new arrow.Table({
      ts: float64Vector(times.subarray(0, n)),
      equity: float64Vector(equity),
      cash: float64Vector(cash),
      marketValue: float64Vector(market),
      grossExposure: float64Vector((this.gross ?? this.market).subarray(0, n)),
    });
  }

  /** Returns the cash of row `i`: the value of the last change at or before it. */
  private cashAt(i: number): number {
    const log = this.cashLog, last = this.changes - 1;
    let k = this.cursor;
    if (k > last || log.get(k, 0) > i) {
      // backwards (rare): binary search for the last change at or before i
      let lo = 0, hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (log.get(mid, 0) <= i) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
    }
    while (k < last && log.get(k + 1, 0) <= i) k++;
    this.cursor = k;
    return log.get(k, 1);
  }

  /** Appends a row that grows the columns, changes the cash or splits the gross exposure off. */
  private recordChange(cash: number, marketValue: number, grossExposure: number): void {
    const i = this.steps;
    if (i >= this.market.length) this.growSteps(i + 1);
    this.market[i] = marketValue;
    if (this.changes === 0 || !Object.is(cash, this.lastCash)) this.logCash(i, cash);
    const gross = this.gross;
    if (gross !== undefined) gross[i] = grossExposure;
    else if (!Object.is(grossExposure, marketValue)) this.splitGross(i, grossExposure);
    this.steps = i + 1;
  }

  private logCash(step: number, cash: number): void {
    const log = this.cashLog, o = log.append(), c = log.chunk;
    c[o] = step;
    c[o + 1] = cash;
    this.changes++;
    this.lastCash = cash;
  }

  /** Starts storing gross exposure per step at row `step`, the market value standing for it before. */
  private splitGross(step: number, grossExposure: number): void {
    this.writeRuns();
    const gross = new Float64Array(this.market.length);
    gross.set(this.market.subarray(0, step));
    gross[step] = grossExposure;
    this.gross = gross;
  }

  /** Writes the rows of the runs of marked steps kept so far (see recordMarks), in order. */
  private writeRuns(): void {
    const runs = this.runs, out = this.marked;
    if (this.runsWritten < runs.length && this.market.length < this.steps) this.growSteps(this.steps);
    for (let k = this.runsWritten; k < runs.length; k++) {
      const at = runs.get(k, 0), n = runs.get(k, 1), from = runs.get(k, 2), q = runs.get(k, 3);
      const prices = this.runPrices[runs.get(k, 4)]!, m = runs.get(k, 5), g = runs.get(k, 6), market = this.market, gross = this.gross;
      market[at] = m;
      if (gross !== undefined) gross[at] = g;
      markSteps(prices, from + 1, from + n, q, prices[from]!, m, g, market, gross, at + 1, out);
    }
    this.runsWritten = runs.length;
  }

  /**
   * Grows the columns to hold at least `least` rows (and twice the rows so far; the reserved rows at
   * first). Runs' rows not written yet stay unwritten (zeros) in the copy.
   */
  private growSteps(least: number): void {
    const n = this.steps, at = Math.max(least, this.reserve);
    this.market = grown(this.market, n, at);
    if (this.gross !== undefined) this.gross = grown(this.gross, n, at);
  }
}
