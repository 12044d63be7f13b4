import type { Bar } from "../core/types.js";

/** What a signal asks for: go or stay long, go or stay short, or close the position ("exit"). */
export type SignalDirection = "long" | "short" | "exit";

/** The side of an order or fill. */
export type OrderSide = "buy" | "sell";

/** How an order trades: at the next bar's price ("market"), or when a bar trades through its stop ("stop"). */
export type OrderType = "market" | "stop";

/** A bar became known: `ts` is the bar's `tsClose` (epoch ms UTC). */
export interface MarketEvent {
  readonly type: "market";
  readonly ts: number;
  readonly symbol: string;
  readonly bar: Bar;
}

/**
 * A strategy's decision after a bar's close. `strength` in [0, 1] scales the size the risk manager
 * computes (default 1); `stopPrice` is the protective stop the strategy has in mind (price units), which
 * risk managers may use to size; `reason` says why, in words.
 */
export interface SignalEvent {
  readonly type: "signal";
  readonly ts: number;
  readonly symbol: string;
  readonly direction: SignalDirection;
  readonly strength: number;
  readonly stopPrice?: number;
  readonly reason: string;
}

/**
 * An order. A "market" order is an approved signal waiting for the next bar of its symbol, `direction`
 * being the signal's; its `stopPrice` is the protective stop the position gets when it fills. A "stop"
 * order is that protective stop triggered: made when a bar trades through the stop (`ts` is then the
 * fill's time), it closes the position (`direction` "exit", `stopPrice` the stop) and fills at once.
 * `id` counts orders from 1 in the order they were made; `quantity` is in whole units (> 0).
 */
export interface OrderEvent {
  readonly type: "order";
  readonly ts: number;
  readonly id: number;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly orderType: OrderType;
  readonly direction: SignalDirection;
  readonly stopPrice?: number;
  readonly reason: string;
}

/**
 * An order filled. `ts` is when the fill price traded: the fill bar's `tsOpen` for open fills, its
 * `tsClose` for close fills. `price` includes slippage; `slippage` and `commission` are money;
 * `requestedQuantity` is the order's quantity, larger than `quantity` when the fill was cut to what the
 * cash affords.
 */
export interface FillEvent {
  readonly type: "fill";
  readonly ts: number;
  readonly orderId: number;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly requestedQuantity: number;
  readonly price: number;
  readonly commission: number;
  readonly slippage: number;
}

/**
 * A decision not to trade: a signal the risk step refused, or an order that could not fill. `code` is
 * UPPER_SNAKE (e.g. ALREADY_IN_POSITION, SHORTING_DISABLED, ZERO_QUANTITY, INSUFFICIENT_CASH) and
 * `details` holds the numbers behind it. `orderId` is set when an order was denied at its fill.
 */
export interface DeniedEvent {
  readonly type: "denied";
  readonly ts: number;
  readonly symbol: string;
  readonly direction: SignalDirection;
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, number | string>>;
  readonly orderId?: number;
}

/**
 * Every event the engine handles, discriminated by `type`. Events are plain immutable objects that
 * survive `JSON.stringify` and `structuredClone`; times are epoch ms UTC.
 * @example
 * if (event.type === "fill") console.log(event.symbol, event.quantity, event.price);
 */
export type EngineEvent = MarketEvent | SignalEvent | OrderEvent | FillEvent | DeniedEvent;

/** The event types. */
export const EVENT_TYPES = ["fill", "market", "signal", "order", "denied"] as const;
