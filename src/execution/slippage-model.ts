import type { OrderSide } from "../engine/events.js";

/**
 * How far a fill's price moves against the trader: returns the price paid (buys) or received (sells)
 * for `quantity` units when the market trades at `price`. A buy's price is never below `price`, a
 * sell's never above it.
 * @example
 * const none: SlippageModel = { name: "none", fillPrice: (_side, price) => price };
 */
export interface SlippageModel {
  /** A short description for reports, e.g. "5 bps". */
  readonly name: string;
  fillPrice(side: OrderSide, price: number, quantity: number): number;
}
