import type { PhaseContext } from "./phase-context.js";
import type { OrderEvent } from "./events.js";
import type { ExcursionCatchUp } from "./excursion-catch-up.js";
import { stopOrder } from "./stop-order.js";

/**
 * The protective stops of the open positions at work: `sync` keeps a symbol's stop in step with its
 * position after each fill, and `trigger` returns the signed quantity a bar's trade through the stop
 * closed. An entry order with a `stopPrice` gives the position it opens that stop when it fills (a
 * reversal's replaces the old one, a reversal without one clears it); the stop goes when the position
 * goes flat, and a partial exit keeps it. A bar whose low (long) or high (short) reaches the stop closes
 * the position with a "stop" order and its fill, at the stop or at the open when the bar opened beyond
 * it, with the execution handler's slippage and commission.
 * @example
 * const stops = new StopTrigger(context, ranges);
 * const closed = stops.trigger(s, row); // 0 when the bar did not reach the stop
 */
export class StopTrigger {
  private readonly x: PhaseContext;
  private readonly ranges: ExcursionCatchUp;

  constructor(context: PhaseContext, ranges: ExcursionCatchUp) {
    this.x = context;
    this.ranges = ranges;
  }

  /**
   * Updates the protective stop of symbol `s` after a fill of `order`: an entry order with a stop that
   * leaves a position on its side sets (or replaces) it; a flat position, or one reversed without a
   * stop of its own, has none; otherwise (a partial exit) it stays.
   */
  sync(s: number, order: OrderEvent): void {
    const q = this.x.portfolio.quantity[s]!, stops = this.x.stops;
    if (q === 0) return stops.clear(s);
    const side = q > 0 ? 1 : -1;
    if (order.direction !== "exit" && order.stopPrice !== undefined && (order.side === "buy") === q > 0) stops.set(s, side, order.stopPrice, order.id);
    else if (stops.side(s) !== side) stops.clear(s);
  }

  /**
   * Checks the protective stop of symbol `s` against its bar `row` and, when the bar reached it, closes
   * the position with a stop order and its fill. Returns the signed quantity closed (positive for a
   * long), 0 when the stop was not reached or could not fill (it then stays for the next bar).
   */
  trigger(s: number, row: number): number {
    const x = this.x, stops = x.stops, c = x.columns[s]!, execution = x.execution, portfolio = x.portfolio;
    const side = stops.side(s), stopPrice = stops.price(s)!, held = portfolio.quantity[s]!;
    if (held === 0 || (held > 0 ? 1 : -1) !== side) {
      stops.clear(s); // cannot happen: fills keep stops in step with positions
      return 0;
    }
    const open = c.open[row]!, high = c.high[row]!, low = c.low[row]!;
    const orderSide = side > 0 ? "sell" : "buy";
    const market = execution.stopMarketPrice(orderSide, stopPrice, open, high, low);
    if (market !== market) return 0;
    const gapped = side > 0 ? open <= stopPrice : open >= stopPrice;
    const ts = gapped ? c.tsOpen[row]! : c.tsClose[row]!;
    const order = stopOrder({
      id: x.nextOrderId(), ts, symbol: x.symbols[s]!, side: orderSide, quantity: Math.abs(held), stopPrice,
      entryOrderId: stops.orderId(s), reached: side > 0 ? low : high, gapped,
    });
    x.journal.order(order, s);
    x.report(order);
    this.ranges.catchUp(s, row);
    const result = execution.executeStop(order, market, ts, portfolio.cash);
    if (result.type !== "fill") {
      x.journal.denied(result, s);
      x.report(result);
      return 0;
    }
    portfolio.applyFill(s, result, market, row, "stop");
    if (portfolio.quantity[s] === 0) stops.clear(s);
    x.journal.fill(result, s);
    x.report(result);
    return side > 0 ? result.quantity : -result.quantity;
  }
}
