/**
 * An Int32Array that grows by doubling as values are appended: the engine's recorders (symbol and
 * string codes) write one value per bar without allocating per row. `values()` returns a zero-copy view of
 * the filled part.
 * @example
 * const column = new GrowableInt32();
 * column.push(7);
 * column.values(); // Int32Array [7]
 */
export class GrowableInt32 {
  /** The number of values appended. */
  length = 0;
  private data: Int32Array;

  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  /** Returns value `i` (0-based), undefined outside the filled part. */
  at(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.data[i] : undefined;
  }

  /**
   * Returns the filled part as a view (no copy). The view stays valid as values are appended (they go
   * past its end, or into a new buffer when growing), but not across `clear()`.
   */
  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Returns a copy of the filled part. */
  copy(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** Drops every value (keeps the capacity). */
  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}
