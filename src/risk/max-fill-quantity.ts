import type { FillEvent, OrderEvent } from "../engine/events.js";
import { unitsWithin } from "./apply-caps.js";
import type { PortfolioHeatMonitor } from "./portfolio-heat-monitor.js";
import type { RiskView } from "./risk-context.js";

/**
 * Returns the most units of an entry order that may fill at `marketPrice` so that, right after the
 * fill, the position it leaves risks at most the per-position maximum and the portfolio's heat is at
 * most its maximum: the decision was sized at the last close, and a gap to the fill price moves the
 * distance to the stop. Risk per unit is |marketPrice - order's stop| (or the no-stop share of the
 * price); the equity after the fill is the equity now, plus the move of the position held to
 * `marketPrice`, minus the fill's commission and slippage (a cut fill costs no more, so its heat is no
 * higher). The part of a reversal that closes the position held is always allowed. Returns the order's
 * quantity when nothing binds.
 * @example maxFillQuantity(order, fill, 102.5, view, new PortfolioHeatMonitor({ maxHeat: 0.06 })); // e.g. 40
 */
export function maxFillQuantity(order: OrderEvent, fill: FillEvent, marketPrice: number, view: RiskView, heat: PortfolioHeatMonitor): number {
  const symbol = order.symbol;
  const held = view.quantity(symbol);
  const sign = order.side === "buy" ? 1 : -1;
  const closing = held * sign < 0 ? Math.abs(held) : 0;
  const sameSide = held * sign > 0 ? Math.abs(held) : 0;
  const last = view.lastPrice(symbol) ?? marketPrice;
  const equityAfter = view.equity + held * (marketPrice - last) - fill.commission - fill.slippage;
  if (!(equityAfter > 0)) return Math.min(order.quantity, closing);
  const stop = order.stopPrice ?? (sameSide > 0 ? view.stopPrice(symbol) : undefined);
  const perUnit = stop === undefined ? marketPrice * heat.noStopRiskFraction : Math.abs(marketPrice - stop);
  if (!(perUnit > 0)) return order.quantity;
  const room = Math.min(heat.maxPositionRisk * equityAfter, heat.maxHeat * equityAfter - heat.riskAmountExcept(view, symbol));
  const units = unitsWithin(room, perUnit);
  return Math.min(order.quantity, closing + Math.max(0, units - sameSide));
}
