import type { OrderEvent, OrderSide } from "./events.js";

/** What a triggered protective stop is made of (see stopOrder). */
export interface StopOrderInputs {
  readonly id: number;
  /** When it traded: the bar's open time after a gap through the stop, else the bar's close time. */
  readonly ts: number;
  readonly symbol: string;
  /** "sell" closes a long, "buy" closes a short. */
  readonly side: OrderSide;
  readonly quantity: number;
  readonly stopPrice: number;
  /** The entry order whose stop it is. */
  readonly entryOrderId: number;
  /** The bar's price that reached the stop: its low for a sell stop, its high for a buy stop. */
  readonly reached: number;
  /** True when the bar opened beyond the stop (it fills at the open). */
  readonly gapped: boolean;
}

/**
 * Returns the frozen order event of a protective stop that a bar traded through: orderType "stop",
 * direction "exit", with the stop price and a reason naming the entry order and what reached the stop.
 * @example stopOrder({ id: 9, ts, symbol: "SPX", side: "sell", quantity: 10, stopPrice: 95, entryOrderId: 4, reached: 94.2, gapped: false }).reason;
 */
export function stopOrder(x: StopOrderInputs): OrderEvent {
  const what = x.gapped ? `the bar opened beyond it` : `the bar's ${x.side === "sell" ? "low" : "high"} ${round(x.reached)} reached it`;
  return Object.freeze({
    type: "order", ts: x.ts, id: x.id, symbol: x.symbol, side: x.side, quantity: x.quantity, orderType: "stop",
    direction: "exit", stopPrice: x.stopPrice, reason: `stop ${round(x.stopPrice)} of order ${x.entryOrderId}: ${what}`,
  });
}

const round = (x: number): string => String(Math.round(x * 1e4) / 1e4);
