import type { OrderEvent } from "../engine/events.js";
import type { ExecutionHandler } from "../execution/execution-handler.js";
import type { PositionSnapshot } from "../portfolio/portfolio-view.js";

/**
 * Returns what closing `positions` at their last prices at time `ts` would cost through `execution`:
 * each position's commission plus its slippage (the fill's distance from the last price, times the
 * quantity), as market orders filled at that price would pay them; 0 for no positions. A walk-forward's
 * stitched curve takes it off each test window's last point, since the next window starts flat in cash.
 * @example liquidationCost(new ExecutionHandler({ commission: { fraction: 0.001 } }), result.openPositions, ts, cash)
 */
export function liquidationCost(execution: ExecutionHandler, positions: readonly PositionSnapshot[], ts: number, cash: number): number {
  let cost = 0, id = 0;
  for (const p of positions) {
    if (p.quantity === 0) continue;
    const order: OrderEvent = {
      type: "order", ts, id: --id, symbol: p.symbol, side: p.quantity > 0 ? "sell" : "buy", quantity: Math.abs(p.quantity),
      orderType: "market", direction: "exit", reason: "end of the window",
    };
    const fill = execution.executeAtPrice(order, p.lastPrice, ts, cash);
    if (fill.type === "fill") cost += fill.commission + fill.slippage;
  }
  return cost;
}
