import { PortfolioRiskManager } from "./portfolio-risk-manager.js";
import type { PortfolioRiskManagerOptions } from "./risk-parts.js";

/** Options of {@link FixedFractionalRisk}: PortfolioRiskManager's, without Kelly. */
export type FixedFractionalRiskOptions = Omit<PortfolioRiskManagerOptions, "sizing" | "kelly">;

/**
 * The fixed-fractional preset of PortfolioRiskManager: every entry risks `riskFraction` of equity
 * (default 1%) between its price and its stop, so its size is riskFraction x equity / stop distance.
 * Drawdown scaling is off unless `drawdown` is given (risking a fixed share of a shrinking equity already
 * shrinks the bets); heat, daily budget, cash and position limits keep their defaults. Not to be confused
 * with FixedFractionRisk, which sizes a position's value (10% of equity), not its risk.
 * @example
 * new BacktestEngine({ handlers, strategy, riskManager: new FixedFractionalRisk({ riskFraction: 0.01 }) });
 */
export class FixedFractionalRisk extends PortfolioRiskManager {
  constructor(options: FixedFractionalRiskOptions = {}) {
    super({ drawdown: false, ...options, sizing: "fixed-fractional" });
  }
}
