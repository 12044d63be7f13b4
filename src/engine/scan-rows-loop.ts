import { QuietLoopState } from "./quiet-loop-state.js";

/**
 * One symbol's quiet steps taken by the strategy's scan, in stretches, and across trades when fills
 * and risk steps run no outside code (`scanRows`; see FastLoop).
 */
export abstract class ScanRowsLoop extends QuietLoopState {
  /**
   * Runs the quiet steps of the one symbol's next rows that the strategy's scan takes, and returns
   * whether it ran any: they leave the state that one step at a time leaves (they mark, record equity
   * rows, count bars and steps, and the cursor is behind). When fills and risk steps run no outside
   * code (FillPhase.closed, RiskPhase.closed), the scan goes on across trades: a row that signals is
   * taken with its risk step, and the orders it makes fill at the next row before the scan takes it,
   * as full steps do (fills, then marks, then signals, then risk); only a protective stop, an order
   * left waiting and the end of the rows stop it. Otherwise a row that signals is left for the next
   * quiet step, with what the strategy returned for it in `scanned`, and waiting orders stop it.
   */
  protected scanRows(barLimit: number): boolean {
    const ts = this.times[0]!, book = this.book, stops = this.stops, stop = this.stop;
    const trades = this.fills.closed && this.risk.closed;
    let ran = false;
    for (;;) {
      const from = this.consumed[0]!;
      let to = Math.min(this.sortedEnd(0, from), from + (barLimit - this.barCount));
      if (to - from < 2 || stops.size > 0) return ran;
      if (book.size > 0) {
        if (!trades) return ran;
        this.fillRow(from);
        // the rows after one with a protective stop, or with an order left waiting, need full steps
        if (stops.size > 0 || book.size > 0) to = from + 1;
      }
      this.scan!.call(this.o.strategy, this.columns[0]!, from, to, this.symbols[0]!, 0, stop);
      const signal = stop.signal;
      stop.signal = undefined;
      if (signal !== undefined && !trades) {
        this.scanned = signal;
        if (stop.row - 1 === from) return ran;
        this.takeRows(from, stop.row - 1);
        return true;
      }
      this.takeRows(from, stop.row);
      ran = true;
      if (signal === undefined) return true;
      // the risk step of the row that signalled (no outside code runs: the cursor may stay behind)
      const T = ts[stop.row - 1]!;
      this.inStep = true;
      this.risk.accept(signal, T, 0);
      if (this.risk.waiting) this.risk.decideAll(T);
      this.inStep = false;
      if (book.size > 0) this.checkUnfilled(false);
    }
  }

  /** Fills the orders waiting for the one symbol at row `row`, as the fill phase of its step does. */
  protected fillRow(row: number): void {
    const portfolio = this.portfolio;
    this.inStep = true;
    if (this.fills.bar(0, row)) this.symbolCurves.change(this.barCount, 0, portfolio.quantity[0]!, portfolio.averagePrice[0]!, portfolio.realizedPnl[0]!);
    this.inStep = false;
  }

  /**
   * Takes rows `from`..`end - 1` of the one symbol as quiet steps whose strategy phase ran (the scan's):
   * marks, equity rows, market events, counts.
   */
  protected takeRows(from: number, end: number): void {
    const ts = this.times[0]!, n = end - from;
    this.equity.recordMarks(this.portfolio, 0, this.closes[0]!, from, end);
    this.consumed[0] = this.after[0] = end;
    this.heads[0] = end < ts.length ? ts[end]! : Infinity;
    this.stepSymbols[0] = 0;
    this.stepRows[0] = end - 1;
    if (this.o.journalMarketEvents) this.journalRecorder.nextBars(n);
    if (this.stepCount === 0) this.firstTs = ts[from]!;
    this.stepCount += n;
    this.barCount += n;
    this.lastTs = ts[end - 1]!;
  }
}
