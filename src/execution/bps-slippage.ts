import { check, invalid } from "../core/check.js";
import type { OrderSide } from "../engine/events.js";
import type { SlippageModel } from "./slippage-model.js";

/** Options of {@link BpsSlippage}. */
export interface BpsSlippageOptions {
  /** Slippage in basis points of the price (1 bp = 0.01 %), against the trader. Default 0. */
  readonly bps?: number;
}

/**
 * A fixed slippage in basis points: buys pay `price x (1 + bps / 10000)`, sells receive
 * `price x (1 - bps / 10000)`, whatever the quantity.
 * @example
 * new BpsSlippage({ bps: 5 }).fillPrice("buy", 100, 10); // 100.05
 */
export class BpsSlippage implements SlippageModel {
  readonly name: string;
  readonly bps: number;
  private readonly up: number;
  private readonly down: number;

  constructor(options: BpsSlippageOptions = {}) {
    this.bps = check.nonNegative("bps", options.bps ?? 0);
    if (this.bps >= 10_000) invalid("bps", this.bps, "a number in [0, 10000)", "5 means 0.05 %");
    this.up = 1 + this.bps / 10_000;
    this.down = 1 - this.bps / 10_000;
    this.name = this.bps === 0 ? "no slippage" : `${this.bps} bps`;
  }

  /** Returns the price a fill gets when the market trades at `price`. */
  fillPrice(side: OrderSide, price: number): number {
    if (this.bps === 0) return price;
    return side === "buy" ? price * this.up : price * this.down;
  }
}
