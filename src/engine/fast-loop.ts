import { usesViewFreeFastPath, viewFreeScan, type ScanStop, type SignalScan } from "../strategy/view-free-fast-path.js";
import type { SignalEvent } from "./events.js";
import type { ResolvedEngineOptions } from "./backtest-engine-options.js";
import { EventLoop } from "./event-loop.js";
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
export abstract class FastLoop extends EventLoop {
  /** Per symbol, the close time of its next bar (Infinity when it has none), while quiet steps run. */
  private readonly heads: Float64Array;
  /** Per symbol, the row of its next bar after the step running (the cursor's position once the step's bars are taken). */
  private readonly after: Int32Array;
  private readonly times: readonly Float64Array[];
  private readonly closes: readonly Float64Array[];
  /** The strategy's batch form (one symbol only), for the run going on. */
  private scan: SignalScan | undefined = undefined;
  private readonly stop: ScanStop = { row: 0, signal: undefined };
  /** What the strategy returned for the next quiet step's bar when a scan took it (undefined: nothing). */
  private scanned: SignalEvent | readonly SignalEvent[] | undefined = undefined;
  /** Per symbol, its handler's order breaks (see DataHandler.orderBreaks), and the index of the next one (see sortedEnd). */
  private readonly breaks: readonly Int32Array[];
  private readonly nextBreak: Int32Array;
  /** Per symbol, the end of the rows that quiet steps may take, as sortedEnd last found it. */
  private readonly sortedTo: Int32Array;
  /** True when there are several symbols and all share the first one's calendar (DataHandler.sharesCalendarWith). */
  private readonly oneCalendar: boolean;
  /** The strategy's scan run ahead per symbol (several symbols, see ScanAhead), while `ahead` is set. */
  private scanAhead: ScanAhead | undefined = undefined;
  private ahead: ScanAhead | undefined = undefined;
  /** The symbols that signalled at alignedRows' last row, ascending. */
  private readonly signalled: Int32Array;

  protected constructor(options: ResolvedEngineOptions) {
    super(options);
    this.heads = new Float64Array(this.symbols.length);
    this.after = new Int32Array(this.symbols.length);
    this.breaks = options.handlers.map((h) => h.orderBreaks());
    this.nextBreak = new Int32Array(this.symbols.length);
    this.sortedTo = new Int32Array(this.symbols.length).fill(-1);
    this.signalled = new Int32Array(this.symbols.length);
    const handlers = options.handlers;
    this.oneCalendar = handlers.length > 1 && handlers.every((h) => handlers[0]!.sharesCalendarWith(h));
    this.times = this.columns.map((c) => c.tsClose);
    this.closes = this.columns.map((c) => c.close);
  }

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
   * Runs quiet steps on one calendar with the strategy's scan run ahead (see quietSteps; the steps then
   * take every row) while no protective stop is held, and returns whether it ran any; the cursor is
   * left behind. Each step takes row r of every symbol as the aligned steps do, but marks only the
   * symbols held (Portfolio.markHeld: a flat symbol's mark changes nothing but its last price), fills
   * only the symbols that signalled at the row before (unless the book holds other orders), and asks
   * the strategy only from the first row a symbol is due (ScanAhead.due). A flat symbol's last price
   * is set when it signals, since the closed risk step (RiskPhase.closed) reads the equity and the
   * signal's symbol's price only (a signal for another symbol sets them all), and at the end.
   */
  private alignedRows(): boolean {
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
        const n = listed === book.size ? waiting : k;
        for (let i = 0; i < n; i++) {
          const s = n === k ? i : signalled[i]!;
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
  private priceFlat(row: number): void {
    const quantity = this.portfolio.quantity, lastPrice = this.portfolio.lastPrice, closes = this.closes;
    for (let s = 0; s < quantity.length; s++) if (quantity[s] === 0) lastPrice[s] = closes[s]![row]!;
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
   * Runs the quiet steps of the one symbol's next rows that the strategy's scan takes, and returns
   * whether it ran any: they leave the state that one step at a time leaves (they mark, record equity
   * rows, count bars and steps, and the cursor is behind). When fills and risk steps run no outside
   * code (FillPhase.closed, RiskPhase.closed), the scan goes on across trades: a row that signals is
   * taken with its risk step, and the orders it makes fill at the next row before the scan takes it,
   * as full steps do (fills, then marks, then signals, then risk); only a protective stop, an order
   * left waiting and the end of the rows stop it. Otherwise a row that signals is left for the next
   * quiet step, with what the strategy returned for it in `scanned`, and waiting orders stop it.
   */
  private scanRows(barLimit: number): boolean {
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
  private fillRow(row: number): void {
    const portfolio = this.portfolio;
    this.inStep = true;
    if (this.fills.bar(0, row)) this.symbolCurves.change(this.barCount, 0, portfolio.quantity[0]!, portfolio.averagePrice[0]!, portfolio.realizedPnl[0]!);
    this.inStep = false;
  }

  /**
   * Takes rows `from`..`end - 1` of the one symbol as quiet steps whose strategy phase ran (the scan's):
   * marks, equity rows, market events, counts.
   */
  private takeRows(from: number, end: number): void {
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

  /**
   * Returns the end of symbol j's rows from `from` on that quiet steps may take: row r may be taken
   * while rows r and r + 1 (the next head) close strictly before their next rows, as the cursor checks
   * (from the handler's order breaks, found once: the columns do not change; the break found last is
   * remembered, since the rows asked for go forward).
   */
  private sortedEnd(j: number, from: number): number {
    const breaks = this.breaks[j]!;
    let k = this.nextBreak[j]!;
    if (k > 0 && breaks[k - 1]! >= from) k = 0;
    while (k < breaks.length && breaks[k]! < from) k++;
    this.nextBreak[j] = k;
    // rows from..b - 1 close strictly before their next row; row b (the break) does not
    return (this.sortedTo[j] = k < breaks.length ? breaks[k]! - 1 : this.times[j]!.length);
  }

  /** Returns the signals the scan found (see scanRows), forgetting them. */
  private takeScanned(): SignalEvent | readonly SignalEvent[] {
    const out = this.scanned!;
    this.scanned = undefined;
    return out;
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

  /**
   * Warns, as runStep does, when orders wait at the end of the data; returns whether the cursor is up
   * to date (it is brought up to date only at the end of the data, where the warning needs it).
   */
  private checkUnfilled(synced: boolean): boolean {
    const after = this.after, times = this.times;
    for (let j = 0; j < after.length; j++) if (after[j]! < times[j]!.length) return synced;
    if (!synced) this.sync();
    if (this.headSymbol < 0) this.warn(`${this.book.size} order(s) never filled: the data ended before their symbol's next bar (see snapshot.openOrders)`);
    return true;
  }

  /** Brings the cursor and the head up to date with the rows consumed. */
  private sync(): void {
    (this.cursor as SingleCursor | LinearMerge).seek(this.after);
    this.advance();
  }
}
