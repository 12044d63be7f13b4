import type { OrderEvent } from "./events.js";

/**
 * The orders waiting for the next bar of their symbol, by symbol index, in the order they were made.
 * `count(s)` is a typed-array read, so the engine's per-bar check for orders to fill costs nothing when
 * there are none.
 * @example
 * const book = new OrderBook(2);
 * book.add(0, order);
 * const due = book.take(0); // [order]
 */
export class OrderBook {
  private readonly counts: Int32Array;
  private readonly signed: Float64Array;
  private readonly orders: OrderEvent[][];
  private total = 0;
  /** The array the last `take` returned, reused as a symbol's empty list by the next. */
  private spare: OrderEvent[] = [];

  constructor(symbolCount: number) {
    this.counts = new Int32Array(symbolCount);
    this.signed = new Float64Array(symbolCount);
    this.orders = Array.from({ length: symbolCount }, () => []);
  }

  /** The number of waiting orders over all symbols. */
  get size(): number {
    return this.total;
  }

  /** Returns the number of orders waiting for symbol `s`. */
  count(s: number): number {
    return this.counts[s]!;
  }

  /** Returns the signed quantity waiting for symbol `s` (buys positive). */
  pendingQuantity(s: number): number {
    return this.signed[s]!;
  }

  /** Adds an order for symbol `s`. */
  add(s: number, order: OrderEvent): void {
    this.orders[s]!.push(order);
    this.counts[s]!++;
    this.signed[s]! += order.side === "buy" ? order.quantity : -order.quantity;
    this.total++;
  }

  /**
   * Removes and returns the orders of symbol `s`, oldest first. The array returned is the book's own,
   * valid until the next `take` (which reuses it, so that fills allocate no arrays): read it before then.
   */
  take(s: number): readonly OrderEvent[] {
    const due = this.orders[s]!, spare = this.spare;
    // emptied with pop, not `length = 0`, which drops the array's storage (the next push would allocate it again)
    while (spare.length > 0) spare.pop();
    this.orders[s] = spare;
    this.spare = due;
    this.total -= due.length;
    this.counts[s] = 0;
    this.signed[s] = 0;
    return due;
  }

  /** Returns copies of every waiting order, oldest first: changing them changes nothing in the book. */
  all(): OrderEvent[] {
    return this.orders.flat().sort((a, b) => a.id - b.id).map((o) => ({ ...o }));
  }

  /** Freezes every order waiting (see RiskPhase.freezeOrders). */
  freezeAll(): void {
    for (const orders of this.orders) for (const order of orders) Object.freeze(order);
  }

  /** Drops every order. */
  clear(): void {
    for (let s = 0; s < this.orders.length; s++) this.take(s);
  }
}
