/**
 * A Float64Array that grows by doubling as values are appended: the engine's recorders (equity curve,
 * journal) write one value per bar without allocating per row. `values()` returns a zero-copy view of
 * the filled part.
 * @example
 * const column = new GrowableFloat64();
 * column.push(1.5);
 * column.values(); // Float64Array [1.5]
 */
export class GrowableFloat64 {
  /** The number of values appended. */
  length = 0;
  private data: Float64Array;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(16, initialCapacity));
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
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** Returns a copy of the filled part. */
  copy(): Float64Array {
    return this.data.slice(0, this.length);
  }

  /** Drops every value (keeps the capacity). */
  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}
