import type * as arrow from "apache-arrow";
import { InvalidOptionError } from "../core/errors.js";
import type { FillEvent, OrderEvent, SignalEvent } from "../engine/events.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import { asRiskView } from "./as-risk-view.js";
import { decisionTable } from "./decision-table.js";
import { explainSignal } from "./explain-signal.js";
import { maxFillQuantity } from "./max-fill-quantity.js";
import type { RiskContext } from "./risk-context.js";
import type { RiskExplanation } from "./risk-explanation.js";
import type { RiskCheck, RiskDecision, RiskManager } from "./risk-manager.js";
import { riskParts, type PortfolioRiskManagerOptions, type RiskParts } from "./risk-parts.js";
import { RiskTimeline } from "./risk-timeline.js";

/** A risk decision whose explanation is a RiskExplanation. */
export type ExplainedRiskDecision = RiskDecision & { readonly explanation: RiskExplanation };

/**
 * The risk manager of issue 5: sizes each entry so that `equity x base risk x drawdown scale x strength`
 * is lost if its stop is hit, with Kelly or fixed-fractional base risk, then caps it by per-position
 * risk, portfolio heat, the daily risk budget, cash and the number of open positions. Exits are always
 * allowed. One code path decides: canTrade, computeQuantity and evaluate all read the decision recorded
 * for the signal object, so `explain(signal)` returns exactly what the engine acted on. Every decision
 * (denials included) is kept for `decisions()` and `decisionTable()`; a denial is data, never thrown.
 * With a plain PortfolioView instead of a RiskView there are no closed trades (base risk only), a
 * position's stop is the one its entry was approved with, and the peak is the highest equity seen at
 * decisions. In an engine it also cuts entry fills that a gap would push over the heat or per-position
 * limit (`maxFillQuantity`) and records its state at every step for `riskTable()` (`observe`).
 * @example
 * const riskManager = new PortfolioRiskManager({ maxHeat: 0.06, kelly: { fraction: 0.5 } });
 * const engine = new BacktestEngine({ handlers, strategy, riskManager });
 * engine.run();
 * riskManager.decisionTable();
 */
export class PortfolioRiskManager implements RiskManager {
  readonly name: string;
  readonly parts: RiskParts;
  private context: RiskContext | undefined;
  private decided = new WeakMap<SignalEvent, ExplainedRiskDecision>();
  private log: RiskExplanation[] = [];
  private peakSeen = 0;
  private readonly entryStops = new Map<string, number>();
  private readonly stopOf = (symbol: string): number | undefined => this.entryStops.get(symbol);
  private readonly timeline = new RiskTimeline();
  private zones: readonly string[] = [];

  constructor(options: PortfolioRiskManagerOptions = {}) {
    this.parts = riskParts(options);
    const p = this.parts;
    const base = p.sizing === "kelly" ? `Kelly x${p.kelly!.fraction} (base ${p.riskFraction * 100}%, cap ${p.kelly!.maxRiskFraction * 100}%)` : `fixed-fractional ${p.riskFraction * 100}% at risk`;
    this.name = `${base}, ${p.drawdown === null ? "no drawdown scaling" : `drawdown halt ${p.drawdown.haltAt * 100}%`}, heat ${p.heat.maxHeat * 100}%`;
  }

  /** Receives the run's symbols, time zones and ATRs (the engine calls it before the first bar). */
  attach(context: RiskContext): void {
    this.context = context;
    this.zones = [...new Set(context.symbols.map((s) => context.timeZones[s] ?? "UTC"))];
  }

  /** Returns the decision for a signal (recorded once per signal object): allowed, quantity, stop and explanation. */
  evaluate(signal: SignalEvent, view: PortfolioView): ExplainedRiskDecision {
    return this.decide(signal, view);
  }

  /** Returns whether the signal may become an order: the recorded decision's check. */
  canTrade(signal: SignalEvent, view: PortfolioView): RiskCheck {
    return this.decide(signal, view);
  }

  /** Returns the whole units of the new position for an entry (0 when denied): the recorded decision's quantity. */
  computeQuantity(signal: SignalEvent, view: PortfolioView): number {
    const d = this.decide(signal, view);
    return d.allowed && signal.direction !== "exit" ? d.quantity : 0;
  }

  /**
   * Returns the explanation of a signal's decision. Without a view: the decision recorded for this signal
   * object (what the engine acted on); throws InvalidOptionError when it was never decided. With a view:
   * a fresh evaluation against that view, neither recorded nor counted in the daily budget.
   */
  explain(signal: SignalEvent, view?: PortfolioView): RiskExplanation {
    if (view !== undefined) return explainSignal(signal, asRiskView(view, Math.max(this.peakSeen, view.initialCash), signal.ts, this.stopOf), this.parts, this.context);
    const recorded = this.decided.get(signal);
    if (recorded === undefined) {
      throw new InvalidOptionError(`invalid signal: ${signal.direction} ${signal.symbol} at ${signal.ts} (expected a signal this risk manager decided); pass a view to evaluate it fresh: explain(signal, view)`, { symbol: signal.symbol, ts: signal.ts });
    }
    return recorded.explanation;
  }

  /**
   * Returns the most units of an entry order that may fill at `marketPrice` within the heat and
   * per-position limits after the fill (see maxFillQuantity); the engine calls it before each entry fill.
   */
  maxFillQuantity(order: OrderEvent, fill: FillEvent, marketPrice: number, view: PortfolioView): number {
    return maxFillQuantity(order, fill, marketPrice, asRiskView(view, Math.max(this.peakSeen, view.initialCash), fill.ts, this.stopOf), this.parts.heat);
  }

  /** Records the state at the end of an engine step (the engine calls it at every step); see riskTable. */
  observe(view: PortfolioView): void {
    const v = asRiskView(view, Math.max(this.peakSeen, view.initialCash), Number.NaN, this.stopOf);
    this.timeline.record(v, this.parts, this.zones);
  }

  /**
   * Returns the risk state at every engine step so far as an Arrow table, for charts: ts, equity,
   * peakEquity, drawdown, scale, heat, maxHeat, dailyRiskUsed, dailyRiskLimit, zone, day (see RiskTimeline).
   */
  riskTable(): arrow.Table {
    return this.timeline.toTable();
  }

  /** Returns every decision of the run so far, oldest first (denials included). */
  decisions(): RiskExplanation[] {
    return this.log.slice();
  }

  /** Returns the decisions as an Arrow table, one row per signal (see decisionTable). */
  decisionTable(): arrow.Table {
    return decisionTable(this.log);
  }

  /** Forgets the decisions, the daily budget, the observed peak, entry stops and the risk timeline (keeps the attached context). */
  reset(): void {
    this.log = [];
    this.decided = new WeakMap();
    this.parts.budget.reset();
    this.peakSeen = 0;
    this.entryStops.clear();
    this.timeline.clear();
  }

  private decide(signal: SignalEvent, view: PortfolioView): ExplainedRiskDecision {
    const recorded = this.decided.get(signal);
    if (recorded !== undefined) return recorded;
    this.peakSeen = Math.max(this.peakSeen, view.initialCash, view.equity);
    const e = explainSignal(signal, asRiskView(view, this.peakSeen, signal.ts, this.stopOf), this.parts, this.context);
    if (e.allowed && e.daily !== null && e.heat !== null) this.parts.budget.record(e.daily.zone, e.daily.day, e.heat.positionRisk);
    if (e.allowed && e.stopPrice !== null) this.entryStops.set(e.symbol, e.stopPrice);
    const decision = { allowed: e.allowed, code: e.code, message: e.message, details: e.details, quantity: e.quantity, stopPrice: e.stopPrice ?? undefined, explanation: e };
    this.log.push(e);
    this.decided.set(signal, decision);
    return decision;
  }
}
