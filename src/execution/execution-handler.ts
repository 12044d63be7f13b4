import { check } from "../core/check.js";
import type { Bar } from "../core/types.js";
import type { DeniedEvent, FillEvent, OrderEvent, OrderSide } from "../engine/events.js";
import { BpsSlippage, type BpsSlippageOptions } from "./bps-slippage.js";
import type { CommissionModel } from "./commission-model.js";
import { LinearCommission, type LinearCommissionOptions } from "./linear-commission.js";
import type { SlippageModel } from "./slippage-model.js";

/** Options of {@link ExecutionHandler}. */
export interface ExecutionHandlerOptions {
  /** Which price of the fill bar (the order symbol's next bar) a market order gets. Default "open". */
  readonly fillAt?: "open" | "close";
  /** A commission model, or the options of a LinearCommission. Default: no commission. */
  readonly commission?: CommissionModel | LinearCommissionOptions;
  /** A slippage model, or the options of a BpsSlippage. Default: no slippage. */
  readonly slippage?: SlippageModel | BpsSlippageOptions;
}

/**
 * Fills market orders against the bar after the one they were decided on, without state of its own:
 * it returns a FillEvent at the bar's open (or close) moved by slippage, with its commission, or a
 * DeniedEvent. There is no margin: a buy that costs more than `cash` is cut to the largest whole
 * quantity the cash affords (`requestedQuantity` keeps the order's), and denied with INSUFFICIENT_CASH
 * when that is 0; a sell whose commission exceeds cash plus proceeds is denied the same way.
 * Protective stops fill through `stopMarketPrice` and `executeStop`, with the same slippage and commission.
 * @example
 * const execution = new ExecutionHandler({ commission: { perShare: 0.005 }, slippage: { bps: 2 } });
 * const result = execution.execute(order, nextBar, portfolio.cash);
 */
export class ExecutionHandler {
  readonly fillAt: "open" | "close";
  readonly commission: CommissionModel;
  readonly slippage: SlippageModel;

  constructor(options: ExecutionHandlerOptions = {}) {
    this.fillAt = check.keyword("fillAt", options.fillAt ?? "open", ["open", "close"] as const);
    const c = options.commission;
    this.commission = c !== undefined && typeof (c as CommissionModel).commission === "function" ? (c as CommissionModel) : new LinearCommission(c as LinearCommissionOptions);
    const s = options.slippage;
    this.slippage = s !== undefined && typeof (s as SlippageModel).fillPrice === "function" ? (s as SlippageModel) : new BpsSlippage(s as BpsSlippageOptions);
  }

  /** Returns the market price a fill against `bar` trades at, before slippage. */
  marketPrice(bar: Bar): number {
    return this.fillAt === "open" ? bar.open : bar.close;
  }

  /** Returns the fill of `order` against `bar` given the cash available, or why it cannot fill. */
  execute(order: OrderEvent, bar: Bar, cash: number): FillEvent | DeniedEvent {
    const open = this.fillAt === "open";
    return this.executeAtPrice(order, open ? bar.open : bar.close, open ? bar.tsOpen : bar.tsClose, cash);
  }

  /**
   * Returns the fill of `order` when the market trades at `market` (before slippage) at time `ts`,
   * given the cash available, or why it cannot fill: what `execute` returns for a bar whose price and
   * time for `fillAt` are those. The engine calls it with the bar's columns, without a bar object,
   * unless `execute` or `marketPrice` are overridden.
   */
  executeAtPrice(order: OrderEvent, market: number, ts: number, cash: number): FillEvent | DeniedEvent {
    return executeInto(this, order, market, ts, cash, undefined);
  }

  /**
   * Returns the market price (before slippage) at which a protective stop at `stopPrice` trades on a bar
   * with this open, high and low, or NaN when the bar does not reach it. `side` is the stop order's: a
   * "sell" stop protects a long and trades when the low reaches the stop, at the stop or at the open
   * when the bar opens below it (a gap fills at the open); a "buy" stop protects a short, mirrored.
   * @example execution.stopMarketPrice("sell", 95, 94, 99, 93); // 94: gapped below the stop
   */
  stopMarketPrice(side: OrderSide, stopPrice: number, open: number, high: number, low: number): number {
    if (side === "sell") return low <= stopPrice ? Math.min(stopPrice, open) : Number.NaN;
    return high >= stopPrice ? Math.max(stopPrice, open) : Number.NaN;
  }

  /**
   * Returns the fill of a triggered stop order at `market` (from `stopMarketPrice`) at time `ts`, given
   * the cash available, or why it cannot fill: slippage and commission as for market orders, and the
   * same cash rule (a buy that closes a short is cut to what cash affords).
   */
  executeStop(order: OrderEvent, market: number, ts: number, cash: number): FillEvent | DeniedEvent {
    return this.executeAtPrice(order, market, ts, cash);
  }
}

/** A FillEvent whose fields can be written: the engine's one reused fill (see executeInto). */
export type ReusableFill = { -readonly [K in keyof FillEvent]: FillEvent[K] };

/**
 * What `handler.executeAtPrice` returns (the library's own), with the fill written into `into` when
 * given instead of a new object: the engine fills through one object when nobody keeps its fills (no
 * step report is captured; the journal and the portfolio copy what they need).
 * @example
 * const result = executeInto(handler, order, 100.5, ts, cash, undefined); // as handler.executeAtPrice(order, 100.5, ts, cash)
 */
export function executeInto(handler: ExecutionHandler, order: OrderEvent, market: number, ts: number, cash: number, into: ReusableFill | undefined): FillEvent | DeniedEvent {
  const side = order.side, slippage = handler.slippage, commissions = handler.commission;
  let quantity = order.quantity;
  let price = slippage.fillPrice(side, market, quantity);
  let commission = commissions.commission(quantity, price);
  if (side === "buy" && quantity * price + commission > cash) {
    quantity = affordable(handler, order, market, cash);
    price = slippage.fillPrice(side, market, quantity);
    commission = quantity > 0 ? commissions.commission(quantity, price) : 0;
  } else if (side === "sell" && cash + (quantity * price - commission) < 0) {
    quantity = 0;
  }
  if (quantity === 0) {
    return {
      type: "denied", ts, symbol: order.symbol, direction: order.direction, code: "INSUFFICIENT_CASH",
      message: `order ${order.id} (${side} ${order.quantity} ${order.symbol}) cannot fill: cash ${round(cash)} does not cover one unit at ${round(price)} plus commission`,
      details: { cash, price, requestedQuantity: order.quantity, commission }, orderId: order.id,
    };
  }
  const slipped = Math.abs(price - market) * quantity;
  if (into === undefined) {
    return { type: "fill", ts, orderId: order.id, symbol: order.symbol, side, quantity, requestedQuantity: order.quantity, price, commission, slippage: slipped };
  }
  into.ts = ts;
  into.orderId = order.id;
  into.symbol = order.symbol;
  into.side = side;
  into.quantity = quantity;
  into.requestedQuantity = order.quantity;
  into.price = price;
  into.commission = commission;
  into.slippage = slipped;
  return into;
}

/** Returns the largest whole quantity up to the order's whose cost (with commission) fits in cash. */
function affordable(handler: ExecutionHandler, order: OrderEvent, market: number, cash: number): number {
  let lo = 0, hi = order.quantity;
  for (let step = 0; lo < hi && step < 64; step++) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    const price = handler.slippage.fillPrice("buy", market, mid);
    if (mid * price + handler.commission.commission(mid, price) <= cash) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const round = (x: number): string => String(Math.round(x * 100) / 100);
