import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { defineLazy } from "../core/define-lazy.js";
import { EngineStateError } from "../core/errors.js";
import { parseTimestamp, timestampToUtc, toIso } from "../core/time.js";
import type { Bar, RoundTrip } from "../core/types.js";
import type { ExecutionHandler } from "../execution/execution-handler.js";
import type { ComputeMetricsOptions } from "../metrics/compute-metrics.js";
import { correlationMatrix } from "../metrics/correlation-matrix.js";
import type { RiskView } from "../risk/risk-context.js";
import { roundTripTable } from "../portfolio/round-trip-table.js";
import type { RiskManager } from "../risk/risk-manager.js";
import type { Strategy } from "../strategy/strategy.js";
import { resolveEngineOptions, type BacktestEngineOptions } from "./backtest-engine-options.js";
import { resultMetrics, type BacktestResult } from "./backtest-result.js";
import type { EnginePeek, EngineSnapshot, StepReport, StopReason } from "./engine-snapshot.js";
import { EventCapture } from "./event-capture.js";
import { FastLoop } from "./fast-loop.js";
import type { EventPredicate, StepTarget, StepUntilOptions } from "./step-target.js";
import { stepTimes } from "./step-times.js";
import { symbolReturns, type ReturnAlignment } from "./symbol-returns.js";

/** Progress of a long run, reported to `onProgress`. */
export interface RunProgress {
  readonly bars: number;
  readonly totalBars: number;
  /** ISO time of the last step. */
  readonly ts: string | null;
}

/** Options of `engine.results()`. */
export interface ResultsOptions {
  /** Options of computeMetrics (periodsPerYear, riskFreeRate, minTrades...). Default {}. */
  readonly metrics?: ComputeMetricsOptions;
  /** How per-symbol returns are aligned for the correlation matrix. Default "day". */
  readonly correlationAlignment?: ReturnAlignment;
}

/** Options of `engine.run()`. */
export interface RunOptions extends ResultsOptions {
  /** Called every `progressEvery` bars and once at the end, e.g. to update a notebook display. Default none. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Bars between progress reports. Default 100,000. */
  readonly progressEvery?: number;
}

type Goal =
  | { kind: "time"; ts: number }
  | { kind: "bars" | "steps"; n: number }
  | { kind: "when"; when: (snapshot: EngineSnapshot) => boolean }
  | { kind: "event"; test: EventPredicate<BacktestEngine> };

/**
 * The event-driven backtest engine: it merges the handlers' bars by close time and, one timestamp at a
 * time, fills waiting orders, publishes the bars, asks the strategy for signals, puts each signal
 * through the risk manager and queues the resulting orders for the next bar of their symbol (see
 * EventLoop for the phases). Step through it in a notebook with `step()` and `stepUntil()`, look at
 * `snapshot()` and `peek()`, or `run()` it to the end; a run stepped in any pieces ends in exactly the
 * state of one `run()`, because `run()` is the same step loop without reports.
 * @example
 * const engine = new BacktestEngine({ handlers: [DataHandler.fromTable(spx)], strategy: new SmaCrossStrategy() });
 * engine.stepUntil(until.nextFill());
 * const result = engine.run();
 * result.metrics.sharpe;
 */
export class BacktestEngine extends FastLoop {
  constructor(options: BacktestEngineOptions) {
    super(resolveEngineOptions(options));
  }

  /** The strategy (e.g. for `engine.strategy.inspect?.("SPX")`). */
  get strategy(): Strategy {
    return this.o.strategy;
  }

  /** The risk manager in the risk slot. */
  get riskManager(): RiskManager {
    return this.o.riskManager;
  }

  /** The execution handler. */
  get execution(): ExecutionHandler {
    return this.o.execution;
  }

  /** A read-only view of the portfolio now: the RiskView strategies and the risk manager read (a PortfolioView plus peak, trades, stops, time). */
  get portfolioView(): RiskView {
    return this.view;
  }

  /** The snapshot now (the same as `snapshot()`). */
  get state(): EngineSnapshot {
    return this.snapshot();
  }

  /** Runs one timestamp (every bar that closes then) and returns its report. Throws EngineStateError after the end. */
  step(): StepReport {
    return this.stepUntil({ steps: 1 });
  }

  /** Steps until `target` (see StepTarget) or the end of the data, and returns one report for all the steps. */
  stepUntil(target: StepTarget<BacktestEngine>, options: StepUntilOptions = {}): StepReport {
    this.checkCanStep();
    const goal = this.goal(target);
    const maxSteps = options.maxSteps === undefined ? Infinity : check.positiveInteger("maxSteps", options.maxSteps);
    const steps0 = this.stepCount, bars0 = this.barCount;
    let from = NaN;
    let stoppedBy: StopReason;
    this.capture = new EventCapture(this.o.maxReportEvents);
    this.predicate = goal.kind === "event" ? (goal.test as EventPredicate<never>) : undefined;
    this.predicateHit = false;
    let captured: { events: StepReport["events"]; dropped: number };
    try {
      for (;;) {
        if (this.done) { stoppedBy = "end"; break; }
        if (goal.kind === "time" && this.headTs > goal.ts) { stoppedBy = "until"; break; }
        if (this.stepCount - steps0 >= maxSteps) { stoppedBy = "maxSteps"; break; }
        if (from !== from) from = this.headTs;
        this.runStep();
        if (goal.kind === "steps" && this.stepCount - steps0 >= goal.n) { stoppedBy = "until"; break; }
        if (goal.kind === "bars" && this.barCount - bars0 >= goal.n) { stoppedBy = "until"; break; }
        if (goal.kind === "event" && this.predicateHit) { stoppedBy = "predicate"; break; }
        if (goal.kind === "when" && goal.when(this.snapshot())) { stoppedBy = "predicate"; break; }
      }
    } finally {
      captured = this.capture.drain();
      this.capture = undefined;
      this.predicate = undefined;
    }
    const steps = this.stepCount - steps0;
    return {
      from: steps > 0 ? toIso(from) : null,
      to: steps > 0 ? toIso(this.lastTs) : null,
      steps,
      bars: this.barCount - bars0,
      stoppedBy,
      events: captured.events,
      eventsDropped: captured.dropped,
      snapshot: this.snapshot(),
    };
  }

  /** Runs to the end of the data (from wherever stepping left it) and returns the results. */
  run(options: RunOptions = {}): BacktestResult {
    this.checkIntact();
    const onProgress = options.onProgress;
    if (onProgress === undefined) {
      this.runSteps(Infinity);
    } else {
      const every = check.positiveInteger("progressEvery", options.progressEvery ?? 100_000);
      let next = this.barCount + every;
      while (this.headSymbol >= 0) {
        this.runSteps(next);
        if (this.barCount >= next) {
          onProgress(this.progress());
          next = this.barCount + every;
        }
      }
      onProgress(this.progress());
    }
    return this.results(options);
  }

  /** Returns where the backtest stands, as plain JSON-safe data. */
  snapshot(): EngineSnapshot {
    const p = this.portfolio;
    const lastBars: Record<string, Bar> = {};
    this.consumed.forEach((rows, s) => {
      if (rows > 0) lastBars[this.symbols[s]!] = this.barOf(s, rows - 1);
    });
    return {
      ts: this.lastTs === this.lastTs ? toIso(this.lastTs) : null,
      steps: this.stepCount,
      bars: this.barCount,
      totalBars: this.totalBarCount,
      done: this.done,
      cash: p.cash,
      equity: p.equity,
      marketValue: p.marketValue,
      grossExposure: p.grossExposure,
      positions: this.view.positions(),
      openOrders: this.book.all(),
      lastBars,
      tradeCount: p.roundTripCount,
      warnings: [...this.warnings],
    };
  }

  /** Returns what comes next: the next timestamp and its bars, and the orders waiting to fill. */
  peek(): EnginePeek {
    const pendingOrders = this.book.all();
    if (this.done) return { nextTs: null, nextBars: [], pendingOrders, fillingNext: [] };
    const nextTs = toIso(this.headTs);
    const nextBars = [{ symbol: this.symbols[this.headSymbol]!, tsClose: nextTs }];
    for (const e of this.cursor.pending()) if (e.tsClose === nextTs) nextBars.push({ symbol: e.symbol, tsClose: e.tsClose });
    const filling = new Set(nextBars.map((b) => b.symbol));
    return { nextTs, nextBars, pendingOrders, fillingNext: pendingOrders.filter((o) => filling.has(o.symbol)).map((o) => o.id) };
  }

  /**
   * Starts over at the first bar: a new portfolio, journal, order book and stops, the strategy's and risk
   * manager's `reset()`, and the risk manager attached again. Throws EngineStateError when the engine has stepped and the strategy has no
   * `reset()` (its state would leak into the new run).
   */
  reset(): this {
    if (this.stepCount > 0 && typeof this.o.strategy.reset !== "function") {
      throw new EngineStateError(`strategy "${this.o.strategy.name}" has no reset(), so the engine cannot replay it; give the strategy a reset() or build a new engine`);
    }
    this.o.strategy.reset?.();
    this.o.riskManager.reset?.();
    this.start();
    return this;
  }

  /** Returns the journal of every event so far as an Arrow table (see Journal). */
  journal(): arrow.Table {
    return this.journalRecorder.toTable(this.symbols, this.columns.map((c) => c.close), this.journalRecorder.length, this.o.handlers);
  }

  /**
   * Returns the results of the run so far (see BacktestResult). The equity curve, trades table,
   * per-symbol curves, journal, metrics and correlation are computed when first read (they cost more
   * than the rest together on long runs), from the state at this call, even if the engine steps on or
   * is reset.
   */
  results(options: ResultsOptions = {}): BacktestResult {
    const p = this.portfolio;
    const alignment = check.keyword("correlationAlignment", options.correlationAlignment ?? "day", ["day", "step"] as const);
    const tradeCount = p.roundTripCount;
    const openOrders = this.book.all();
    const steps = this.stepCount, curve = this.equity;
    const journal = this.journalRecorder, rows = journal.length;
    const curveLog = this.symbolCurves, changes = curveLog.length, bars = this.barCount, handlers = this.o.handlers;
    const symbols = this.symbols, columns = this.columns, consumed = this.consumed.slice();
    const base = {
      // placeholders for the lazy tables defined below, so that the keys keep their order
      equity: undefined as unknown as arrow.Table,
      trades: undefined as unknown as arrow.Table,
      tradeList: undefined as unknown as RoundTrip[],
      openPositions: this.view.positions(),
      openOrders,
      summary: {
        strategy: this.o.strategy.name,
        riskManager: this.o.riskManager.name,
        symbols: [...symbols],
        start: steps > 0 ? toIso(this.firstTs) : null,
        end: steps > 0 ? toIso(this.lastTs) : null,
        steps: this.stepCount,
        bars: this.barCount,
        totalBars: this.totalBarCount,
        initialCash: p.initialCash,
        finalEquity: p.equity,
        finalCash: p.cash,
        tradeCount,
        openOrderCount: openOrders.length,
        warnings: [...this.warnings],
      },
    };
    // The round trips as objects are made when first read, as of this call (the portfolio keeps appending).
    const withTrades = defineLazy(base, "tradeList", () => p.roundTrips.slice(0, tradeCount));
    const withEquity = defineLazy(defineLazy(withTrades, "equity", () => curve.toTable(stepTimes(handlers, bars, steps), steps)), "trades", () => roundTripTable(withTrades.tradeList));
    const withCurves = defineLazy(withEquity, "symbolEquity", () => curveLog.toTable(symbols, handlers, bars, changes));
    const withJournal = defineLazy(withCurves, "journal", () => journal.toTable(symbols, columns.map((c) => c.close), rows, handlers));
    const withMetrics = defineLazy(withJournal, "metrics", () => resultMetrics(withJournal.equity, withJournal.tradeList, options.metrics));
    return defineLazy(withMetrics, "correlation", () =>
      correlationMatrix(symbolReturns(symbols, columns.map((c) => c.tsClose), columns.map((c) => c.close), consumed, alignment)));
  }

  private progress(): RunProgress {
    return { bars: this.barCount, totalBars: this.totalBarCount, ts: this.lastTs === this.lastTs ? toIso(this.lastTs) : null };
  }

  private goal(target: StepTarget<BacktestEngine>): Goal {
    if (typeof target === "number") {
      if (!Number.isFinite(target)) invalid("target", target, "a finite epoch ms time");
      return { kind: "time", ts: target };
    }
    if (typeof target === "string") {
      const parsed = parseTimestamp(target);
      if (parsed === undefined) invalid("target", target, "an ISO time such as \"2020-03-16\" or \"2020-03-16T20:00:00Z\"");
      return { kind: "time", ts: timestampToUtc(parsed, this.o.handlers[0]!.info.timeZone) };
    }
    if (typeof target === "function") return { kind: "event", test: target };
    if (target !== null && typeof target === "object") {
      if ("bars" in target) return { kind: "bars", n: check.positiveInteger("target.bars", target.bars) };
      if ("steps" in target) return { kind: "steps", n: check.positiveInteger("target.steps", target.steps) };
      if ("when" in target && typeof target.when === "function") return { kind: "when", when: target.when };
    }
    return invalid("target", target, "a time (epoch ms or ISO text), { bars: n }, { steps: n }, { when: (snapshot) => boolean } or (event, engine) => boolean", "e.g. engine.stepUntil(until.nextFill())");
  }
}
