import { InvalidOptionError } from "../core/errors.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import type { RiskManager } from "../risk/risk-manager.js";
import type { OrderSide, SignalEvent } from "./events.js";

/** What the risk step makes of a signal: nothing, a denial, or an order. */
export type SignalRoute =
  | { readonly kind: "ignore" }
  | { readonly kind: "deny"; readonly code: string; readonly message: string; readonly details: Readonly<Record<string, number | string>> }
  | { readonly kind: "order"; readonly side: OrderSide; readonly quantity: number; readonly stopPrice: number | undefined };

const IGNORE: SignalRoute = { kind: "ignore" };

/** An order route whose fields can be written: the risk step's one reused route (see routeSignal's `into`). */
export type ReusableOrderRoute = { kind: "order"; side: OrderSide; quantity: number; stopPrice: number | undefined };

/** Returns the order route (side, quantity, stop), written into `into` when given. */
function orderRoute(side: OrderSide, quantity: number, stopPrice: number | undefined, into: ReusableOrderRoute | undefined): SignalRoute {
  if (into === undefined) return { kind: "order", side, quantity, stopPrice };
  into.side = side;
  into.quantity = quantity;
  into.stopPrice = stopPrice;
  return into;
}

/**
 * Returns what the risk step makes of a signal, given `held`, the signed quantity held plus the
 * quantity of orders still waiting for the symbol:
 * - "exit" closes what is held (quietly ignored when flat), if `canTrade` allows;
 * - "long"/"short" are denied with ALREADY_IN_POSITION when held in that direction (no pyramiding),
 *   "short" with SHORTING_DISABLED unless `allowShort`; otherwise `canTrade` decides and
 *   `computeQuantity` (rounded down) sizes the new position, to which an opposite position is added,
 *   so a reversal is one order; a size of 0 is denied with ZERO_QUANTITY. When the risk manager has
 *   `evaluate`, one call to it replaces `canTrade` and `computeQuantity` for entries, and the order's
 *   stop is the decision's (else the signal's); without it the order carries the signal's stop.
 * A risk refusal is a denial with the risk manager's code. Throws for a quantity that is not a finite
 * number >= 0 (a risk manager bug). An order route is written into `into` when given (a caller that
 * reads it at once need not get a new object per signal).
 * @example
 * routeSignal(signal, 0, false, new FixedFractionRisk(), view); // { kind: "order", side: "buy", quantity: 30 }
 */
export function routeSignal(signal: SignalEvent, held: number, allowShort: boolean, risk: RiskManager, view: PortfolioView, into?: ReusableOrderRoute): SignalRoute {
  const { direction, symbol } = signal;
  if (direction === "exit") {
    if (held === 0) return IGNORE;
    const check = risk.canTrade(signal, view);
    if (!check.allowed) return { kind: "deny", code: check.code, message: check.message, details: { ...check.details } };
    return orderRoute(held > 0 ? "sell" : "buy", Math.abs(held), signal.stopPrice, into);
  }
  const want = direction === "long" ? 1 : -1;
  if (want < 0 && !allowShort) {
    return { kind: "deny", code: "SHORTING_DISABLED", message: `short signal for ${symbol} denied: shorting is disabled; pass allowShort: true to the engine`, details: {} };
  }
  if ((held > 0 && want > 0) || (held < 0 && want < 0)) {
    return { kind: "deny", code: "ALREADY_IN_POSITION", message: `${direction} signal for ${symbol} denied: already ${direction} ${Math.abs(held)} (no pyramiding)`, details: { quantity: held } };
  }
  let raw: number, stopPrice = signal.stopPrice;
  if (risk.evaluate !== undefined) {
    const decision = risk.evaluate(signal, view);
    if (!decision.allowed) return { kind: "deny", code: decision.code, message: decision.message, details: { ...decision.details } };
    raw = decision.quantity;
    stopPrice = decision.stopPrice ?? stopPrice;
  } else {
    const check = risk.canTrade(signal, view);
    if (!check.allowed) return { kind: "deny", code: check.code, message: check.message, details: { ...check.details } };
    raw = risk.computeQuantity(signal, view);
  }
  if (typeof raw !== "number" || !(raw >= 0 && raw < Infinity)) {
    throw new InvalidOptionError(
      `invalid quantity from risk manager "${risk.name}": ${String(raw)} (expected a finite number of units >= 0) for a ${direction} signal on ${symbol}`,
      { quantity: String(raw), symbol },
    );
  }
  const quantity = Math.floor(raw) + Math.abs(held);
  if (quantity === 0) {
    return { kind: "deny", code: "ZERO_QUANTITY", message: `${direction} signal for ${symbol} denied: the risk manager sized it at ${raw} units (below 1)`, details: { computedQuantity: raw, equity: view.equity } };
  }
  return orderRoute(want > 0 ? "buy" : "sell", quantity, stopPrice, into);
}
