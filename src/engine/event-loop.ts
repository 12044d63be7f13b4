import { EngineStateError, LookaheadError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar, BarColumns } from "../core/types.js";
import { barAt } from "../data/bar-table.js";
import { Portfolio } from "../portfolio/portfolio.js";
import { riskView } from "../portfolio/risk-view.js";
import type { RiskContext, RiskView } from "../risk/risk-context.js";
import type { ResolvedEngineOptions } from "./backtest-engine-options.js";
import { checkSignal } from "./check-signal.js";
import type { EventCapture } from "./event-capture.js";
import { EventQueue } from "./event-queue.js";
import { ExecutionHandler } from "../execution/execution-handler.js";
import type { DeniedEvent, EngineEvent, MarketEvent, OrderEvent, SignalEvent } from "./events.js";
import { engineRiskContext } from "./engine-risk-context.js";
import { capFillForRisk } from "./cap-fill-for-risk.js";
import { Journal } from "./journal.js";
import { stepCursor, type StepCursor } from "./step-cursor.js";
import { OrderBook } from "./order-book.js";
import { StopBook } from "./stop-book.js";
import { stopOrder } from "./stop-order.js";
import { routeSignal } from "./route-signal.js";
import { SymbolCurveLog } from "./symbol-curve-log.js";
import { usesFastPath } from "../strategy/uses-fast-path.js";
import type { EventPredicate } from "./step-target.js";

/**
 * The engine's state and its step: BacktestEngine adds the notebook API on top. One step handles every
 * bar whose tsClose equals the next timestamp T, in phases:
 * 1. fills: each of those bars fills the orders waiting for its symbol (ExecutionHandler), each fill
 *    applied to the portfolio at once, so the next fill sees the cash it left, and checks the
 *    protective stop of its symbol's position (see below);
 * 2. market: each bar is marked in the portfolio and journaled (as a MarketEvent);
 * 3. strategy: each bar, in the same order, goes to the strategy once all of them are marked (signals
 *    are checked, journaled and queued);
 * 4-5. the queue of signals drains first in, first out: each goes to the risk step, which journals a
 *    denial or an order; an order joins the order book for its symbol's next bar as it is made, so that
 *    a second signal in the same step sees it as held.
 *    So within T: fills, market events, signals, risk decisions, new orders.
 * The equity curve gets one row at the end of the step, the running peak of equity is updated, and the
 * risk manager's `observe` (when it has one) sees the view; the per-symbol curves are rebuilt from the
 * bars and the positions after each symbol's fills (SymbolCurveLog).
 *
 * Protective stops: an entry order with a `stopPrice` gives the position it opens that stop when it
 * fills (a reversal's replaces the old one, a reversal without one clears it); the stop goes when the
 * position goes flat, and a partial exit keeps it. A bar of the symbol whose low (long) or high (short)
 * reaches the stop closes the position with a "stop" order and its fill, at the stop or at the open when
 * the bar opened beyond it, with the execution handler's slippage and commission. The check follows
 * time within the bar: with fills at the open, after the bar's fills (so an entry filled at the open
 * can be stopped by the rest of its bar); with fills at the close, before them (the bar's range comes
 * before its close, so an entry filled at the close is checked from the next bar on, and orders due at
 * that close find the position the stop left: an exit has nothing left to close, a reversal only opens).
 * Strategies and the risk manager read the portfolio through one RiskView: a PortfolioView plus the
 * peak of equity, the round trips, the stops and the step's time.
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
  protected view!: RiskView;
  protected book!: OrderBook;
  protected stops!: StopBook;
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
  private readonly riskContext: RiskContext;
  /** The running peak of equity at step ends (from the initial cash) over the first `peakSteps` steps: caught up when read. */
  private peak = 0;
  private peakSteps = 0;
  /** Whether the risk manager has maxFillQuantity and observe (looked up once per run). */
  private capFills = false;
  private observeRisk = false;

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
    this.riskContext = engineRiskContext(options.handlers, options.strategy);
    this.start();
  }

  /** True when every bar has been consumed. */
  get done(): boolean {
    return this.headSymbol < 0;
  }

  /** (Re)creates the run state at the first bar, and attaches the risk manager to the run's context. */
  protected start(): void {
    this.cursor = stepCursor(this.o.handlers);
    const longest = this.columns.reduce((n, c) => Math.max(n, c.tsClose.length), 0);
    this.portfolio = new Portfolio({ initialCash: this.o.initialCash, symbols: this.symbols, capacity: { steps: longest, bars: 16 } });
    this.symbolCurves = new SymbolCurveLog();
    this.book = new OrderBook(this.symbols.length);
    this.stops = new StopBook(this.symbols.length);
    const book = this.book, stops = this.stops;
    this.peak = this.o.initialCash;
    this.peakSteps = 0;
    this.view = riskView(this.portfolio, {
      pendingQuantity: (s) => book.pendingQuantity(s), openOrders: () => book.all(), stopPrice: (s) => stops.price(s),
      peakEquity: () => this.peakEquity(), now: () => this.stepTime(),
    });
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
    const risk = this.o.riskManager;
    this.capFills = typeof risk.maxFillQuantity === "function";
    this.observeRisk = typeof risk.observe === "function";
    risk.attach?.(this.riskContext);
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
    const book = this.book, stops = this.stops;
    if (book.size > 0 || stops.size > 0) {
      const stopFirst = this.rangeBeforeFills;
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!, row = stepRows[i]!;
        let stopped = 0, changed = false;
        if (stopFirst && stops.has(s)) changed = (stopped = this.triggerStop(s, row)) !== 0;
        if (book.count(s) > 0) {
          this.fill(s, row, stopped);
          changed = true;
        }
        if (!stopFirst && stops.has(s) && this.triggerStop(s, row) !== 0) changed = true;
        if (changed) this.symbolCurves.change(this.barCount, s, portfolio.quantity[s]!, portfolio.averagePrice[s]!, portfolio.realizedPnl[s]!);
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
    if (this.observeRisk) this.o.riskManager.observe!(this.view);
    if (this.stepCount === 0) this.firstTs = T;
    this.stepCount++;
    this.barCount += n;
    this.lastTs = T;
    if (this.headSymbol < 0 && this.book.size > 0) {
      this.warn(`${this.book.size} order(s) never filled: the data ended before their symbol's next bar (see snapshot.openOrders)`);
    }
    this.inStep = false;
  }

  /**
   * Returns the highest equity at a step's end so far, at least the initial cash: caught up from the
   * equity curve when asked, so that steps pay nothing for it.
   */
  private peakEquity(): number {
    const curves = this.portfolio.curves, n = curves.stepCount;
    for (let i = this.peakSteps; i < n; i++) this.peak = Math.max(this.peak, curves.equityAt(i));
    this.peakSteps = n;
    return this.peak;
  }

  /** Returns the time of the step running (or of the last one between steps; NaN before the first): its first bar's close. */
  private stepTime(): number {
    if (this.stepCount === 0 && !this.inStep) return Number.NaN;
    return this.columns[this.stepSymbols[0]!]!.tsClose[this.stepRows[0]!]!;
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
    if (route.kind === "order") this.order(signal, s, T, route.side, route.quantity, route.stopPrice);
    else if (route.kind === "deny") {
      this.emitDecision({ type: "denied", ts: T, symbol: signal.symbol, direction: signal.direction, code: route.code, message: route.message, details: route.details }, s);
    }
  }

  private order(signal: SignalEvent, s: number, T: number, side: "buy" | "sell", quantity: number, stopPrice: number | undefined): void {
    const id = this.nextOrderId++, symbol = signal.symbol, direction = signal.direction, reason = signal.reason;
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

  /**
   * Fills the orders waiting for symbol `s` against its bar `row`. `stopped` is the signed quantity a
   * protective stop closed earlier in the same bar (fills at the close; positive when it closed a
   * long): orders on the stop's side were sized with that position, so they close only what is left.
   */
  private fill(s: number, row: number, stopped: number): void {
    this.catchUpRange(s, this.rangeBeforeFills ? row + 1 : row);
    const execution = this.o.execution, c = this.columns[s]!;
    const tsOpen = c.tsOpen[row]!, tsClose = c.tsClose[row]!;
    const atOpen = execution.fillAt === "open";
    // Without overrides of `execute` or `marketPrice`, fills read the bar's columns and no bar object is made.
    const bar = this.plainExecution ? undefined : this.barOf(s, row);
    const due = this.book.take(s);
    let stoppedLeft = Math.abs(stopped);
    const stopSide = stopped > 0 ? "sell" : "buy";
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
      let allowed = this.sellable(s, order);
      if (stoppedLeft > 0 && order.side === stopSide) {
        // The part of this order meant to close the position was done by the stop.
        const done = Math.min(stoppedLeft, order.quantity);
        stoppedLeft -= done;
        if (order.direction !== "exit") allowed = Math.min(allowed, order.quantity - done);
      }
      const ts = atOpen ? tsOpen : tsClose;
      if (allowed === 0) {
        this.emitFillDenial({
          type: "denied", ts, symbol: order.symbol, direction: order.direction, code: "NO_POSITION",
          message: `order ${order.id} (${order.side} ${order.quantity} ${order.symbol}, ${order.direction}) has nothing left to ${order.direction === "exit" ? "close" : "sell without shorting"}: an earlier fill was cut, or the position's stop closed it`,
          details: { position: this.portfolio.quantity[s]!, requestedQuantity: order.quantity }, orderId: order.id,
        }, s);
        continue;
      }
      const cut = allowed < order.quantity;
      const toFill = cut ? { ...order, quantity: allowed } : order;
      const marketPrice = bar === undefined ? (atOpen ? c.open[row]! : c.close[row]!) : execution.marketPrice(bar);
      let result = bar === undefined ? execution.executeAtPrice(toFill, marketPrice, ts, this.portfolio.cash) : execution.execute(toFill, bar, this.portfolio.cash);
      let riskCut = false;
      if (result.type === "fill" && this.capFills && order.direction !== "exit") {
        const capped = capFillForRisk(this.o.riskManager, execution, toFill, result, marketPrice, bar, this.portfolio.cash, this.view);
        riskCut = capped !== result;
        if (riskCut && capped.type === "fill") this.warn("RISK_LIMIT_AT_FILL: some entries were cut at their fill to what the risk manager allowed at the fill price (fills with quantity < requestedQuantity)");
        result = capped;
      }
      if (cut && result.type === "fill") result = { ...result, requestedQuantity: order.quantity };
      if (result.type === "fill") {
        if (!riskCut && result.quantity < result.requestedQuantity) this.warn("INSUFFICIENT_CASH: some buys were cut to what the cash affords (fills with quantity < requestedQuantity)");
        this.portfolio.applyFill(s, result, marketPrice, row);
        this.syncStop(s, order);
        this.journalRecorder.fill(result, s);
        if (this.capture !== undefined) this.observe(result);
      } else {
        this.emitFillDenial(result, s);
      }
    }
  }

  /** Journals and reports a denial made at a fill. */
  private emitFillDenial(denied: DeniedEvent, s: number): void {
    this.journalRecorder.denied(denied, s);
    if (this.capture !== undefined) this.observe(denied);
  }

  /**
   * Updates the protective stop of symbol `s` after a fill of `order`: an entry order with a stop that
   * leaves a position on its side sets (or replaces) it; a flat position, or one reversed without a
   * stop of its own, has none; otherwise (a partial exit) it stays.
   */
  private syncStop(s: number, order: OrderEvent): void {
    const q = this.portfolio.quantity[s]!, stops = this.stops;
    if (q === 0) return stops.clear(s);
    const side = q > 0 ? 1 : -1;
    if (order.direction !== "exit" && order.stopPrice !== undefined && (order.side === "buy") === q > 0) stops.set(s, side, order.stopPrice, order.id);
    else if (stops.side(s) !== side) stops.clear(s);
  }

  /**
   * Checks the protective stop of symbol `s` against its bar `row` and, when the bar reached it, closes
   * the position with a stop order and its fill. Returns the signed quantity closed (positive for a
   * long), 0 when the stop was not reached or could not fill (it then stays for the next bar).
   */
  private triggerStop(s: number, row: number): number {
    const stops = this.stops, c = this.columns[s]!, execution = this.o.execution, portfolio = this.portfolio;
    const side = stops.side(s), stopPrice = stops.price(s)!, held = portfolio.quantity[s]!;
    if (held === 0 || (held > 0 ? 1 : -1) !== side) {
      stops.clear(s); // cannot happen: fills keep stops in step with positions
      return 0;
    }
    const open = c.open[row]!, high = c.high[row]!, low = c.low[row]!;
    const orderSide = side > 0 ? "sell" : "buy";
    const market = execution.stopMarketPrice(orderSide, stopPrice, open, high, low);
    if (market !== market) return 0;
    const gapped = side > 0 ? open <= stopPrice : open >= stopPrice;
    const ts = gapped ? c.tsOpen[row]! : c.tsClose[row]!;
    const order = stopOrder({
      id: this.nextOrderId++, ts, symbol: this.symbols[s]!, side: orderSide, quantity: Math.abs(held), stopPrice,
      entryOrderId: stops.orderId(s), reached: side > 0 ? low : high, gapped,
    });
    this.emitDecision(order, s);
    this.catchUpRange(s, row);
    const result = execution.executeStop(order, market, ts, portfolio.cash);
    if (result.type !== "fill") {
      this.emitFillDenial(result, s);
      return 0;
    }
    portfolio.applyFill(s, result, market, row, "stop");
    if (portfolio.quantity[s] === 0) stops.clear(s);
    this.journalRecorder.fill(result, s);
    if (this.capture !== undefined) this.observe(result);
    return side > 0 ? result.quantity : -result.quantity;
  }
}
