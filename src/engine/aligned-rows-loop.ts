import type { SignalEvent } from "./events.js";
import { ScanRowsLoop } from "./scan-rows-loop.js";

/**
 * Several symbols on one calendar, stepped row by row with the strategy's scan run ahead
 * (`alignedRows`; see FastLoop).
 */
export abstract class AlignedRowsLoop extends ScanRowsLoop {
  /**
   * Runs quiet steps on one calendar with the strategy's scan run ahead (see quietSteps; the steps then
   * take every row) while no protective stop is held, and returns whether it ran any; the cursor is
   * left behind. Each step takes row r of every symbol as the aligned steps do, but marks only the
   * symbols held (Portfolio.markHeld: a flat symbol's mark changes nothing but its last price), fills
   * only the symbols that signalled at the row before (unless the book holds other orders), and asks
   * the strategy only from the first row a symbol is due (ScanAhead.due). A flat symbol's last price
   * is set when it signals, since the closed risk step (RiskPhase.closed) reads the equity and the
   * signal's symbol's price only (a signal for another symbol sets them all), and at the end.
   */
  protected alignedRows(): boolean {
    const ahead = this.ahead!, due = ahead.due, k = this.heads.length, consumed = this.consumed, after = this.after;
    const times0 = this.times[0]!, closes = this.closes, columns = this.columns, symbols = this.symbols, end = this.sortedTo[0]!;
    const book = this.book, stops = this.stops, portfolio = this.portfolio, quantity = portfolio.quantity, lastPrice = portfolio.lastPrice;
    const equity = this.equity, risk = this.risk, fills = this.fills, journal = this.journalRecorder, journalMarket = this.o.journalMarketEvents;
    // the symbols that signalled at the row before (ascending), whose orders fill at this one
    const signalled = this.signalled;
    let nextDue = end, waiting = 0;
    for (let s = 0; s < k; s++) nextDue = Math.min(nextDue, due[s]!);
    const start = consumed[0]!;
    let r = start;
    while (r < end && stops.size === 0) {
      const T = times0[r]!;
      this.inStep = true;
      if (book.size > 0) {
        // only the symbols that signalled can have orders, unless the book holds others (then all are looked at)
        let listed = 0;
        for (let i = 0; i < waiting; i++) listed += book.count(signalled[i]!);
        const all = listed !== book.size, n = all ? k : waiting;
        for (let i = 0; i < n; i++) {
          const s = all ? i : signalled[i]!;
          if (book.count(s) === 0) continue;
          if (fills.bar(s, r)) this.symbolCurves.change(this.barCount, s, quantity[s]!, portfolio.averagePrice[s]!, portfolio.realizedPnl[s]!);
        }
      }
      portfolio.markHeld(closes, r);
      if (journalMarket) journal.nextBars(k);
      waiting = 0;
      if (r >= nextDue) {
        let next = end, elsewhere = false;
        for (let s = 0; s < k; s++) {
          if (r >= due[s]!) {
            const out = ahead.at(s, r);
            if (out !== undefined) {
              risk.accept(out, columns[s]!.tsClose[r]!, s);
              signalled[waiting++] = s;
              // a signal for its bar's symbol needs that symbol's price; one for another symbol, all of them
              if (quantity[s] === 0) lastPrice[s] = closes[s]![r]!;
              if (Array.isArray(out) || (out as SignalEvent).symbol !== symbols[s]) elsewhere = true;
            }
          }
          next = Math.min(next, due[s]!);
        }
        nextDue = next;
        if (elsewhere) this.priceFlat(r);
      }
      if (risk.waiting) risk.decideAll(T);
      equity.recordOf(portfolio);
      if (this.stepCount === 0) this.firstTs = T;
      this.stepCount++;
      this.barCount += k;
      this.lastTs = T;
      this.inStep = false;
      r++;
    }
    if (r === start) return false;
    this.priceFlat(r - 1);
    const stepSymbols = this.stepSymbols, stepRows = this.stepRows;
    for (let s = 0; s < k; s++) {
      consumed[s] = after[s] = r;
      stepSymbols[s] = s;
      stepRows[s] = r - 1;
    }
    return true;
  }

  /** Sets the last price of every flat symbol to its close at row `row` (one calendar: see alignedRows). */
  protected priceFlat(row: number): void {
    const quantity = this.portfolio.quantity, lastPrice = this.portfolio.lastPrice, closes = this.closes;
    for (let s = 0; s < quantity.length; s++) if (quantity[s] === 0) lastPrice[s] = closes[s]![row]!;
  }
}
