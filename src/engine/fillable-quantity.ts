import type { OrderEvent } from "./events.js";

/**
 * Returns how much of `order` may fill given `held`, the signed position of its symbol now: an exit
 * closes at most the position it was meant to close, and without shorting a sell sells at most the
 * long position; anything else fills whole. Earlier fills cut for cash, or a protective stop, can
 * leave less than the order was sized for.
 * @example
 * fillableQuantity(exitOrder, 40, false); // at most 40
 */
export function fillableQuantity(order: OrderEvent, held: number, allowShort: boolean): number {
  if (order.direction === "exit") return Math.min(order.quantity, Math.max(0, order.side === "sell" ? held : -held));
  if (order.side === "sell" && !allowShort) return Math.min(order.quantity, Math.max(0, held));
  return order.quantity;
}
