/**
 * The protective stops of the open positions, by symbol index: a stop price (NaN when none), the side
 * of the position it protects and the id of the entry order that set it. `has(s)` is a typed-array
 * read, so the engine's per-bar check costs nothing for symbols without a stop, and `size` lets it skip
 * the check for the whole step when there are none.
 * @example
 * const stops = new StopBook(2);
 * stops.set(0, 95, 1, 7); // symbol 0, long (1), stop 95, set by order 7
 * stops.has(0); // true
 */
export class StopBook {
  private readonly level: Float64Array;
  private readonly sides: Int8Array;
  private readonly orderIds: Int32Array;
  private count = 0;

  constructor(symbolCount: number) {
    this.level = new Float64Array(symbolCount).fill(Number.NaN);
    this.sides = new Int8Array(symbolCount);
    this.orderIds = new Int32Array(symbolCount);
  }

  /** The number of symbols with a stop. */
  get size(): number {
    return this.count;
  }

  /** Returns whether symbol `s` has a stop. */
  has(s: number): boolean {
    const x = this.level[s]!;
    return x === x;
  }

  /** Returns the stop price of symbol `s`, or undefined. */
  price(s: number): number | undefined {
    const x = this.level[s]!;
    return x === x ? x : undefined;
  }

  /** Returns the side of the position the stop of symbol `s` protects: 1 long, -1 short (0 without a stop). */
  side(s: number): number {
    return this.sides[s]!;
  }

  /** Returns the id of the entry order whose stop symbol `s` has (0 without a stop). */
  orderId(s: number): number {
    return this.orderIds[s]!;
  }

  /** Sets (or replaces) the stop of symbol `s`: `side` 1 protects a long, -1 a short. */
  set(s: number, side: number, stopPrice: number, orderId: number): void {
    if (!this.has(s)) this.count++;
    this.level[s] = stopPrice;
    this.sides[s] = side;
    this.orderIds[s] = orderId;
  }

  /** Removes the stop of symbol `s` (nothing when it has none). */
  clear(s: number): void {
    if (!this.has(s)) return;
    this.count--;
    this.level[s] = Number.NaN;
    this.sides[s] = 0;
    this.orderIds[s] = 0;
  }

  /** Removes every stop. */
  clearAll(): void {
    for (let s = 0; s < this.level.length; s++) this.clear(s);
  }
}
