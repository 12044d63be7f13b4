import { check } from "../core/check.js";
import { ALLOWED, type RiskCheck, type RiskManager } from "./risk-manager.js";

/** Options of {@link NullRisk}. */
export interface NullRiskOptions {
  /** Units every entry trades, whatever the equity. Default 1. */
  readonly quantity?: number;
}

/**
 * The risk manager that checks nothing: every signal is allowed and every entry trades a fixed number
 * of units (default 1). For wiring, tests and hand-computed examples; cash is still never overdrawn,
 * because fills are cut to what cash affords.
 * @example
 * new BacktestEngine({ handlers, strategy, riskManager: new NullRisk({ quantity: 10 }) });
 */
export class NullRisk implements RiskManager {
  readonly name: string;
  readonly quantity: number;

  constructor(options: NullRiskOptions = {}) {
    this.quantity = check.nonNegativeInteger("quantity", options.quantity ?? 1);
    this.name = `null risk (${this.quantity} units)`;
  }

  /** Returns ALLOWED. */
  canTrade(): RiskCheck {
    return ALLOWED;
  }

  /** Returns the fixed quantity. */
  computeQuantity(): number {
    return this.quantity;
  }
}
