import { invalid } from "../core/check.js";
import type { SignalEvent } from "../engine/events.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import { ALLOWED, type RiskCheck, type RiskManager } from "./risk-manager.js";

/** Options of {@link FixedFractionRisk}. */
export interface FixedFractionRiskOptions {
  /** Fraction of equity each new position is worth at the decision bar's close, in (0, 1]. Default 0.1. */
  readonly fraction?: number;
}

/**
 * The default risk slot: sizes each entry at `fraction x strength x equity / last price` units, rounded
 * down, and allows every trade except an entry when equity is not positive (NO_EQUITY) or the symbol
 * has no price yet (NO_PRICE). Exits are always allowed.
 * @example
 * new BacktestEngine({ handlers, strategy, riskManager: new FixedFractionRisk({ fraction: 0.25 }) });
 */
export class FixedFractionRisk implements RiskManager {
  readonly name: string;
  readonly fraction: number;

  constructor(options: FixedFractionRiskOptions = {}) {
    const fraction = options.fraction ?? 0.1;
    if (typeof fraction !== "number" || !(fraction > 0 && fraction <= 1)) invalid("fraction", fraction, "a number in (0, 1]", "pass a fraction of equity, e.g. 0.1 for 10%");
    this.fraction = fraction;
    this.name = `fixed fraction ${this.fraction * 100}% of equity`;
  }

  /** Returns ALLOWED, or NO_EQUITY / NO_PRICE for an entry that cannot be sized. */
  canTrade(signal: SignalEvent, view: PortfolioView): RiskCheck {
    if (signal.direction === "exit") return ALLOWED;
    const equity = view.equity;
    if (!(equity > 0)) {
      return { allowed: false, code: "NO_EQUITY", message: `equity ${equity} is not positive: no new positions`, details: { equity } };
    }
    if (view.lastPrice(signal.symbol) === undefined) {
      return { allowed: false, code: "NO_PRICE", message: `${signal.symbol} has no price yet: cannot size an entry`, details: { symbol: signal.symbol } };
    }
    return ALLOWED;
  }

  /** Returns floor(fraction x strength x equity / last price). */
  computeQuantity(signal: SignalEvent, view: PortfolioView): number {
    const price = view.lastPrice(signal.symbol);
    if (price === undefined || !(price > 0)) return 0;
    return Math.floor((this.fraction * signal.strength * view.equity) / price);
  }
}
