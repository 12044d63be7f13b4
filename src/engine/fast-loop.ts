import { usesViewFreeFastPath, viewFreeScan } from "../strategy/view-free-fast-path.js";
import { AlignedRowsLoop } from "./aligned-rows-loop.js";
import { LinearMerge } from "./linear-merge.js";
import { ScanAhead } from "./scan-ahead.js";
import { SingleCursor } from "./single-cursor.js";

/**
 * The engine's run loop: `runSteps` runs steps as EventLoop's `runStep` does, with the same state at
 * every point where code outside the engine runs, and runs the quiet ones itself. Steps are quiet
 * while nothing is captured, the strategy's fast path is view-free (see markViewFree) and the risk
 * manager has no `observe`: then the step's bars are found from each symbol's next row instead of
 * through the cursor, and the cursor (which only the engine's own methods read) is brought up to date
 * (`sync`) only before code that could reach the engine runs: fills and risk steps that could run
 * outside code (see FillPhase.closed and RiskPhase.closed), the end of the data, and the end of the
 * quiet steps. The merge order is the cursor's (by tsClose, ties by handler order);
 * quiet steps run only while every symbol's next bar closes strictly before the one after it, so each
 * step has one bar per symbol at most and the cursor, when brought up to date, passes the order
 * checks it would have made (anything else is left to `runStep`, which throws the cursor's errors
 * where it always did). Over one symbol, the strategy's scan takes the rows in stretches, and when fills
 * and risk steps run no outside code it goes on across trades (see scanRows). Several symbols on one
 * calendar (DataHandler.sharesCalendarWith) at the same row are stepped together, row by row, without
 * reading each one's times. Over several symbols, a whole run whose fills and risk steps run no outside
 * code lets the strategy's scan run ahead per symbol (ScanAhead) while every symbol's rows are sorted
 * to the end: the steps then take all of them, so the strategy ends in the state of one step at a
 * time (only a step that throws, after which the engine must be reset, can leave it ahead).
 */
export abstract class FastLoop extends AlignedRowsLoop {
  /** Runs steps until the data ends or at least `barLimit` bars in all were consumed. */
  protected runSteps(barLimit: number): void {
    const quiet = this.capture === undefined && !this.observeRisk && usesViewFreeFastPath(this.o.strategy)
      && (this.cursor instanceof SingleCursor || this.cursor instanceof LinearMerge);
    this.scan = quiet && this.symbols.length === 1 ? viewFreeScan(this.o.strategy) : undefined;
    this.scanned = undefined;
    // Several symbols scan ahead only over a whole run (no stop before the end) with fills and risk
    // steps that run no outside code: nothing can then see the strategy ahead of the steps.
    const scan = quiet && this.symbols.length > 1 && barLimit === Infinity && this.fills.closed && this.risk.closed ? viewFreeScan(this.o.strategy) : undefined;
    this.scanAhead = scan === undefined ? undefined : new ScanAhead(this.o.strategy, scan, this.columns, this.symbols);
    while (this.headSymbol >= 0 && this.barCount < barLimit) {
      if (!quiet || !this.quietSteps(barLimit)) this.runStep();
    }
  }

  /**
   * Runs quiet steps while they stay quiet (see FastLoop) and returns whether it ran any; leaves the
   * cursor up to date. Each step does what runStep does without fills: the marks and the market
   * events' journal rows, the strategy, the risk step of its signals, the equity row and the counts.
   * (One function, with the state in locals, because it runs once per step.)
   */
  private quietSteps(barLimit: number): boolean {
    const heads = this.heads, after = this.after, times = this.times, closes = this.closes, consumed = this.consumed, k = heads.length;
    const sortedTo = this.sortedTo;
    for (let j = 0; j < k; j++) {
      const ts = times[j]!, p = consumed[j]!;
      if (p < ts.length && p >= this.sortedEnd(j, p)) return false;
      heads[j] = p < ts.length ? ts[p]! : Infinity;
      after[j] = p;
    }
    // the scan runs ahead only while every symbol's rows are sorted to the end (the steps then take them all)
    this.ahead = this.scanAhead !== undefined && this.times.every((ts, j) => sortedTo[j] === ts.length) ? this.scanAhead : undefined;
    this.ahead?.start(consumed, sortedTo);
    const book = this.book, stops = this.stops, portfolio = this.portfolio, equity = this.equity, risk = this.risk;
    const stepSymbols = this.stepSymbols, stepRows = this.stepRows, journal = this.journalRecorder, journalMarket = this.o.journalMarketEvents;
    // On one calendar with every symbol at the same row, each step takes row r of every symbol, closing
    // at the first symbol's time: no search over the heads, and the steps keep them together.
    const aligned = this.oneCalendar && consumed.every((p) => p === consumed[0]) && sortedTo.every((e) => e === sortedTo[0]);
    const times0 = times[0]!;
    let synced = true, steps = 0;
    // nothing outside the engine sees an order made in closed steps: they are frozen when the steps end
    const unfrozen = this.fills.closed && risk.closed;
    if (unfrozen) risk.freezeOrders = false;
    try {
      if (aligned && this.ahead !== undefined && this.alignedRows()) {
        synced = false;
        steps++;
        if (book.size > 0) synced = this.checkUnfilled(synced);
      }
      while (this.barCount < barLimit) {
        if (this.scan !== undefined && this.scanRows(barLimit)) {
          synced = false;
          steps++;
          if (this.scanned === undefined) continue;
        }
        // T, the step's time, and whether a bar at T is past its symbol's sorted rows (then runStep takes it)
        let T = Infinity, unsorted = false;
        if (aligned) {
          const r = consumed[0]!;
          if (r < times0.length) T = times0[r]!;
          unsorted = r >= sortedTo[0]!;
        } else {
          for (let j = 0; j < k; j++) {
            const h = heads[j]!;
            if (h < T) {
              T = h;
              unsorted = consumed[j]! >= sortedTo[j]!;
            } else if (h === T && consumed[j]! >= sortedTo[j]!) {
              unsorted = true;
            }
          }
        }
        if (T === Infinity || unsorted) break;
        synced = false;
        this.inStep = true;
        // the step's bars; without fills to make first, each is marked as it is taken
        const marking = book.size === 0 && stops.size === 0;
        let n = 0;
        if (aligned) {
          const row = consumed[0]!;
          for (let s = 0; s < k; s++) {
            stepSymbols[s] = s;
            stepRows[s] = row;
            after[s] = row + 1;
            if (marking) {
              portfolio.mark(s, closes[s]![row]!);
              consumed[s] = row + 1;
            }
          }
          n = k;
        } else for (let s = 0; s < k; s++) {
          if (heads[s] !== T) continue;
          const row = consumed[s]!, ts = times[s]!;
          stepSymbols[n] = s;
          stepRows[n] = row;
          n++;
          after[s] = row + 1;
          heads[s] = row + 1 < ts.length ? ts[row + 1]! : Infinity;
          if (marking) {
            portfolio.mark(s, closes[s]![row]!);
            consumed[s] = row + 1;
          }
        }
        if (!marking) {
          synced = this.fillPhase(n, synced);
          for (let i = 0; i < n; i++) {
            const s = stepSymbols[i]!, row = stepRows[i]!;
            portfolio.mark(s, closes[s]![row]!);
            consumed[s] = row + 1;
          }
        }
        if (journalMarket) journal.nextBars(n);
        this.strategyPhase(n);
        if (risk.waiting) {
          // a risk step that runs no outside code (see RiskPhase.closed) needs no cursor brought up to date
          if (!synced && !risk.closed) {
            this.sync();
            synced = true;
          }
          risk.decideAll(T);
        }
        equity.recordOf(portfolio);
        if (this.stepCount === 0) this.firstTs = T;
        this.stepCount++;
        this.barCount += n;
        this.lastTs = T;
        if (book.size > 0) synced = this.checkUnfilled(synced);
        this.inStep = false;
        steps++;
      }
    } finally {
      if (!synced) this.sync();
      if (unfrozen) {
        risk.freezeOrders = true;
        book.freezeAll();
      }
    }
    return steps > 0;
  }

  /**
   * The strategy phase of a quiet step of `n` bars, as in runStep: asks the strategy about each bar
   * (or takes what a scan found for it) and accepts its signals. (A method of its own, so that the JS
   * engine inlines the strategy's fast path into it.)
   */
  private strategyPhase(n: number): void {
    const strategy = this.o.strategy, view = this.view, symbols = this.symbols, columns = this.columns, risk = this.risk;
    const stepSymbols = this.stepSymbols, stepRows = this.stepRows, ahead = this.ahead;
    if (ahead !== undefined) {
      // the scan ran ahead: only bars from a symbol's due row on can signal (see ScanAhead.due)
      const due = ahead.due;
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!, row = stepRows[i]!;
        if (row < due[s]!) continue;
        const out = ahead.at(s, row);
        if (out !== undefined) risk.accept(out, columns[s]!.tsClose[row]!, s);
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const s = stepSymbols[i]!, row = stepRows[i]!;
      const out = this.scanned !== undefined ? this.takeScanned()
        : this.ahead !== undefined ? this.ahead.at(s, row) : strategy.calculateSignalsAt!(columns[s]!, row, symbols[s]!, s, view);
      if (out !== undefined) risk.accept(out, columns[s]!.tsClose[row]!, s);
    }
  }

  /**
   * The fill phase of a quiet step of `n` bars, as in runStep, the cursor brought up to date first if
   * a bar has fills that could run outside code (`synced` says whether it is); returns whether the
   * cursor is up to date.
   */
  private fillPhase(n: number, synced: boolean): boolean {
    const book = this.book, stops = this.stops, portfolio = this.portfolio, stepSymbols = this.stepSymbols;
    for (let i = 0; i < n; i++) {
      const s = stepSymbols[i]!;
      const stopped = stops.has(s);
      if (book.count(s) === 0 && !stopped) continue;
      // fills that run no outside code (see FillPhase.closed) need no cursor brought up to date
      if (!synced && (stopped || !this.fills.closed)) {
        this.sync();
        synced = true;
      }
      if (this.fills.bar(s, this.stepRows[i]!)) this.symbolCurves.change(this.barCount, s, portfolio.quantity[s]!, portfolio.averagePrice[s]!, portfolio.realizedPnl[s]!);
    }
    return synced;
  }
}
