import { EngineStateError, LookaheadError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar, BarColumns } from "../core/types.js";
import { barAt } from "../data/bar-table.js";
import { Portfolio } from "../portfolio/portfolio.js";
import { portfolioView, type PortfolioView } from "../portfolio/portfolio-view.js";
import type { ResolvedEngineOptions } from "./backtest-engine-options.js";
import { checkSignal } from "./check-signal.js";
import type { EventCapture } from "./event-capture.js";
import { EventQueue } from "./event-queue.js";
import { ExecutionHandler } from "../execution/execution-handler.js";
import type { DeniedEvent, EngineEvent, MarketEvent, OrderEvent, SignalEvent } from "./events.js";
import { Journal } from "./journal.js";
import { stepCursor, type StepCursor } from "./step-cursor.js";
import { OrderBook } from "./order-book.js";
import { routeSignal } from "./route-signal.js";
import { SymbolCurveLog } from "./symbol-curve-log.js";
import { usesFastPath } from "../strategy/uses-fast-path.js";
import type { EventPredicate } from "./step-target.js";

/**
 * The engine's state and its step: BacktestEngine adds the notebook API on top. One step handles every
 * bar whose tsClose equals the next timestamp T, in phases:
 * 1. fills: each of those bars fills the orders waiting for its symbol (ExecutionHandler), each fill
 *    applied to the portfolio at once, so the next fill sees the cash it left;
 * 2. market: each bar is marked in the portfolio and journaled (as a MarketEvent);
 * 3. strategy: each bar, in the same order, goes to the strategy once all of them are marked (signals
 *    are checked, journaled and queued);
 * 4-5. the queue of signals drains first in, first out: each goes to the risk step, which journals a
 *    denial or an order; an order joins the order book for its symbol's next bar as it is made, so that
 *    a second signal in the same step sees it as held.
 *    So within T: fills, market events, signals, risk decisions, new orders.
 * The equity curve gets one row at the end of the step; the per-symbol curves are rebuilt from the
 * bars and the positions after each symbol's fills (SymbolCurveLog).
 *
 * The per-bar path allocates nothing when the strategy has the fast path `calculateSignalsAt` and no
 * step report is being captured: bars are read from the columns by row, and Bar and MarketEvent
 * objects are made only for a strategy's general `calculateSignals` and for step reports (and for
 * fills when the execution handler overrides `execute`). One symbol is stepped by SingleCursor and up to 16
 * are merged by LinearMerge, both giving the order and errors of MergeCursor, which merges more. A
 * position's excursion range (MAE/MFE) is caught up from the high and low columns at its symbol's next
 * fill instead of bar by bar.
 */
export abstract class EventLoop {
  protected readonly o: ResolvedEngineOptions;
  /** The symbols, in handler order. */
  readonly symbols: readonly string[];
  protected readonly columns: readonly BarColumns[];
  private readonly symbolIndex: ReadonlyMap<string, number>;
  protected readonly totalBarCount: number;
  protected cursor!: StepCursor;
  protected portfolio!: Portfolio;
  protected view!: PortfolioView;
  protected book!: OrderBook;
  /** The signals waiting for the risk step, and their symbols' indices (in step). */
  protected readonly queue = new EventQueue<SignalEvent>();
  private readonly queueSymbols = new EventQueue<number>();
  protected journalRecorder!: Journal;
  protected symbolCurves!: SymbolCurveLog;
  /** The time of the first step (NaN before it). */
  protected firstTs = NaN;
  protected readonly consumed: Int32Array;
  /** Per symbol, the first row whose high and low have not been added to its position's excursion range yet. */
  private readonly rangeRow: Int32Array;
  protected readonly warnings = new Set<string>();
  protected headSymbol = -1;
  protected headRow = -1;
  protected headTs = NaN;
  protected stepCount = 0;
  protected barCount = 0;
  protected lastTs = NaN;
  protected capture: EventCapture<EngineEvent> | undefined = undefined;
  protected predicate: EventPredicate<never> | undefined = undefined;
  protected predicateHit = false;
  private inStep = false;
  private nextOrderId = 1;
  private stepSymbols: Int32Array;
  private stepRows: Int32Array;
  private readonly stepEvents: (MarketEvent | undefined)[] = [];
  private readonly rangeBeforeFills: boolean;
  private fastStrategy = false;
  /** True when the execution handler's `execute` and `marketPrice` are ExecutionHandler's own, so fills can skip the bar object. */
  private plainExecution = false;

  protected constructor(options: ResolvedEngineOptions) {
    this.o = options;
    this.symbols = Object.freeze(options.handlers.map((h) => h.symbol));
    this.symbolIndex = new Map(this.symbols.map((symbol, s) => [symbol, s]));
    this.columns = options.handlers.map((h) => h.columns!);
    this.totalBarCount = this.columns.reduce((n, c) => n + c.tsClose.length, 0);
    this.consumed = new Int32Array(this.symbols.length);
    this.rangeRow = new Int32Array(this.symbols.length);
    this.stepSymbols = new Int32Array(this.symbols.length);
    this.stepRows = new Int32Array(this.symbols.length);
    this.rangeBeforeFills = options.execution.fillAt === "close";
    this.start();
  }

  /** True when every bar has been consumed. */
  get done(): boolean {
    return this.headSymbol < 0;
  }

  /** (Re)creates the run state at the first bar. */
  protected start(): void {
    this.cursor = stepCursor(this.o.handlers);
    const longest = this.columns.reduce((n, c) => Math.max(n, c.tsClose.length), 0);
    this.portfolio = new Portfolio({ initialCash: this.o.initialCash, symbols: this.symbols, capacity: { steps: longest, bars: 16 } });
    this.symbolCurves = new SymbolCurveLog();
    this.book = new OrderBook(this.symbols.length);
    const book = this.book;
    this.view = portfolioView(this.portfolio, { pendingQuantity: (s) => book.pendingQuantity(s), openOrders: () => book.all() });
    this.queue.clear();
    this.queueSymbols.clear();
    this.journalRecorder = new Journal(1024);
    this.stepEvents.fill(undefined);
    this.fastStrategy = usesFastPath(this.o.strategy);
    const execution = this.o.execution;
    this.plainExecution = execution.execute === ExecutionHandler.prototype.execute && execution.marketPrice === ExecutionHandler.prototype.marketPrice;
    this.consumed.fill(0);
    this.rangeRow.fill(0);
    this.warnings.clear();
    this.stepCount = this.barCount = 0;
    this.lastTs = this.firstTs = NaN;
    this.nextOrderId = 1;
    this.inStep = false;
    this.advance();
  }

  /** Throws when an earlier step stopped half-way with an error, leaving the state inconsistent. */
  protected checkIntact(): void {
    if (this.inStep) {
      throw new EngineStateError("a previous step stopped half-way with an error (from the strategy, risk manager or a callback); call engine.reset() to start over");
    }
  }

  /** Throws unless a step may run now. */
  protected checkCanStep(): void {
    this.checkIntact();
    if (this.headSymbol < 0) {
      throw new EngineStateError(
        `the engine has consumed all ${this.totalBarCount} bars${this.lastTs === this.lastTs ? ` (the last at ${toIso(this.lastTs)})` : ""}; call engine.reset() to start over, or engine.results() for the results`,
        { bars: this.barCount, steps: this.stepCount },
      );
    }
  }

  /** Runs one step: every bar at the next timestamp, through all phases. */
  protected runStep(): void {
    this.inStep = true;
    const T = this.headTs;
    let n = 0;
    while (this.headSymbol >= 0 && this.headTs === T) {
      if (n === this.stepSymbols.length) this.growStep();
      this.stepSymbols[n] = this.headSymbol;
      this.stepRows[n] = this.headRow;
      n++;
      this.advance();
    }
    const portfolio = this.portfolio, columns = this.columns, stepSymbols = this.stepSymbols, stepRows = this.stepRows;
    if (this.book.size > 0) {
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!, row = stepRows[i]!;
        if (this.book.count(s) > 0) {
          this.fill(s, row);
          this.symbolCurves.change(this.barCount, s, portfolio.quantity[s]!, portfolio.averagePrice[s]!, portfolio.realizedPnl[s]!);
        }
      }
    }
    const journalMarket = this.o.journalMarketEvents, journal = this.journalRecorder;
    const makeEvents = this.capture !== undefined || !this.fastStrategy;
    for (let i = 0; i < n; i++) {
      const s = stepSymbols[i]!, row = stepRows[i]!, c = columns[s]!;
      const close = c.close[row]!;
      portfolio.mark(s, close);
      this.consumed[s] = row + 1;
      if (journalMarket) journal.nextBar();
      if (makeEvents) {
        const symbol = this.symbols[s]!;
        const event: MarketEvent = { type: "market", ts: T, symbol, bar: barAt(c, row, symbol) };
        this.stepEvents[i] = event;
        if (this.capture !== undefined) this.observe(event);
      }
    }
    if (this.fastStrategy) {
      const strategy = this.o.strategy, view = this.view, symbols = this.symbols;
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!;
        const out = strategy.calculateSignalsAt!(columns[s]!, stepRows[i]!, symbols[s]!, s, view);
        if (out !== undefined) this.acceptAll(out, T, s);
      }
    } else {
      const strategy = this.o.strategy, view = this.view;
      for (let i = 0; i < n; i++) {
        const out = strategy.calculateSignals(this.stepEvents[i]!, view);
        if (out !== undefined) this.acceptAll(out, T, stepSymbols[i]!);
      }
    }
    if (makeEvents) this.stepEvents.fill(undefined, 0, n);
    const queue = this.queue, queueSymbols = this.queueSymbols;
    while (!queue.isEmpty) this.decide(queue.take(), queueSymbols.take(), T);
    portfolio.curves.recordStep(T, portfolio.cash, portfolio.marketValue, portfolio.grossExposure);
    if (this.stepCount === 0) this.firstTs = T;
    this.stepCount++;
    this.barCount += n;
    this.lastTs = T;
    if (this.headSymbol < 0 && this.book.size > 0) {
      this.warn(`${this.book.size} order(s) never filled: the data ended before their symbol's next bar (see snapshot.openOrders)`);
    }
    this.inStep = false;
  }

  /** Returns bar `row` of symbol `s` as a plain object. */
  protected barOf(s: number, row: number): Bar {
    return barAt(this.columns[s]!, row, this.symbols[s]!);
  }

  /** Records a non-fatal issue once (shown in snapshots and results). */
  protected warn(message: string): void {
    this.warnings.add(message);
  }

  private advance(): void {
    const s = this.cursor.next();
    this.headSymbol = s;
    if (s >= 0) {
      this.headRow = this.cursor.row;
      this.headTs = this.columns[s]!.tsClose[this.headRow]!;
    }
  }

  private growStep(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.stepSymbols = grow(this.stepSymbols);
    this.stepRows = grow(this.stepRows);
  }

  private observe(event: EngineEvent): void {
    this.capture!.push(event);
    if (this.predicate !== undefined && !this.predicateHit && this.predicate(event, this as never)) this.predicateHit = true;
  }

  /** Journals and reports a signal, and queues it for the risk step. */
  private emitSignal(signal: SignalEvent, s: number): void {
    this.journalRecorder.signal(signal, s);
    if (this.capture !== undefined) this.observe(signal);
    this.queue.push(signal);
    this.queueSymbols.push(s);
  }

  /** Journals and reports a decision of the risk step (an order or a denial). */
  private emitDecision(event: OrderEvent | DeniedEvent, s: number): void {
    if (event.type === "order") this.journalRecorder.order(event, s);
    else this.journalRecorder.denied(event, s);
    if (this.capture !== undefined) this.observe(event);
  }

  /** Checks and queues what the strategy returned for a bar of symbol `s`: one signal or several. */
  private acceptAll(out: SignalEvent | readonly SignalEvent[], T: number, s: number): void {
    if (Array.isArray(out)) for (const signal of out as readonly SignalEvent[]) this.accept(signal, T, s);
    else this.accept(out as SignalEvent, T, s);
  }

  /** Checks a strategy's signal (made after a bar of symbol `hint`) and queues it. */
  private accept(signal: SignalEvent, T: number, hint: number): void {
    this.emitSignal(signal, checkSignal(signal, this.symbolIndex, this.symbols, T, this.o.strategy.name, hint));
  }

  /** The risk step: turns a signal into an order or a denial (or nothing, for an exit when flat). */
  private decide(signal: SignalEvent, s: number, T: number): void {
    const held = this.portfolio.quantity[s]! + this.book.pendingQuantity(s);
    const route = routeSignal(signal, held, this.o.allowShort, this.o.riskManager, this.view);
    if (route.kind === "order") this.order(signal, s, T, route.side, route.quantity);
    else if (route.kind === "deny") {
      this.emitDecision({ type: "denied", ts: T, symbol: signal.symbol, direction: signal.direction, code: route.code, message: route.message, details: route.details }, s);
    }
  }

  private order(signal: SignalEvent, s: number, T: number, side: "buy" | "sell", quantity: number): void {
    const id = this.nextOrderId++, symbol = signal.symbol, direction = signal.direction, reason = signal.reason, stopPrice = signal.stopPrice;
    const order: OrderEvent = stopPrice === undefined
      ? { type: "order", ts: T, id, symbol, side, quantity, orderType: "market", direction, reason }
      : { type: "order", ts: T, id, symbol, side, quantity, orderType: "market", direction, stopPrice, reason };
    // Frozen: the order events of step reports are the book's own objects, so nobody can resize an approved order.
    Object.freeze(order);
    this.book.add(s, order);
    this.emitDecision(order, s);
  }

  /**
   * Returns how much of an order may fill given the position now: an exit closes at most the position
   * it was meant to close, and without shorting a sell sells at most the long position. Earlier fills
   * cut for cash can leave less than the order was sized for.
   */
  private sellable(s: number, order: OrderEvent): number {
    const held = this.portfolio.quantity[s]!;
    if (order.direction === "exit") return Math.min(order.quantity, Math.max(0, order.side === "sell" ? held : -held));
    if (order.side === "sell" && !this.o.allowShort) return Math.min(order.quantity, Math.max(0, held));
    return order.quantity;
  }

  /**
   * Widens the excursion range of symbol `s`'s position by the bars it was held over since the last
   * catch-up, up to row `end` (exclusive). The position's bars are observed here, at the symbol's next
   * fill (the only time the range is read), rather than one by one: the position is the same over all
   * of them, since only the symbol's own fills change it, and a max and min come out the same either way.
   * With fills at the open, a bar is observed after its fills (with the position they leave); with
   * fills at the close, before them.
   */
  private catchUpRange(s: number, end: number): void {
    const from = this.rangeRow[s]!;
    this.rangeRow[s] = end;
    if (end <= from || this.portfolio.quantity[s] === 0) return;
    const high = this.columns[s]!.high, low = this.columns[s]!.low;
    let hi = -Infinity, lo = Infinity;
    for (let r = from; r < end; r++) {
      const h = high[r]!, l = low[r]!;
      if (h > hi) hi = h;
      if (l < lo) lo = l;
    }
    this.portfolio.observeRange(s, hi, lo);
  }

  /** Fills the orders waiting for symbol `s` against its bar `row`. */
  private fill(s: number, row: number): void {
    this.catchUpRange(s, this.rangeBeforeFills ? row + 1 : row);
    const execution = this.o.execution, c = this.columns[s]!;
    const tsOpen = c.tsOpen[row]!, tsClose = c.tsClose[row]!;
    const atOpen = execution.fillAt === "open";
    // Without overrides of `execute` or `marketPrice`, fills read the bar's columns and no bar object is made.
    const bar = this.plainExecution ? undefined : this.barOf(s, row);
    const due = this.book.take(s);
    for (const order of due) {
      if (!(tsClose > order.ts)) {
        throw new LookaheadError(`order ${order.id} for ${order.symbol} decided at ${toIso(order.ts)} would fill on a bar closing at ${toIso(tsClose)}; bars must close strictly after each other`, { orderId: order.id });
      }
      if (atOpen && tsOpen < order.ts) {
        // The bar opened before the order was decided (another symbol's session overlapping the decision, or
        // bars that overlap): its open was already history, so the order waits for a bar that opens later.
        this.book.add(s, order);
        this.warn("some orders waited past a bar that had opened before they were decided (overlapping sessions or bars), so that no fill uses a price from before its decision");
        continue;
      }
      const allowed = this.sellable(s, order);
      if (allowed === 0) {
        const denied: DeniedEvent = {
          type: "denied", ts: atOpen ? tsOpen : tsClose, symbol: order.symbol, direction: order.direction, code: "NO_POSITION",
          message: `order ${order.id} (${order.side} ${order.quantity} ${order.symbol}, ${order.direction}) has nothing left to ${order.direction === "exit" ? "close" : "sell without shorting"}: an earlier fill was cut`,
          details: { position: this.portfolio.quantity[s]!, requestedQuantity: order.quantity }, orderId: order.id,
        };
        this.journalRecorder.denied(denied, s);
        if (this.capture !== undefined) this.observe(denied);
        continue;
      }
      const cut = allowed < order.quantity;
      const toFill = cut ? { ...order, quantity: allowed } : order;
      let result = bar === undefined
        ? execution.executeAtPrice(toFill, atOpen ? c.open[row]! : c.close[row]!, atOpen ? tsOpen : tsClose, this.portfolio.cash)
        : execution.execute(toFill, bar, this.portfolio.cash);
      if (cut && result.type === "fill") result = { ...result, requestedQuantity: order.quantity };
      if (result.type === "fill") {
        if (result.quantity < result.requestedQuantity) this.warn("INSUFFICIENT_CASH: some buys were cut to what the cash affords (fills with quantity < requestedQuantity)");
        const marketPrice = bar === undefined ? (atOpen ? c.open[row]! : c.close[row]!) : execution.marketPrice(bar);
        this.portfolio.applyFill(s, result, marketPrice, row);
        this.journalRecorder.fill(result, s);
        if (this.capture !== undefined) this.observe(result);
      } else {
        this.journalRecorder.denied(result, s);
        if (this.capture !== undefined) this.observe(result);
      }
    }
  }
}

