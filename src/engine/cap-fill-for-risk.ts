import { InvalidOptionError } from "../core/errors.js";
import type { Bar } from "../core/types.js";
import type { ExecutionHandler } from "../execution/execution-handler.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import type { RiskManager } from "../risk/risk-manager.js";
import type { DeniedEvent, FillEvent, OrderEvent } from "./events.js";

/**
 * Returns the fill of an entry order cut to what the risk manager's `maxFillQuantity` allows at the
 * fill (`fill` itself when it allows all of it, with `requestedQuantity` the order's when cut), or a
 * RISK_LIMIT_AT_FILL denial when it allows nothing. The cut fill is priced again by the execution
 * handler (against `bar`, or at `marketPrice` when no bar object is made). Throws InvalidOptionError
 * for an answer that is not a number >= 0 (a risk manager bug).
 * @example capFillForRisk(riskManager, execution, order, fill, 110, undefined, portfolio.cash, view);
 */
export function capFillForRisk(
  risk: RiskManager, execution: ExecutionHandler, order: OrderEvent, fill: FillEvent, marketPrice: number, bar: Bar | undefined, cash: number, view: PortfolioView,
): FillEvent | DeniedEvent {
  const raw = risk.maxFillQuantity!(order, fill, marketPrice, view);
  if (typeof raw !== "number" || !(raw >= 0)) {
    throw new InvalidOptionError(`invalid quantity from risk manager "${risk.name}".maxFillQuantity: ${String(raw)} (expected a number of units >= 0) for order ${order.id} on ${order.symbol}`, { quantity: String(raw), orderId: order.id });
  }
  const most = Math.floor(raw);
  if (most >= fill.quantity) return fill;
  if (most === 0) {
    return {
      type: "denied", ts: fill.ts, symbol: order.symbol, direction: order.direction, code: "RISK_LIMIT_AT_FILL", orderId: order.id,
      details: { requestedQuantity: order.quantity, fillQuantity: fill.quantity, maxQuantity: 0, price: marketPrice },
      message: `order ${order.id} (${order.side} ${order.quantity} ${order.symbol}, ${order.direction}) cannot fill at ${marketPrice}: the risk manager allows no units at this price (heat or position risk at its limit)`,
    };
  }
  const smaller = { ...order, quantity: most };
  const refill = bar === undefined ? execution.executeAtPrice(smaller, marketPrice, fill.ts, cash) : execution.execute(smaller, bar, cash);
  return refill.type === "fill" ? { ...refill, requestedQuantity: order.quantity } : refill;
}
