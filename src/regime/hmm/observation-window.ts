/**
 * The past observations a classifier refits on, as rows of D numbers in one growing Float64Array: all
 * of them (`capacity` Infinity) or only the last `capacity` rows (older rows are dropped, by an
 * occasional copy, so appending stays O(D) amortized).
 * @example
 * const window = new ObservationWindow(2, 500);
 * window.push(features.values);
 * const recent = window.rows(); // the last <= 500 rows, row-major
 */
export class ObservationWindow {
  /** Features per row. */
  readonly dimensions: number;
  /** Most rows kept (Infinity: all). */
  readonly capacity: number;
  private data: Float64Array;
  private start = 0;
  private end = 0;

  constructor(dimensions: number, capacity = Infinity) {
    this.dimensions = dimensions;
    this.capacity = capacity;
    this.data = new Float64Array(dimensions * Math.min(Number.isFinite(capacity) ? 2 * capacity : 1024, 1 << 20));
  }

  /** The number of rows kept. */
  get length(): number {
    return (this.end - this.start) / this.dimensions;
  }

  /** Appends one row (the first D values of `row`), dropping the oldest beyond the capacity. */
  push(row: ArrayLike<number>): void {
    const d = this.dimensions;
    if (this.end + d > this.data.length) {
      const kept = this.end - this.start;
      const target = this.data.length >= 2 * (kept + d) ? this.data : new Float64Array(Math.max(2 * (kept + d), this.data.length * 2));
      target.set(this.data.subarray(this.start, this.end));
      this.data = target;
      this.start = 0;
      this.end = kept;
    }
    for (let f = 0; f < d; f++) this.data[this.end + f] = row[f]!;
    this.end += d;
    if (this.length > this.capacity) this.start += d;
  }

  /** Returns the rows kept, row-major (a view, valid until the next push). */
  rows(): Float64Array {
    return this.data.subarray(this.start, this.end);
  }

  /** Returns the rows kept as arrays of D numbers. */
  toArrays(): number[][] {
    const d = this.dimensions;
    const out: number[][] = [];
    for (let i = this.start; i < this.end; i += d) out.push(Array.from(this.data.subarray(i, i + d)));
    return out;
  }

  /** Drops every row. */
  clear(): void {
    this.start = this.end = 0;
  }
}
