const CHUNK_ROWS = 4096;

/**
 * Rows of `stride` numbers, appended one at a time into fixed-size Float64 chunks: the engine's
 * recorders write a row with one capacity check and never copy what they stored when they grow (a
 * full chunk is kept and a new one started). Writing is `const o = store.append(); store.chunk[o + k] = x`;
 * reading back is `store.get(row, k)`.
 * @example
 * const store = new RowStore(2);
 * const o = store.append();
 * store.chunk[o] = 1.5;
 * store.chunk[o + 1] = 2;
 * store.get(0, 1); // 2
 */
export class RowStore {
  /** Numbers per row. */
  readonly stride: number;
  /** The number of rows appended. */
  length = 0;
  /** The chunk the last `append()` wrote into. */
  chunk: Float64Array;
  private offset = 0;
  private readonly chunks: Float64Array[];

  constructor(stride: number) {
    this.stride = stride;
    this.chunk = new Float64Array(CHUNK_ROWS * stride);
    this.chunks = [this.chunk];
  }

  /** Appends a row and returns its offset in `chunk`, where its `stride` numbers go. */
  append(): number {
    let o = this.offset;
    if (o === this.chunk.length) {
      this.chunk = new Float64Array(CHUNK_ROWS * this.stride);
      this.chunks.push(this.chunk);
      o = 0;
    }
    this.offset = o + this.stride;
    this.length++;
    return o;
  }

  /** Returns number `k` of row `row`. */
  get(row: number, k: number): number {
    return this.chunks[(row / CHUNK_ROWS) | 0]![(row % CHUNK_ROWS) * this.stride + k]!;
  }
}
