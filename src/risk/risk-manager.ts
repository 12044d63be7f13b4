import type { FillEvent, OrderEvent, SignalEvent } from "../engine/events.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import type { RiskContext } from "./risk-context.js";

/**
 * A risk decision as data: `allowed`, an UPPER_SNAKE `code` ("OK" when allowed), a message in words
 * and the numbers behind it. The engine turns a refusal into a DeniedEvent; it never throws.
 */
export interface RiskCheck {
  readonly allowed: boolean;
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, number | string>>;
}

/**
 * A complete risk decision for one signal: the check, the whole-unit quantity (0 when refused) and the
 * protective stop to put on the order (undefined for none), plus the explanation record behind it.
 */
export interface RiskDecision extends RiskCheck {
  readonly quantity: number;
  readonly stopPrice: number | undefined;
  /** The step-by-step record of how the decision was made (see RiskManagerImpl.explain); JSON-safe. */
  readonly explanation?: unknown;
}

/**
 * The risk step between a signal and an order. For each entry signal the engine asks `canTrade` and,
 * when allowed, `computeQuantity` (whole units, >= 0; the engine rounds down). Exits are asked
 * `canTrade` only: their size is the position. The risk manager sees the portfolio read-only.
 * @example
 * const riskManager: RiskManager = new FixedFractionRisk({ fraction: 0.1 });
 */
export interface RiskManager {
  /** A short description for reports. */
  readonly name: string;
  /** Returns whether the signal may become an order. */
  canTrade(signal: SignalEvent, view: PortfolioView): RiskCheck;
  /** Returns the number of units to trade for an entry signal (>= 0). */
  computeQuantity(signal: SignalEvent, view: PortfolioView): number;
  /** Clears any state, for an engine reset. */
  reset?(): void;
  /** Receives the run's context once, before the first bar (symbols, their time zones, the strategy's ATR). Optional. */
  attach?(context: RiskContext): void;
  /**
   * Decides a signal in one call: allowed or not, the quantity and the stop for the order. When present
   * the engine calls it instead of canTrade/computeQuantity (which must give the same answers), and
   * puts `stopPrice` on the order. The view is a RiskView. Optional.
   */
  evaluate?(signal: SignalEvent, view: PortfolioView): RiskDecision;
  /**
   * Returns the most units of an entry order that may fill now (whole units >= 0), e.g. to keep heat
   * within its limit when the price gapped between the decision and the fill. The engine calls it just
   * before an entry order fills, with the fill it would make (`fill`: price after slippage, commission)
   * and `marketPrice`, the price the position is marked at after it; a smaller answer cuts the fill
   * (as for cash), 0 denies it with RISK_LIMIT_AT_FILL. The quantity of a reversal includes the
   * position it closes. Optional: without it fills are not cut for risk.
   */
  maxFillQuantity?(order: OrderEvent, fill: FillEvent, marketPrice: number, view: PortfolioView): number;
  /** Sees the portfolio at the end of every step (e.g. to record heat over time); the engine calls it only when defined. Optional. */
  observe?(view: PortfolioView): void;
}

/** The check that allows a trade. */
export const ALLOWED: RiskCheck = Object.freeze({ allowed: true, code: "OK", message: "allowed", details: Object.freeze({}) });
