import { EngineStateError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar, BarColumns } from "../core/types.js";
import { barAt } from "../data/bar-table.js";
import { EquityCurveLog } from "../portfolio/equity-curve-log.js";
import { Portfolio } from "../portfolio/portfolio.js";
import { riskView } from "../portfolio/risk-view.js";
import type { RiskContext, RiskView } from "../risk/risk-context.js";
import type { ResolvedEngineOptions } from "./backtest-engine-options.js";
import type { EventCapture } from "./event-capture.js";
import type { EngineEvent, MarketEvent } from "./events.js";
import { engineRiskContext } from "./engine-risk-context.js";
import { Journal } from "./journal.js";
import { stepCursor, type StepCursor } from "./step-cursor.js";
import { OrderBook } from "./order-book.js";
import { StopBook } from "./stop-book.js";
import { FillPhase } from "./fill-phase.js";
import type { PhaseContext } from "./phase-context.js";
import { RiskPhase } from "./risk-phase.js";
import { SymbolCurveLog } from "./symbol-curve-log.js";
import { sharedTimeColumns } from "./shared-time-columns.js";
import { usesFastPath } from "../strategy/uses-fast-path.js";
import type { EventPredicate } from "./step-target.js";

/**
 * The engine's state and its step: BacktestEngine adds the notebook API on top. One step handles every
 * bar whose tsClose equals the next timestamp T, in phases:
 * 1. fills: each of those bars fills the orders waiting for its symbol and checks the protective stop
 *    of its symbol's position (FillPhase);
 * 2. market: each bar is marked in the portfolio and journaled (as a MarketEvent);
 * 3. strategy: each bar, in the same order, goes to the strategy once all of them are marked (signals
 *    are checked, journaled and queued: RiskPhase);
 * 4-5. the queue of signals drains first in, first out: each goes to the risk step, which journals a
 *    denial or an order; an order joins the order book for its symbol's next bar as it is made, so that
 *    a second signal in the same step sees it as held (RiskPhase).
 *    So within T: fills, market events, signals, risk decisions, new orders.
 * The equity curve gets one row at the end of the step, the running peak of equity is updated, and the
 * risk manager's `observe` (when it has one) sees the view; the per-symbol curves are rebuilt from the
 * bars and the positions after each symbol's fills (SymbolCurveLog).
 *
 * Protective stops and the fill cuts are the fill phase's (see FillPhase and StopTrigger).
 * Strategies and the risk manager read the portfolio through one RiskView: a PortfolioView plus the
 * peak of equity, the round trips, the stops and the step's time.
 *
 * The per-bar path allocates nothing when the strategy has the fast path `calculateSignalsAt` and no
 * step report is being captured: bars are read from the columns by row, and Bar and MarketEvent
 * objects are made only for a strategy's general `calculateSignals` and for step reports (and for
 * fills when the execution handler overrides `execute`). One symbol is stepped by SingleCursor and up to 16
 * are merged by LinearMerge, both giving the order and errors of MergeCursor, which merges more.
 * `run()` goes through FastLoop, which runs the same steps with less bookkeeping where nothing can see it.
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
  protected journalRecorder!: Journal;
  protected symbolCurves!: SymbolCurveLog;
  /** The equity curve, one row per step (its times are replayed from the merge when read: see stepTimes). */
  protected equity!: EquityCurveLog;
  /** The time of the first step (NaN before it). */
  protected firstTs = NaN;
  protected readonly consumed: Int32Array;
  protected fills!: FillPhase;
  protected risk!: RiskPhase;
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
  protected inStep = false;
  private nextOrderId = 1;
  protected stepSymbols: Int32Array;
  protected stepRows: Int32Array;
  private readonly stepEvents: (MarketEvent | undefined)[] = [];
  protected fastStrategy = false;
  private readonly riskContext: RiskContext;
  /** The running peak of equity at step ends (from the initial cash) over the first `peakSteps` steps: caught up when read. */
  private peak = 0;
  private peakSteps = 0;
  /** Whether the risk manager has observe (looked up once per run). */
  protected observeRisk = false;

  protected constructor(options: ResolvedEngineOptions) {
    this.o = options;
    this.symbols = Object.freeze(options.handlers.map((h) => h.symbol));
    this.symbolIndex = new Map(this.symbols.map((symbol, s) => [symbol, s]));
    this.columns = sharedTimeColumns(options.handlers);
    this.totalBarCount = this.columns.reduce((n, c) => n + c.tsClose.length, 0);
    this.consumed = new Int32Array(this.symbols.length);
    this.stepSymbols = new Int32Array(this.symbols.length);
    this.stepRows = new Int32Array(this.symbols.length);
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
    // The portfolio's own recorder stays unused: the loop keeps the curve in `equity`.
    this.portfolio = new Portfolio({ initialCash: this.o.initialCash, symbols: this.symbols, capacity: { steps: 16, bars: 16 }, bars: this.columns });
    this.equity = new EquityCurveLog(longest);
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
    this.journalRecorder = new Journal(1024);
    this.stepEvents.fill(undefined);
    this.fastStrategy = usesFastPath(this.o.strategy);
    this.consumed.fill(0);
    this.warnings.clear();
    this.stepCount = this.barCount = 0;
    this.lastTs = this.firstTs = NaN;
    this.nextOrderId = 1;
    this.inStep = false;
    const risk = this.o.riskManager;
    const context: PhaseContext = {
      columns: this.columns, symbols: this.symbols, symbolIndex: this.symbolIndex, strategyName: this.o.strategy.name,
      portfolio: this.portfolio, view: this.view, book, stops, journal: this.journalRecorder,
      execution: this.o.execution, riskManager: risk, allowShort: this.o.allowShort,
      nextOrderId: () => this.nextOrderId++,
      report: (event) => {
        if (this.capture !== undefined) this.observe(event);
      },
      capturing: () => this.capture !== undefined,
      warn: (message) => this.warn(message),
    };
    this.fills = new FillPhase(context);
    this.risk = new RiskPhase(context);
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
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!;
        if ((book.count(s) > 0 || stops.has(s)) && this.fills.bar(s, stepRows[i]!)) {
          this.symbolCurves.change(this.barCount, s, portfolio.quantity[s]!, portfolio.averagePrice[s]!, portfolio.realizedPnl[s]!);
        }
      }
    }
    const journalMarket = this.o.journalMarketEvents, journal = this.journalRecorder;
    const makeEvents = this.capture !== undefined || !this.fastStrategy;
    if (!makeEvents) {
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!, row = stepRows[i]!;
        portfolio.mark(s, columns[s]!.close[row]!);
        this.consumed[s] = row + 1;
      }
      if (journalMarket) journal.nextBars(n);
    } else {
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!, row = stepRows[i]!, c = columns[s]!;
        portfolio.mark(s, c.close[row]!);
        this.consumed[s] = row + 1;
        if (journalMarket) journal.nextBar();
        const symbol = this.symbols[s]!;
        const event: MarketEvent = { type: "market", ts: T, symbol, bar: barAt(c, row, symbol) };
        this.stepEvents[i] = event;
        if (this.capture !== undefined) this.observe(event);
      }
    }
    const risk = this.risk;
    if (this.fastStrategy) {
      const strategy = this.o.strategy, view = this.view, symbols = this.symbols;
      for (let i = 0; i < n; i++) {
        const s = stepSymbols[i]!;
        const out = strategy.calculateSignalsAt!(columns[s]!, stepRows[i]!, symbols[s]!, s, view);
        if (out !== undefined) risk.accept(out, T, s);
      }
    } else {
      const strategy = this.o.strategy, view = this.view;
      for (let i = 0; i < n; i++) {
        const out = strategy.calculateSignals(this.stepEvents[i]!, view);
        if (out !== undefined) risk.accept(out, T, stepSymbols[i]!);
      }
    }
    if (makeEvents) this.stepEvents.fill(undefined, 0, n);
    if (risk.waiting) risk.decideAll(T);
    this.equity.recordOf(portfolio);
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
    const curve = this.equity, n = curve.length;
    for (let i = this.peakSteps; i < n; i++) this.peak = Math.max(this.peak, curve.equityAt(i));
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

  /** Moves the head to the cursor's next bar (headSymbol -1 at the end). */
  protected advance(): void {
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
}
